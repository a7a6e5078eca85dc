// A minimal fake `vscode` module for timing the extension's activation outside VS Code (bench/activate.ts).
//
// Everything is a Proxy stub (any property is another stub, calling or `new`-ing one returns a stub, stubs
// are not thenables and iterate as empty), except the few pieces activation really depends on: events
// (a working EventEmitter, so the harness can "open" a document), Disposable, Uri, Range/Position,
// configuration (returns the defaults), a workspace folder on disk (workspace.fs reads real files),
// findFiles (nothing found) and a diagnostic collection that records what it is given.
import { promises as fs } from 'node:fs';
import Module from 'node:module';
import * as nodePath from 'node:path';

type AnyFn = (...args: unknown[]) => unknown;

const STUB_NAME = Symbol('stub');

/** A stub for an API we do not model: property access, calls and construction all return more stubs. */
export function stub(name = 'vscode'): unknown {
  const children = new Map<PropertyKey, unknown>();
  const target = function () {} as unknown as Record<PropertyKey, unknown>;
  return new Proxy(target, {
    get(t, prop) {
      if (prop === STUB_NAME) return name;
      if (prop === 'then') return undefined; // never a thenable: `await stub` gives the stub
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => `[stub ${name}]`;
      if (prop === 'toString' || prop === 'toJSON') return () => `[stub ${name}]`;
      if (typeof prop === 'symbol') return undefined;
      if (Object.prototype.hasOwnProperty.call(t, prop) && prop !== 'prototype' && prop !== 'length' && prop !== 'name') return t[prop];
      let child = children.get(prop);
      if (!child) children.set(prop, (child = stub(`${name}.${String(prop)}`)));
      return child;
    },
    set(t, prop, value) {
      t[prop] = value;
      return true;
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`) as object,
  });
}

export class Disposable {
  static from(...items: Array<{ dispose(): unknown } | undefined>): Disposable {
    return new Disposable(() => items.forEach((d) => d?.dispose()));
  }
  constructor(private readonly callOnDispose: () => unknown) {}
  dispose(): void {
    this.callOnDispose();
  }
}

export class EventEmitter<T> {
  private listeners = new Set<(e: T) => unknown>();
  readonly event = (listener: (e: T) => unknown, thisArg?: unknown, disposables?: Disposable[]) => {
    const bound = thisArg ? listener.bind(thisArg) : listener;
    this.listeners.add(bound);
    const d = new Disposable(() => this.listeners.delete(bound));
    disposables?.push(d);
    return d;
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(value: string): Uri {
    const m = /^([a-z][\w+.-]*):(?:\/\/[^/]*)?(.*)$/i.exec(value);
    return m ? new Uri(m[1], m[2] || '/') : new Uri('file', value);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, nodePath.posix.join(base.path, ...parts));
  }
  get fsPath(): string {
    return this.path;
  }
  get authority(): string {
    return '';
  }
  get query(): string {
    return '';
  }
  get fragment(): string {
    return '';
  }
  with(change: { path?: string; scheme?: string }): Uri {
    return new Uri(change.scheme ?? this.scheme, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
  toJSON(): unknown {
    return { scheme: this.scheme, path: this.path };
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c ?? 0, d ?? 0) : (b as Position);
  }
}

export class Diagnostic {
  source?: string;
  code?: unknown;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity?: unknown,
  ) {}
}

export interface FakeTextDocument {
  uri: Uri;
  fileName: string;
  languageId: string;
  version: number;
  isClosed: boolean;
  isDirty: boolean;
  isUntitled: boolean;
  lineCount: number;
  getText(): string;
}

export interface FakeVscode {
  /** The module object `require('vscode')` returns. */
  module: Record<string, unknown>;
  /** Fires `workspace.onDidOpenTextDocument` for a new document with this text; resolves when its `postmortem` diagnostics are set. */
  openDocument(path: string, text: string, languageId?: string): { document: FakeTextDocument; diagnostics: Promise<Diagnostic[]> };
  /** Resolves when the document's diagnostics are next set. */
  nextDiagnostics(document: FakeTextDocument): Promise<Diagnostic[]>;
  context: Record<string, unknown>;
}

/**
 * Top-level names of the real API (classes, enums, namespaces, functions), read from the
 * `@types/vscode` declarations. Bundlers copy a CommonJS module's own keys into the namespace object
 * (`import * as vscode`), so the fake must list them.
 */
export function apiNamesFromTypes(dts: string): string[] {
  return [...new Set([...dts.matchAll(/^\texport (?:class|enum|namespace|const|let|function) (\w+)/gm)].map((m) => m[1]))];
}

/** Builds the fake API around a workspace folder on disk (may be empty). */
export function createFakeVscode(options: { workspaceFolder: string; extensionPath: string; apiNames: string[] }): FakeVscode {
  const folderUri = Uri.file(options.workspaceFolder);
  const folder = { uri: folderUri, name: nodePath.basename(options.workspaceFolder), index: 0 };
  const textDocuments: FakeTextDocument[] = [];
  const diagnosticWaiters = new Map<string, (d: Diagnostic[]) => void>();

  // workspace.onDid*/onWill* events: one real emitter per event name, so features can subscribe.
  const emitters = new Map<string, EventEmitter<unknown>>();
  const emitter = (name: string) => {
    let e = emitters.get(name);
    if (!e) emitters.set(name, (e = new EventEmitter<unknown>()));
    return e;
  };
  const withEvents = (name: string, overrides: Record<string, unknown>) => {
    const base = stub(name) as Record<string, unknown>;
    return new Proxy(overrides, {
      get(t, prop) {
        if (typeof prop === 'string' && prop in t) return t[prop];
        if (typeof prop === 'string' && /^on(Did|Will)[A-Z]/.test(prop)) return emitter(`${name}.${prop}`).event;
        return base[prop as string];
      },
    });
  };

  const configuration = () => ({
    get: <T>(_key: string, fallback?: T) => fallback,
    inspect: () => undefined,
    has: () => false,
    update: async () => undefined,
  });

  const stat = async (uri: Uri) => {
    const s = await fs.stat(uri.fsPath);
    return { type: s.isDirectory() ? 2 : 1, ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
  };

  const workspace = withEvents('workspace', {
    workspaceFolders: [folder],
    name: folder.name,
    isTrusted: true,
    textDocuments,
    getConfiguration: configuration,
    getWorkspaceFolder: (uri: Uri) => (uri.path.startsWith(folderUri.path) ? folder : undefined),
    asRelativePath: (p: Uri | string) => nodePath.relative(folderUri.path, typeof p === 'string' ? p : p.path),
    findFiles: async () => [],
    fs: {
      readFile: async (uri: Uri) => new Uint8Array(await fs.readFile(uri.fsPath)),
      stat,
      readDirectory: async (uri: Uri) => (await fs.readdir(uri.fsPath, { withFileTypes: true })).map((d) => [d.name, d.isDirectory() ? 2 : 1]),
      writeFile: async () => undefined,
      createDirectory: async () => undefined,
    },
    createFileSystemWatcher: () => withEvents('watcher', { dispose: () => undefined }),
  });

  const languages = withEvents('languages', {
    createDiagnosticCollection: (name: string) => {
      const entries = new Map<string, Diagnostic[]>();
      return {
        name,
        set: (uri: Uri, diagnostics: Diagnostic[]) => {
          entries.set(uri.toString(), diagnostics);
          // Only the engine's own collection (not the Markdown link checks) answers a waiting harness.
          if (name !== 'postmortem') return;
          const waiter = diagnosticWaiters.get(uri.toString());
          diagnosticWaiters.delete(uri.toString());
          waiter?.(diagnostics);
        },
        get: (uri: Uri) => entries.get(uri.toString()),
        delete: (uri: Uri) => entries.delete(uri.toString()),
        clear: () => entries.clear(),
        forEach: (cb: AnyFn) => entries.forEach((d, k) => cb(Uri.parse(k), d)),
        dispose: () => entries.clear(),
      };
    },
  });

  const window = withEvents('window', {
    visibleTextEditors: [],
    activeTextEditor: undefined,
    tabGroups: withEvents('tabGroups', { all: [] }),
  });

  const overrides: Record<string, unknown> = { Disposable, EventEmitter, Uri, Position, Range, Diagnostic, workspace, languages, window, version: '1.90.0' };
  const api = stub('vscode') as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(overrides), ...options.apiNames])];
  const module = new Proxy(overrides, {
    get: (t, prop) => (typeof prop === 'string' && prop in t ? t[prop] : api[prop as string]),
    has: (t, prop) => prop in t || keys.includes(prop as string),
    ownKeys: () => keys,
    getOwnPropertyDescriptor: (t, prop) => (typeof prop === 'string' && keys.includes(prop) ? { configurable: true, enumerable: true, writable: false, value: prop in t ? t[prop] : api[prop] } : undefined),
  });

  const storage = () => ({ get: <T>(_k: string, fallback?: T) => fallback, update: async () => undefined, keys: () => [], setKeysForSync: () => undefined });
  const context = {
    subscriptions: [] as Array<{ dispose(): unknown }>,
    extensionPath: options.extensionPath,
    extensionUri: Uri.file(options.extensionPath),
    asAbsolutePath: (p: string) => nodePath.join(options.extensionPath, p),
    globalState: storage(),
    workspaceState: storage(),
    storageUri: undefined,
    globalStorageUri: Uri.file(globalStoragePath(options.extensionPath)),
    logUri: Uri.file(nodePath.join(options.extensionPath, '.log')),
    extensionMode: 1,
    environmentVariableCollection: stub('environmentVariableCollection'),
    secrets: stub('secrets'),
    extension: { id: 'postmortem-tools.postmortem', extensionPath: options.extensionPath, packageJSON: {} },
  };

  let version = 0;
  return {
    module,
    context,
    openDocument(path, text, languageId = 'postmortem') {
      const uri = Uri.file(path);
      const document: FakeTextDocument = {
        uri,
        fileName: path,
        languageId,
        version: ++version,
        isClosed: false,
        isDirty: false,
        isUntitled: false,
        lineCount: text.split('\n').length,
        getText: () => text,
      };
      const diagnostics = new Promise<Diagnostic[]>((resolve) => diagnosticWaiters.set(uri.toString(), resolve));
      textDocuments.push(document);
      emitter('workspace.onDidOpenTextDocument').fire(document);
      return { document, diagnostics };
    },
    nextDiagnostics: (document) => new Promise<Diagnostic[]>((resolve) => diagnosticWaiters.set(document.uri.toString(), resolve)),
  };
}

/** Where the fake context's global storage is (the loader keeps its V8 code cache there). */
export function globalStoragePath(extensionPath: string): string {
  return nodePath.join(extensionPath, '.global-storage');
}

/** Makes `require('vscode')` return the fake (CommonJS bundles such as dist/extension.cjs). */
export function installFakeVscode(fake: FakeVscode): void {
  const mod = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = mod._load;
  mod._load = function (request, parent, isMain) {
    if (request === 'vscode') return fake.module;
    return original.call(this, request, parent, isMain);
  };
}

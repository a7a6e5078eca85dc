// Markdown intelligence for post-mortems (the built-in Markdown language features select `markdown`
// only): document links, path and `#header` completions, validation of relative links and header
// anchors, header references and rename. Built on the engine's parse (core/features/links.ts).
import * as vscode from 'vscode';
import { decodeLinkPath, documentHeadings, documentLinks, type HeadingInfo, inSpan, type LineSpan, type LinkInfo, slugify } from '../core/features/links';
import { parsePostmortem } from '../core/model/parse';
import type { PostmortemDocument } from '../core/model/types';
import { isPostmortem } from './analysis';
import { guardAsync } from './logging';
import type { Services } from './services';

export const LINK_DIAGNOSTIC_SOURCE = 'postmortem-links';
export const NO_RENAME_MESSAGE = 'Rename works on a section heading (or a #link to one) in a post-mortem: put the cursor on the heading text.';
const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i;

function range(span: LineSpan): vscode.Range {
  return new vscode.Range(span.line, span.start, span.line, span.end);
}

async function docOf(services: Services, document: vscode.TextDocument): Promise<PostmortemDocument> {
  return (await services.analyzer.analyze(document)).doc;
}

/** The file a relative link path points to (`/x` from the workspace folder), or undefined for `#x`. */
export function resolveLinkPath(document: vscode.Uri, path: string): vscode.Uri | undefined {
  if (!path) return undefined;
  const decoded = decodeLinkPath(path);
  if (decoded.startsWith('/')) {
    const folder = vscode.workspace.getWorkspaceFolder(document);
    return folder ? vscode.Uri.joinPath(folder.uri, decoded) : undefined;
  }
  return vscode.Uri.joinPath(document, '..', decoded);
}

async function stat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

async function headingsOfFile(uri: vscode.Uri): Promise<HeadingInfo[]> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return documentHeadings(parsePostmortem(text));
}

/** Problems of the relative links of a document: missing files, missing headers here or in the target. */
export async function linkProblems(document: vscode.TextDocument, doc: PostmortemDocument): Promise<vscode.Diagnostic[]> {
  const headings = new Set(documentHeadings(doc).map((h) => h.slug));
  const out: vscode.Diagnostic[] = [];
  const cache = new Map<string, Promise<Set<string> | undefined>>();
  for (const link of documentLinks(doc)) {
    if (link.path === undefined) continue;
    if (!link.path) {
      const fragment = link.fragment ?? '';
      if (link.fragmentSpan && fragment && !headings.has(decodeLinkPath(fragment).toLowerCase())) {
        const d = new vscode.Diagnostic(range(link.fragmentSpan), `No header '#${fragment}' in this document.`, vscode.DiagnosticSeverity.Warning);
        d.source = LINK_DIAGNOSTIC_SOURCE;
        d.code = 'link-missing-header';
        out.push(d);
      }
      continue;
    }
    const target = resolveLinkPath(document.uri, link.path);
    if (!target) continue;
    const info = await stat(target);
    if (!info) {
      const d = new vscode.Diagnostic(range(link.pathSpan), `File not found: ${link.path}`, vscode.DiagnosticSeverity.Warning);
      d.source = LINK_DIAGNOSTIC_SOURCE;
      d.code = 'link-missing-file';
      out.push(d);
      continue;
    }
    if (link.fragment && link.fragmentSpan && info.type & vscode.FileType.File && MARKDOWN_FILE.test(target.path)) {
      const key = target.toString();
      if (!cache.has(key)) cache.set(key, headingsOfFile(target).then((hs) => new Set(hs.map((h) => h.slug)), () => undefined));
      const slugs = await cache.get(key);
      if (slugs && !slugs.has(decodeLinkPath(link.fragment).toLowerCase())) {
        const d = new vscode.Diagnostic(range(link.fragmentSpan), `No header '#${link.fragment}' in ${link.path}.`, vscode.DiagnosticSeverity.Warning);
        d.source = LINK_DIAGNOSTIC_SOURCE;
        d.code = 'link-missing-header';
        out.push(d);
      }
    }
  }
  return out;
}

/** The heading under the cursor, or the heading a same-document `#link` under the cursor points to. */
function headingAt(doc: PostmortemDocument, position: vscode.Position): { heading: HeadingInfo; span: LineSpan } | undefined {
  const headings = documentHeadings(doc);
  const onHeading = headings.find((h) => inSpan(h.span, position.line, position.character));
  if (onHeading) return { heading: onHeading, span: onHeading.span };
  const link = documentLinks(doc).find((l) => l.path === '' && l.fragmentSpan && inSpan(l.span, position.line, position.character));
  if (link?.fragmentSpan) {
    const slug = decodeLinkPath(link.fragment ?? '').toLowerCase();
    const heading = headings.find((h) => h.slug === slug);
    if (heading) return { heading, span: link.fragmentSpan };
  }
  return undefined;
}

function linksTo(doc: PostmortemDocument, slug: string): LinkInfo[] {
  return documentLinks(doc).filter((l) => l.path === '' && l.fragment !== undefined && decodeLinkPath(l.fragment).toLowerCase() === slug);
}

/** Completion items for the link target being typed before `position`, if any. */
async function linkCompletions(document: vscode.TextDocument, position: vscode.Position, doc: PostmortemDocument): Promise<vscode.CompletionItem[] | undefined> {
  const prefix = document.lineAt(position.line).text.slice(0, position.character);
  const m = /\]\(\s*<?([^\s()<>]*)$/.exec(prefix) ?? /^\s{0,3}\[[^\]]+\]:\s*<?(\S*)$/.exec(prefix);
  if (!m) return undefined;
  const typed = m[1];
  if (/^[a-z][a-z0-9+.-]*:/i.test(typed)) return undefined;
  const hash = typed.indexOf('#');
  if (hash >= 0) {
    const start = position.translate(0, -(typed.length - hash - 1));
    const filePart = typed.slice(0, hash);
    let headings: HeadingInfo[] = [];
    if (!filePart) headings = documentHeadings(doc);
    else {
      const target = resolveLinkPath(document.uri, filePart);
      if (target && MARKDOWN_FILE.test(target.path)) headings = await headingsOfFile(target).catch(() => []);
    }
    return headings.map((h, i) => {
      const item = new vscode.CompletionItem(`#${h.slug}`, vscode.CompletionItemKind.Reference);
      item.detail = h.text;
      item.insertText = h.slug;
      item.filterText = h.slug;
      item.sortText = String(i).padStart(4, '0');
      item.range = new vscode.Range(start, position);
      return item;
    });
  }
  const slash = typed.lastIndexOf('/');
  const dirPart = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const dir = dirPart ? resolveLinkPath(document.uri, dirPart) : vscode.Uri.joinPath(document.uri, '..');
  if (!dir) return undefined;
  let entries: Array<[string, vscode.FileType]>;
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const start = position.translate(0, -(typed.length - dirPart.length));
  const items: vscode.CompletionItem[] = [];
  if (!typed) {
    for (const h of documentHeadings(doc)) {
      const item = new vscode.CompletionItem(`#${h.slug}`, vscode.CompletionItemKind.Reference);
      item.detail = h.text;
      item.sortText = `2${h.slug}`;
      item.range = new vscode.Range(start, position);
      items.push(item);
    }
  }
  for (const [name, type] of entries) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const folder = (type & vscode.FileType.Directory) !== 0;
    const item = new vscode.CompletionItem(folder ? `${name}/` : name, folder ? vscode.CompletionItemKind.Folder : vscode.CompletionItemKind.File);
    item.insertText = folder ? `${name}/` : name.replace(/ /g, '%20');
    item.range = new vscode.Range(start, position);
    item.sortText = `${folder ? 0 : 1}${name}`;
    if (folder) item.command = { command: 'editor.action.triggerSuggest', title: 'More' };
    items.push(item);
  }
  return items;
}

export function registerMarkdownSupport(selector: vscode.DocumentSelector, services: Services): vscode.Disposable {
  const { logger } = services;
  const collection = vscode.languages.createDiagnosticCollection(LINK_DIAGNOSTIC_SOURCE);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const validate = (document: vscode.TextDocument) =>
    guardAsync(logger, 'Link validation', undefined, async () => {
      if (!isPostmortem(document) || document.isClosed) return;
      const version = document.version;
      const problems = await linkProblems(document, await docOf(services, document));
      if (!document.isClosed && document.version === version) collection.set(document.uri, problems);
    });
  const schedule = (document: vscode.TextDocument) => {
    if (!isPostmortem(document)) return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void validate(document);
      }, 300),
    );
  };
  vscode.workspace.textDocuments.forEach((d) => void validate(d));
  const revalidateAll = () => vscode.workspace.textDocuments.forEach(schedule);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);

  return vscode.Disposable.from(
    collection,
    watcher,
    watcher.onDidCreate(revalidateAll),
    watcher.onDidDelete(revalidateAll),
    vscode.workspace.onDidOpenTextDocument((d) => void validate(d)),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      collection.delete(d.uri);
      clearTimeout(timers.get(d.uri.toString()));
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
    vscode.languages.registerDocumentLinkProvider(selector, {
      provideDocumentLinks: (document) =>
        guardAsync(logger, 'Document links', [], async () => {
          const doc = await docOf(services, document);
          const headings = documentHeadings(doc);
          const out: vscode.DocumentLink[] = [];
          for (const l of documentLinks(doc)) {
            if (l.path === undefined) continue;
            if (!l.path) {
              const h = headings.find((x) => x.slug === decodeLinkPath(l.fragment ?? '').toLowerCase());
              if (h) out.push(new vscode.DocumentLink(range(l.span), document.uri.with({ fragment: `L${h.span.line + 1}` })));
              continue;
            }
            const target = resolveLinkPath(document.uri, l.path);
            if (target) {
              const link = new vscode.DocumentLink(range(l.span), l.fragment ? target.with({ fragment: l.fragment }) : target);
              link.tooltip = 'Follow link';
              out.push(link);
            }
          }
          return out;
        }),
    }),
    vscode.languages.registerCompletionItemProvider(
      selector,
      {
        provideCompletionItems: (document, position) =>
          guardAsync(logger, 'Link completion', undefined, async () => linkCompletions(document, position, await docOf(services, document))),
      },
      '(',
      '/',
      '#',
    ),
    vscode.languages.registerReferenceProvider(selector, {
      provideReferences: (document, position, context) =>
        guardAsync(logger, 'Header references', [], async () => {
          const doc = await docOf(services, document);
          const at = headingAt(doc, position);
          if (!at) return [];
          const refs = linksTo(doc, at.heading.slug).map((l) => new vscode.Location(document.uri, range(l.fragmentSpan ?? l.span)));
          if (context.includeDeclaration) refs.unshift(new vscode.Location(document.uri, range(at.heading.span)));
          return refs;
        }),
    }),
    vscode.languages.registerRenameProvider(selector, {
      prepareRename: async (document, position) => {
        const doc = await docOf(services, document);
        const at = headingAt(doc, position);
        if (!at) throw new Error(NO_RENAME_MESSAGE);
        return { range: range(at.span), placeholder: at.heading.text };
      },
      provideRenameEdits: async (document, position, newName) => {
        const doc = await docOf(services, document);
        const at = headingAt(doc, position);
        if (!at) throw new Error(NO_RENAME_MESSAGE);
        const name = newName.trim();
        if (!name) throw new Error('A heading needs some text.');
        const slug = slugify(name);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, range(at.heading.span), name);
        for (const l of linksTo(doc, at.heading.slug)) if (l.fragmentSpan) edit.replace(document.uri, range(l.fragmentSpan), slug);
        return edit;
      },
    }),
  );
}

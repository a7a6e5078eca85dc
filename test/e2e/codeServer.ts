/**
 * Start a real VS Code (code-server, installed by scripts/setup-editor.sh into
 * .vscode-test/code-server/) for end-to-end tests driven by playwright-core.
 *
 *   const cs = await startCodeServer({ workspace: '/path/to/folder', vsix: 'x.vsix' });
 *   await openWorkbench(page, cs.workbenchUrl);     // see ./workbench.ts
 *   await cs.stop();
 *
 * Every server gets its own free loopback port and throw-away user-data and
 * extensions directories. The process runs in its own process group; stop()
 * (and, as a safety net, process exit / SIGINT / SIGTERM) kills the whole tree.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_BIN =
  process.env.CODE_SERVER_BIN ?? join(REPO_ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');

export interface CodeServerOptions {
  /** Folder opened in the workbench (absolute or relative to cwd). */
  workspace: string;
  /** A .vsix installed with `code-server --install-extension` before start. */
  vsix?: string;
  /**
   * An unpacked extension folder loaded as a development extension. code-server's
   * CLI rejects `--extensionDevelopmentPath`, so this goes through the workbench
   * URL (`payload=[["extensionDevelopmentPath","vscode-remote://host/path"]]`):
   * use `workbenchUrl`, which carries it.
   */
  extensionDevPath?: string;
  /** Like extensionDevPath: a test runner module run by the remote extension host. */
  extensionTestsPath?: string;
  /** Extra environment for the code-server process; it reaches the extension host's process.env. */
  env?: Record<string, string>;
  /** Merged over the default user settings (trust off, no start-up editor, quiet). */
  settings?: object;
  /** Workspace trust on, without its prompt, so the workspace opens in Restricted Mode. */
  untrusted?: boolean;
  /** ms to wait for the HTTP port; default 60000. */
  timeoutMs?: number;
  /** Keep the temp dirs after stop() (for debugging); also env E2E_KEEP_TMP=1. */
  keepTemp?: boolean;
}

export interface CodeServer {
  /** Base URL, `http://127.0.0.1:<port>/`. */
  url: string;
  /** URL that opens `workspace` (and the development extension / tests, if any). */
  workbenchUrl: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  /** VS Code's own log files (server, exthost, ...) live below here. */
  logsDir: string;
  /** code-server's stdout+stderr so far (also the --install-extension output). */
  logs: () => string;
  /** ms spent in `--install-extension` and from spawn until the port answered. */
  timings: { installMs: number; listenMs: number };
  stop(): Promise<void>;
}

/** Trust on, never asked: a folder nobody trusted opens in Restricted Mode. */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

const DEFAULT_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'window.restoreWindows': 'none',
};

/** Ask the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

// ---------------------------------------------------------------- process-tree cleanup

/** Running servers and the temp dir to remove with each (undefined: keep). */
const live = new Map<ChildProcess, string | undefined>();
let hooksInstalled = false;

/** All descendants of pid (Linux /proc), so children that left the group die too. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      /* process went away */
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift()!) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  const pids = descendants(child.pid);
  try {
    process.kill(-child.pid, signal); // the whole process group (detached: true)
  } catch {
    /* already gone */
  }
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      /* already gone */
    }
  }
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const [c, dir] of live) {
      killTree(c, 'SIGKILL');
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      // the 'exit' hook kills the servers
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[sig]);
    });
  }
}

// ---------------------------------------------------------------- start

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, logs: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastErr = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before listening:\n${logs()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
      lastErr = `HTTP ${res.status}`;
    } catch (e) {
      lastErr = String((e as Error).message ?? e);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms (${lastErr}):\n${logs()}`);
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  if (!existsSync(CODE_SERVER_BIN)) {
    throw new Error(`code-server not found at ${CODE_SERVER_BIN}; run: bash scripts/setup-editor.sh`);
  }
  installExitHooks();
  const workspace = resolve(opts.workspace);
  const port = await freePort();
  const base = mkdtempSync(join(tmpdir(), 'postmortem-cs-'));
  const userDataDir = join(base, 'user');
  const extensionsDir = join(base, 'ext');
  const configFile = join(base, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(opts.untrusted ? UNTRUSTED_SETTINGS : {}), ...(opts.settings ?? {}) }, null, 2),
  );
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  let out = '';
  const append = (chunk: Buffer | string) => {
    out += chunk.toString();
    if (out.length > 4_000_000) out = out.slice(-2_000_000);
  };
  const logs = () => out;
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  // Keep the caller's environment, minus variables that would make a nested
  // VS Code think it is a child of another one.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$)/.test(k)) delete env[k];
  Object.assign(env, opts.env ?? {});

  const timings = { installMs: 0, listenMs: 0 };
  if (opts.vsix) {
    const t0 = Date.now();
    const r = spawnSync(CODE_SERVER_BIN, [...common, '--install-extension', resolve(opts.vsix), '--force'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    append(`$ code-server --install-extension ${opts.vsix}\n${r.stdout ?? ''}${r.stderr ?? ''}`);
    timings.installMs = Date.now() - t0;
    if (r.status !== 0) {
      rmSync(base, { recursive: true, force: true });
      throw new Error(`installing ${opts.vsix} failed (${r.status ?? r.error}):\n${out}`);
    }
  }
  const tSpawn = Date.now();

  const args = [
    ...common,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.untrusted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    workspace,
  ];
  const keep = opts.keepTemp || process.env.E2E_KEEP_TMP === '1';
  const child = spawn(CODE_SERVER_BIN, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.set(child, keep ? undefined : base);
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      killTree(child, 'SIGTERM');
      const t = setTimeout(() => killTree(child, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(t);
    }
    killTree(child, 'SIGKILL'); // stragglers (extension host, pty host, watcher)
    live.delete(child);
    if (!keep) rmSync(base, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(`${url}healthz`, child, opts.timeoutMs ?? 60_000, logs);
    timings.listenMs = Date.now() - tSpawn;
  } catch (e) {
    await stop();
    throw e;
  }

  // The workbench reads ?folder= and ?payload=[[key, value], ...]; in code-server the
  // remote authority is the page's host, so server paths become vscode-remote://host/path.
  const authority = `127.0.0.1:${port}`;
  const remote = (p: string) => `vscode-remote://${authority}${resolve(p)}`;
  const payload: [string, string][] = [];
  if (opts.extensionDevPath) payload.push(['extensionDevelopmentPath', remote(opts.extensionDevPath)]);
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remote(opts.extensionTestsPath)]);
  let workbenchUrl = `${url}?folder=${encodeURIComponent(workspace)}`;
  if (payload.length) workbenchUrl += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  return { url, workbenchUrl, port, userDataDir, extensionsDir, logsDir: join(userDataDir, 'logs'), logs, timings, stop };
}

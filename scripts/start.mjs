// `npm start`: build and package the extension, then open a real editor on a sample workspace
// (.vscode-test/sample-workspace/: the three examples and an empty postmortems/ folder, created once;
// your edits there are kept) with the extension installed.
//
//   - A `code` command on PATH: VS Code opens an Extension Development Host
//     (`code --extensionDevelopmentPath=<repo> <workspace>`), and this script exits.
//   - Otherwise: a pinned VS Code in the browser, code-server, set up once by
//     scripts/setup-editor.sh --no-chromium into .vscode-test/code-server/ (cached), with the VSIX
//     installed; this script prints its local URL and runs until Ctrl+C.
//
// Options: --code-server (use code-server even when `code` exists), --check (start, verify the
// editor answers, stop: a smoke test of this script), --prepare-workspace (only create the sample
// workspace; used by .vscode/tasks.json). Environment: PORT (default 8080, or a free one).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = join(ROOT, '.vscode-test', 'sample-workspace');
const EXAMPLES = join(ROOT, 'test', 'fixtures', 'examples');
const VSIX = join(ROOT, 'postmortem.vsix');
const CS_BIN = process.env.CODE_SERVER_BIN ?? join(ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
const STATE = join(ROOT, '.vscode-test', 'start'); // code-server's user data and extensions for npm start
const args = process.argv.slice(2);
const CHECK = args.includes('--check');
const FORCE_CODE_SERVER = args.includes('--code-server') || CHECK;

const say = (msg) => console.log(`[start] ${msg}`);
function fail(msg) {
  console.error(`\n[start] ERROR: ${msg}`);
  process.exit(1);
}
function run(title, cmd, cmdArgs, options = {}) {
  say(title);
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', ...options });
  if (r.error) fail(`${title}: ${r.error.message}`);
  if (r.status !== 0) fail(`${title} failed (exit ${r.status}); see the output above.`);
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Copy the examples and an empty postmortems/ folder, once: existing files are never touched. */
function prepareSampleWorkspace() {
  mkdirSync(join(SAMPLE, 'postmortems'), { recursive: true });
  const added = [];
  for (const f of readdirSync(EXAMPLES).filter((n) => n.endsWith('.postmortem.md'))) {
    const target = join(SAMPLE, f);
    if (existsSync(target)) continue;
    writeFileSync(target, readFileSync(join(EXAMPLES, f))); // not copyFile: the fixtures are read-only
    added.push(f);
  }
  say(`sample workspace: ${SAMPLE}${added.length ? ` (added ${added.join(', ')})` : ' (kept as you left it)'}`);
}

function freePort(preferred) {
  const attempt = (port) =>
    new Promise((res) => {
      const srv = createServer();
      srv.once('error', () => res(undefined));
      srv.listen(port, '127.0.0.1', () => {
        const p = srv.address().port;
        srv.close(() => res(p));
      });
    });
  return attempt(preferred).then((p) => p ?? attempt(0));
}

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return true;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

if (args.includes('--prepare-workspace')) {
  prepareSampleWorkspace();
  process.exit(0);
}

// ---------------------------------------------------------------- build and package
if (!existsSync(join(ROOT, 'node_modules', '.bin', 'esbuild'))) fail('dependencies are missing: run `npm ci` first.');
run('build and package: node scripts/package.mjs (production build + vsce package)', process.execPath, ['scripts/package.mjs']);
prepareSampleWorkspace();

// ---------------------------------------------------------------- VS Code desktop
const code = FORCE_CODE_SERVER ? undefined : onPath('code');
if (code) {
  // The development host loads dist/ from the repository: a development build has source maps.
  run('development build (with source maps): node esbuild.mjs', process.execPath, ['esbuild.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  say(`opening VS Code: code --extensionDevelopmentPath=${ROOT} ${SAMPLE}`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${ROOT}`, SAMPLE], { stdio: 'inherit' });
  if (r.status !== 0) fail(`\`code\` exited with ${r.status ?? r.error?.message}. Run with --code-server to use a browser editor instead.`);
  say('An Extension Development Host window opened with the sample workspace. Packaged extension: postmortem.vsix');
  process.exit(0);
}

// ---------------------------------------------------------------- code-server
say(`no \`code\` command${FORCE_CODE_SERVER ? ' wanted' : ' found'}: using code-server, VS Code in the browser.`);
if (!existsSync(CS_BIN)) {
  say('First run: scripts/setup-editor.sh --no-chromium installs, once and cached:');
  say('  - if missing, with apt (system-wide, needs root): ripgrep, libkrb5-dev, pkg-config');
  say('  - code-server 4.100.3 (VS Code 1.100.3) from npm into .vscode-test/code-server/ (about 280 MB, a few minutes;');
  say('    nothing outside this repository except the apt packages). Remove .vscode-test/ to undo.');
}
run('bash scripts/setup-editor.sh --no-chromium', 'bash', [join(ROOT, 'scripts', 'setup-editor.sh'), '--no-chromium']);

const userData = join(STATE, 'user-data');
const extensions = join(STATE, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(extensions, { recursive: true });
const settingsFile = join(userData, 'User', 'settings.json');
if (!existsSync(settingsFile)) {
  writeFileSync(
    settingsFile,
    JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none' }, null, 2),
  );
}
const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
say(`installing postmortem.vsix into code-server (${extensions})`);
try {
  execFileSync(CS_BIN, [...common, '--install-extension', VSIX, '--force'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
} catch (e) {
  fail(`code-server --install-extension failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
}

const port = await freePort(Number(process.env.PORT ?? 8080));
const child = spawn(
  CS_BIN,
  [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', SAMPLE],
  // code-server reads $PORT itself: give it the port chosen here (PORT=0 means "any free one").
  { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: String(port) } },
);
let logs = '';
child.stdout.on('data', (d) => (logs = (logs + d).slice(-20000)));
child.stderr.on('data', (d) => (logs = (logs + d).slice(-20000)));

/** Kill code-server and everything it started (extension host, file watcher, pty host). */
function stop() {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
  setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 3000).unref();
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.log('');
    say('stopping code-server');
    stop();
    child.once('exit', () => process.exit(0));
  });
}
process.on('exit', () => stop());
// npm killed without passing the signal on (e.g. `kill -9` of npm): this script is re-parented; stop too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    say('the terminal that started this is gone: stopping code-server');
    stop();
    process.exit(0);
  }
}, 1000).unref();

const base = `http://127.0.0.1:${port}/`;
if (!(await waitForHttp(`${base}healthz`, child, 60_000))) {
  stop();
  fail(`code-server did not start:\n${logs}`);
}
const url = `${base}?folder=${encodeURIComponent(SAMPLE)}`;
if (CHECK) {
  const res = await fetch(url);
  const html = await res.text();
  const listed = execFileSync(CS_BIN, [...common, '--list-extensions', '--show-versions'], { encoding: 'utf8' });
  say(`check: GET ${url} -> ${res.status}, workbench page ${html.includes('vscode-workbench-web-configuration') || html.includes('workbench') ? 'served' : 'MISSING'}`);
  say(`check: installed extensions: ${listed.trim().split('\n').join(', ')}`);
  stop();
  process.exit(res.ok && /postmortem-tools\.postmortem@/.test(listed) ? 0 : 1);
}

const line = '='.repeat(Math.min(100, url.length + 4));
console.log(`\n${line}\n  Postmortem is running in VS Code (code-server ${'4.100.3'}). Open:\n\n  ${url}\n\n  (local only: 127.0.0.1; from another machine use an SSH tunnel: ssh -L ${port}:127.0.0.1:${port} <host>)\n  Press Ctrl+C to stop.\n${line}\n`);
child.once('exit', (codeOrNull, signal) => {
  if (codeOrNull !== 0 && signal === null) console.error(logs.split('\n').slice(-30).join('\n'));
  say(`code-server exited (${codeOrNull ?? signal})`);
  process.exit(codeOrNull ?? 0);
});

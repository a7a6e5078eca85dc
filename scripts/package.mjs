// `npm run package`: production build, then `vsce package --no-dependencies -o postmortem.vsix`;
// prints the VSIX size and the packaged files (`vsce ls`). `--out <file>` changes the output.
//
// What goes into the VSIX is decided by .vscodeignore (an allow-list: dist bundles, media,
// syntaxes, snippets, language configuration, README, CHANGELOG, LICENSE, docs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = resolve(ROOT, outArg > 0 ? process.argv[outArg + 1] : 'postmortem.vsix');
const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');

/** Runs a build step; `quiet` keeps its output unless it fails (vsce prints its own file tree, which would list the files twice). */
function step(title, cmd, args, quiet = false) {
  const t0 = Date.now();
  console.log(`[package] ${title}`);
  try {
    execFileSync(cmd, args, { cwd: ROOT, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  } catch (error) {
    if (quiet) process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw error;
  }
  return Date.now() - t0;
}

if (!existsSync(vsce)) {
  console.error('[package] node_modules/.bin/vsce is missing: run `npm ci` first.');
  process.exit(1);
}

const buildMs = step('production build: node esbuild.mjs --production', process.execPath, ['esbuild.mjs', '--production']);

// vsce refuses to package when an entry point is missing; say which build should produce it.
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const missing = ['main', 'browser'].filter((k) => manifest[k] && !existsSync(join(ROOT, manifest[k])));
if (missing.length) {
  for (const k of missing) console.error(`[package] package.json "${k}" is ${manifest[k]}, which the build did not produce (see esbuild.mjs).`);
  process.exit(1);
}

mkdirSync(dirname(out), { recursive: true }); // vsce does not create it
const packMs = step(`vsce package --no-dependencies -o ${relative(ROOT, out)}`, vsce, ['package', '--no-dependencies', '-o', out], true);
const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').sort();
const kib = (statSync(out).size / 1024).toFixed(1);
// `vsce ls` lists the extension's files; the VSIX adds its two manifest files ([Content_Types].xml, extension.vsixmanifest).
console.log(`[package] ${relative(ROOT, out)}: ${kib} KiB, ${files.length} extension files (build ${buildMs} ms, vsce ${packMs} ms):`);
for (const f of files) console.log(`  ${f}`);

// Bundles the extension (node and web), the timeline webview script and the CLI.
import * as esbuild from 'esbuild';
import { buildNodeExtension, nodeExtensionWatchOptions } from './scripts/lazyChunks.mjs';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// The CLI's build id (part of its --cache keys): a hash of the sources and the locked dependencies, so a
// rebuilt CLI never reuses results an older build computed.
const buildId = (() => {
  const hash = createHash('sha256');
  const files = readdirSync('src', { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath ?? e.path}/${e.name}`)
    .sort();
  for (const file of [...files, 'package-lock.json']) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
})();
const cliDefine = { __VERSION__: JSON.stringify(version), __BUILD_ID__: JSON.stringify(buildId) };
// The CLI is a process of its own, so it may set V8 flags: without regex tier-up each of the blame detector's large
// regexes is compiled once, to native code, instead of to bytecode first and again to native code on its second use
// (that double compile was half of `postmortem lint` on one small file). The extension host is shared: no flags there.
const cliBanner = {
  js: '#!/usr/bin/env node\nimport { createRequire as __pmCreateRequire } from "node:module"; const require = __pmCreateRequire(import.meta.url);\nimport { setFlagsFromString as __pmSetV8Flags } from "node:v8"; __pmSetV8Flags("--no-regexp-tier-up");',
};

const ROOT = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  logLevel: 'info',
  legalComments: 'none',
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: ['src/extension/analysisWorker.ts'],
    outfile: 'dist/analysisWorker.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    define: cliDefine,
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: cliBanner,
  },
  {
    // The CLI's pool worker (src/cli/pool.ts starts it from beside dist/cli.js): the engine and the per-file jobs only.
    ...common,
    entryPoints: ['src/cli/poolWorker.ts'],
    define: cliDefine,
    outfile: 'dist/cliWorker.js',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: cliBanner,
  },
  {
    // Timeline preview webview script (browser IIFE) + the codicon font/CSS it uses, into dist/media/.
    ...common,
    entryPoints: ['media/timeline/main.ts'],
    outfile: 'dist/media/timeline.js',
    platform: 'browser',
    format: 'iife',
    target: ['chrome114'],
    plugins: [
      {
        name: 'copy-codicons',
        setup(build) {
          build.onEnd(async (result) => {
            if (result.errors.length) return;
            const { copyFile, mkdir } = await import('node:fs/promises');
            await mkdir('dist/media', { recursive: true });
            for (const file of ['codicon.css', 'codicon.ttf']) await copyFile(`node_modules/@vscode/codicons/dist/${file}`, `dist/media/${file}`);
            // Built-in Markdown preview styles (markdown.previewStyles): the timeline styles without their
            // `body` rule (the preview keeps its own page layout), then the preview's overrides.
            const { readFile, writeFile } = await import('node:fs/promises');
            const timeline = (await readFile('media/timeline.css', 'utf8')).replace(/^body \{[^}]*\}\n/m, '');
            await writeFile('dist/media/markdown-preview.css', `${timeline}\n${await readFile('media/markdown-preview.css', 'utf8')}`);
          });
        },
      },
    ],
  },
  {
    // Insights dashboard webview script (browser IIFE), into dist/media/insights.js.
    ...common,
    entryPoints: ['media/insights/main.ts'],
    outfile: 'dist/media/insights.js',
    platform: 'browser',
    format: 'iife',
    target: ['chrome114'],
  },
  {
    // Web extension host (vscode.dev, github.dev): runs in a web worker, so no Node built-ins and no DOM.
    // vfile's `#minpath`/`#minproc`/`#minurl` resolve to their browser files; the `worker` condition keeps
    // decode-named-character-reference off its DOM variant (document.createElement does not exist in a worker).
    ...common,
    entryPoints: ['src/extension/extension.browser.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    conditions: ['worker', 'browser', 'module'],
    define: { 'process.env.NODE_ENV': '"production"' },
  },
];

// The desktop entry point (a small loader that runs dist/extensionMain.cjs through V8's code cache) is built
// by scripts/lazyChunks.mjs, with the chunks the first diagnostics do not need loaded on first use.
if (watch) {
  const contexts = await Promise.all([nodeExtensionWatchOptions({ common }), ...builds].map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all([buildNodeExtension({ root: ROOT, outdir: `${ROOT}/dist`, common }), ...builds.map((b) => esbuild.build(b))]);
}

// Lazy chunks of the desktop extension bundle. Each module named in LAZY_CHUNKS is bundled on its own into
// `<outdir>/lazy-<name>.cjs`; in the main bundle an import of it becomes a small facade whose functions
// require the chunk on their first call. So the code the first diagnostics do not run (the blame detector,
// whose rule the editor's first analysis defers; the summary; the timeline view; insights) is neither
// compiled nor deserialised from the code cache at activation.
// Only functions cross the boundary: an import of anything else from a lazy module fails the build
// ("No matching export"), so a constant can never be read before its chunk is loaded.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** Chunk name → the module (a path relative to the project root, or a package) whose importers get the facade. */
export const LAZY_CHUNKS = {
  blame: 'src/core/blame/index.ts',
  // User-supplied patterns and their safety check (safe-regex2): only with `blameWording.extraPatterns` set.
  userPatterns: 'src/core/blame/userPatterns.ts',
  summary: 'src/core/summary/index.ts',
  timelineView: 'src/core/timelineView/index.ts',
  // Terms and their matcher: for hovers, the summary and insights, built on first use.
  glossary: 'src/core/glossary/index.ts',
  insights: 'src/core/insights/index.ts',
  gitEvents: 'src/core/gitEvents/index.ts',
  // The HTML entity table (character-entities), needed only where a document has an `&name;`.
  entities: 'decode-named-character-reference',
  // The regex safety check (safe-regex2 and its regex parser, ret): only for globs and patterns from settings.
  safeRegex: 'safe-regex2',
  // The YAML parser: only for a document with YAML front matter, `.postmortemrc.yaml`, or a new document's scaffold.
  yaml: 'src/core/util/yaml.ts',
};

const isPackage = (entry) => !entry.startsWith('src/');

const chunkFile = (name) => `lazy-${name}.cjs`;

/**
 * Builds every chunk with `options` (the main bundle's esbuild options: platform, format, minify…) into
 * `outdir`, and returns the plugin that puts the facades into the main bundle.
 * @param {{ root: string; outdir: string; options: import('esbuild').BuildOptions; chunks?: Record<string, string> }} args
 * @returns {Promise<{ plugin: import('esbuild').Plugin; files: string[]; inputs: Record<string, string[]> }>} `inputs`: each chunk's source files
 */
export async function lazyChunks({ root, outdir, options, chunks = LAZY_CHUNKS }) {
  const exportsOf = new Map();
  const files = [];
  // Chunks of an earlier build that no longer exist would ship in the VSIX: remove them.
  const current = new Set(Object.keys(chunks).map(chunkFile));
  for (const name of existsSync(outdir) ? readdirSync(outdir) : []) if (/^lazy-[\w-]+\.cjs(?:\.map)?$/.test(name) && !current.has(name.replace(/\.map$/, ''))) rmSync(path.join(outdir, name), { force: true });
  const { entryPoints: _entryPoints, outdir: _outdir, outExtension: _outExtension, plugins: _plugins, metafile: _metafile, ...rest } = options;
  const require = createRequire(import.meta.url);
  for (const [name, entry] of Object.entries(chunks)) {
    const outfile = path.join(outdir, chunkFile(name));
    // Only to list the chunk's functions (the build below replaces it), so it reports errors only.
    await esbuild.build({ ...rest, absWorkingDir: root, entryPoints: [entry], outfile, format: 'cjs', logLevel: 'error' });
    files.push(outfile);
    // The chunk is pure engine code (no `vscode`): loading it here lists its functions.
    delete require.cache[outfile];
    const module = require(outfile);
    const functions = [];
    // A CommonJS package whose exports are one function (`module.exports = fn`) is its default export.
    if (typeof module === 'function') functions.push('default');
    else for (const [key, value] of Object.entries(module)) {
      if (typeof value !== 'function') continue;
      if (/^class[\s{]/.test(Function.prototype.toString.call(value))) throw new Error(`lazy chunk "${name}" (${entry}) exports a class, ${key}: only functions can be loaded lazily`);
      functions.push(key);
    }
    exportsOf.set(isPackage(entry) ? entry : path.resolve(root, entry), { name, functions });
  }
  // Each chunk again, now with the facades of the other chunks: a chunk that uses another (the summary and insights use
  // the YAML parser and the glossary) loads it on first use instead of carrying its own copy.
  /** @type {Record<string, string[]>} */
  const inputs = {};
  for (const [name, entry] of Object.entries(chunks)) {
    const own = isPackage(entry) ? entry : path.resolve(root, entry);
    const built = await esbuild.build({ ...rest, absWorkingDir: root, entryPoints: [entry], outfile: path.join(outdir, chunkFile(name)), format: 'cjs', metafile: true, plugins: [facades(root, chunks, exportsOf, own)] });
    inputs[name] = Object.keys(built.metafile.inputs);
  }
  return { plugin: facades(root, chunks, exportsOf), files, inputs };
}

/**
 * The plugin that turns every import of a chunk's module (other than `own`, the chunk being built) into its facade.
 * @param {string} root
 * @param {Record<string, string>} chunks
 * @param {Map<string, { name: string; functions: string[] }>} exportsOf
 * @param {string} [own]
 * @returns {import('esbuild').Plugin}
 */
function facades(root, chunks, exportsOf, own) {
  return {
    name: 'lazy-chunks',
    setup(build) {
      build.onResolve({ filter: /^\.\/lazy-[\w-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
      const packages = Object.values(chunks).filter((entry) => isPackage(entry) && entry !== own);
      if (packages.length) {
        const filter = new RegExp(`^(?:${packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
        build.onResolve({ filter }, (args) => (args.namespace === 'lazy-chunk' || args.kind === 'entry-point' ? undefined : { path: args.path, namespace: 'lazy-chunk' }));
      }
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.namespace === 'lazy-chunk' || args.kind === 'entry-point') return undefined;
        const base = path.resolve(args.resolveDir, args.path);
        const target = [base, `${base}.ts`, path.join(base, 'index.ts')].find((candidate) => exportsOf.has(candidate) && candidate !== own);
        return target ? { path: target, namespace: 'lazy-chunk' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => {
        const { name, functions } = exportsOf.get(args.path);
        const forwarders = functions.map((fn) =>
          fn === 'default'
            ? `export default function (...args) { const m = load(); return (typeof m === 'function' ? m : m.default)(...args); }`
            : `export function ${fn}(...args) { return load().${fn}(...args); }`,
        );
        return {
          loader: 'js',
          resolveDir: root,
          contents: [`let chunk;`, `const load = () => (chunk ??= require('./${chunkFile(name)}'));`, ...forwarders].join('\n'),
        };
      });
    },
  };
}

/**
 * The desktop extension's build: the code-cache loader (`extension.cjs`), the main bundle
 * (`extensionMain.cjs`) and, unless `lazy` is false, its lazy chunks. esbuild.mjs, the bench and the
 * profiler all build it here, so they measure what ships.
 * @param {{ root: string; outdir: string; common: import('esbuild').BuildOptions; lazy?: boolean; metafile?: boolean }} args
 */
export async function buildNodeExtension({ root, outdir, common, lazy = true, metafile = false }) {
  const options = nodeOptions(common);
  const { plugin, files, inputs } = lazy ? await lazyChunks({ root, outdir, options }) : { plugin: undefined, files: [], inputs: {} };
  const result = await esbuild.build({ ...options, ...nodeEntries(outdir), absWorkingDir: root, metafile, plugins: plugin ? [plugin] : [] });
  return { result, chunkFiles: files, chunkInputs: inputs };
}

/** The same options, for an esbuild watch context (no lazy chunks: a chunk's exports are read once, at build). */
export function nodeExtensionWatchOptions({ common }) {
  return { ...nodeOptions(common), ...nodeEntries('dist') };
}

/** What the loader, the main bundle and the chunks share: Node, CommonJS, `vscode` from the host. */
const nodeOptions = (common) => ({ ...common, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] });

/** The loader and the main bundle, as dist/extension.cjs and dist/extensionMain.cjs. */
const nodeEntries = (outdir) => ({
  entryPoints: { extension: 'src/extension/extension.node.ts', extensionMain: 'src/extension/main.node.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
});

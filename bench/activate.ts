// Child process of bench/run.ts (bundled to plain CommonJS first, so no TypeScript loader skews the
// timings): loads the production extension bundle with a fake `vscode`, activates it, opens the medium
// document and waits for its diagnostics. Prints one JSON line with the phases in ms.
//   node activate.cjs <extension.cjs> <document.postmortem.md> <empty workspace dir> <@types/vscode/index.d.ts> [--first-only]
// --first-only: exit at the first diagnostics (bench/profile.ts activation-first profiles only what users wait for).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { apiNamesFromTypes, createFakeVscode, installFakeVscode } from './fakeVscode';

async function main(): Promise<void> {
  const [bundle, documentPath, workspaceFolder, vscodeTypes] = process.argv.slice(2);
  const text = readFileSync(documentPath, 'utf8');
  const apiNames = apiNamesFromTypes(readFileSync(vscodeTypes, 'utf8'));
  const fake = createFakeVscode({ workspaceFolder, extensionPath: path.dirname(path.dirname(bundle)), apiNames });
  installFakeVscode(fake);
  const requireBundle = createRequire(__filename);

  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const extension = requireBundle(bundle) as { activate(context: unknown): unknown; loadedChunks?: string[] };
  const t1 = performance.now();
  await extension.activate(fake.context);
  const t2 = performance.now();
  const { document, diagnostics } = fake.openDocument(path.join(workspaceFolder, 'medium.postmortem.md'), text);
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no diagnostics within 10 s')), 10_000).unref());
  const found = await Promise.race([diagnostics, timeout]);
  const t3 = performance.now();
  const cpu = process.cpuUsage(c0);
  // Chunks the loader ran through the code cache, and any that were required directly.
  const required = Object.keys(requireBundle.cache).filter((f) => /[\\/]lazy-[\w-]+\.cjs$/.test(f)).map((f) => path.basename(f, '.cjs').slice('lazy-'.length));
  const chunksAtFirst = [...new Set([...(extension.loadedChunks ?? []), ...required])];
  if (process.argv.includes('--first-only')) {
    process.stdout.write(`${JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1, firstAnalysisMs: t3 - t2, diagnostics: found.length, chunksAtFirst })}\n`);
    process.exit(0);
  }
  // The first analysis of a fresh host may leave its costliest rules for a second pass: wait for that one too.
  const settled = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2_000).unref());
  const complete = await Promise.race([fake.nextDiagnostics(document), settled]);
  const t4 = performance.now();

  process.stdout.write(`${JSON.stringify({
    bootMs: t0,
    loadMs: t1 - t0,
    activateMs: t2 - t1,
    firstAnalysisMs: t3 - t2,
    /** Open → the second pass's diagnostics (absent when the first ones were complete). */
    ...(complete ? { completeMs: t4 - t2, completeDiagnostics: complete.length } : {}),
    totalMs: t3 - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    diagnostics: found.length,
    chunksAtFirst,
    chunksAtComplete: [...(extension.loadedChunks ?? [])],
    subscriptions: (fake.context.subscriptions as unknown[]).length,
  })}\n`);
  for (const d of fake.context.subscriptions as Array<{ dispose?: () => unknown }>) {
    try {
      d.dispose?.();
    } catch {
      // Stubs may not dispose cleanly; the process exits anyway.
    }
  }
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

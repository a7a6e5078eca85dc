// Where a hostile document's analysis allocates: V8's sampling heap profiler, by function (builtins such as
// `split` are charged to their callers). Objects already collected are counted too, since they make the peak;
// LIVE=1 counts only what is still held after the run. For the issue 21 memory bar (test/unit/hostileTiers.test.ts).
//   node --import tsx test/fuzz/memProfile.ts <family> <size> [all]     (all: through every renderer, as the tiers suite)
// Line numbers are those of the function's start; bundle with esbuild first for meaningful ones.
import { Session } from 'node:inspector';
import { analyzeText } from '../../src/core/analyze';
import { hostileDocument, runEverywhere } from './hostileFamilies';

interface SampleNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SampleNode[];
}

const [family, size, scope] = process.argv.slice(2);
const live = process.env.LIVE === '1';
analyzeText('# a\n\n## Summary\n\nx\n', { today: '2026-03-20' });
const text = hostileDocument(family, Number(size));
const session = new Session();
session.connect();
const post = <T>(method: string, params: object = {}) => new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
await post('HeapProfiler.enable');
await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: !live, includeObjectsCollectedByMinorGC: !live });
const kept = scope === 'all' ? runEverywhere(text, '2026-03-20') : analyzeText(text, { today: '2026-03-20' });
if (live) (globalThis as { gc?: () => void }).gc?.();
const { profile } = await post<{ profile: { head: SampleNode } }>('HeapProfiler.stopSampling');

const self = new Map<string, number>();
const walk = (node: SampleNode, stack: string[]) => {
  const f = node.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  const owner = f.url ? key : `${key} <- ${stack.filter((k) => !k.includes(' :0')).slice(-2).join(' <- ')}`;
  self.set(owner, (self.get(owner) ?? 0) + node.selfSize);
  for (const child of node.children) walk(child, [...stack, key]);
};
walk(profile.head, []);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
console.log(`${live ? 'held' : 'allocated'}: ${mib([...self.values()].reduce((a, b) => a + b, 0))} MiB`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${mib(v).padStart(7)} MiB  ${k}`);
void kept;

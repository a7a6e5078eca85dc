// `npm start`: builds, then shows the CLI on an example (the real-editor route is added by scripts/editor.mjs when available).
import { execFileSync } from 'node:child_process';

execFileSync('node', ['esbuild.mjs'], { stdio: 'inherit' });
const example = 'test/fixtures/examples/checkout-latency.postmortem.md';
for (const args of [['timeline', example], ['actions', 'test/fixtures/examples', '--open']]) {
  console.log(`\n$ postmortem ${args.join(' ')}`);
  execFileSync('node', ['dist/cli.js', ...args], { stdio: 'inherit' });
}

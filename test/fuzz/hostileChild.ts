// One hostile document through everything, in a process of its own, for the tiers suite's memory
// figure: prints { ms, maxRssBytes, chars } as JSON. Usage: node --import tsx hostileChild.ts <family> <size>
import { hostileDocument, runEverywhere } from './hostileFamilies';

const [family, size] = process.argv.slice(2);
const text = hostileDocument(family, Number(size));
const started = performance.now();
runEverywhere(text, '2026-03-20');
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, chars: text.length })}\n`);

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePostmortem, type ParseOptions } from '../../src/core/model/parse';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function parseFixture(name: string, options?: ParseOptions) {
  return parsePostmortem(fixture(name), options);
}

/** 1-based line of a 0-based range start, as people read it. */
export function line(range: { start: { line: number } }): number {
  return range.start.line + 1;
}

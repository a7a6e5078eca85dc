import { parseArgs } from 'node:util';
import { UsageError } from './files';

export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Standard output is a terminal: Markdown and text also show bidi controls as escapes. */
  tty?: boolean;
}

export function parseCommandArgs<T extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

export function chooseFormat<F extends string>(value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`unknown format '${value}' (expected ${allowed.join(', ')})`);
}


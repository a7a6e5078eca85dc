// Small string helpers shared by the engine. Written as loops where the regex equivalent would be
// quadratic on long runs (`/[:\s]+$/` retries at every character of a run that does not end the text).

/** `text` without trailing characters for which `drop` is true. */
export function trimEndWhere(text: string, drop: (c: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` without trailing characters from `chars` (whitespace too when `chars` contains ' '). */
export function trimTrailing(text: string, chars: string): string {
  const space = chars.includes(' ');
  return trimEndWhere(text, (c) => chars.includes(c) || (space && /\s/.test(c)));
}

/** Characters turned into a string at once (the argument list of one call stays well inside the stack). */
const STRING_BATCH = 8192;

/**
 * The string of UTF-16 code units `codes[from, to)`, built in batches: an edited copy of a long text kept as
 * code units costs 2 bytes a character, where an array of one-character strings cost 40.
 */
export function stringFromCodes(codes: Uint16Array, from = 0, to = codes.length): string {
  let out = '';
  for (let at = from; at < to; at += STRING_BATCH) out += String.fromCharCode.apply(null, codes.subarray(at, Math.min(to, at + STRING_BATCH)) as unknown as number[]);
  return out;
}

/** The code units of `text`, to edit in place and turn back with stringFromCodes. */
export function codesOf(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

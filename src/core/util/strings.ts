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

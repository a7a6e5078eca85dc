// Small wording helpers shared by messages, the summary, the preview and the CLI.

/** `1 day`, `3 days`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function capitalize(text: string): string {
  return text.replace(/^(\s*)(\p{Ll})/u, (_m, space: string, c: string) => space + c.toUpperCase());
}

/** `line 12` / `lines 12, 23` from 0-based lines. */
export function linesText(lines: number[]): string {
  const unique = [...new Set(lines.map((l) => l + 1))];
  return `line${unique.length === 1 ? '' : 's'} ${unique.join(', ')}`;
}

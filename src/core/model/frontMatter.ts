// The front matter at the start of a document, read as remark-frontmatter reads it (a `---` line, any
// lines, a closing `---` line; trailing spaces and tabs allowed on both; or the same with `+++` for TOML,
// as Hugo and Zola write it), without the parser: micromark tokenizes every line of it (a 1 MB front
// matter: 1.1 s), and it is only ever a value for YAML or TOML.
import type { Yaml } from 'mdast';
import type { Point } from 'unist';

const OPEN = /^(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/;

/** A TOML front matter node (remark-frontmatter's `toml` type; mdast has no type of its own for it). */
export interface Toml extends Omit<Yaml, 'type'> {
  type: 'toml';
}

/** The front matter node at the start of `text`, and the offset where the text after its closing line starts; undefined without one. */
export function leadingFrontMatter(text: string): { node: Yaml | Toml; end: number } | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const fence = text.charCodeAt(0);
  let line = 2;
  let lineStart = open[0].length;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 0x0a && text.charCodeAt(lineEnd) !== 0x0d) lineEnd++;
    if (isClosingFence(text, lineStart, lineEnd, fence)) {
      // The value ends before the line ending in front of the closing fence.
      let valueEnd = lineStart;
      if (lineStart > open[0].length) valueEnd -= text.charCodeAt(lineStart - 1) === 0x0a && text.charCodeAt(lineStart - 2) === 0x0d ? 2 : 1;
      const start: Point = { line: 1, column: 1, offset: 0 };
      const end: Point = { line, column: lineEnd - lineStart + 1, offset: lineEnd };
      const node: Yaml | Toml = { type: fence === 0x2b ? 'toml' : 'yaml', value: text.slice(open[0].length, Math.max(open[0].length, valueEnd)), position: { start, end } };
      return { node, end: lineEnd };
    }
    if (lineEnd >= text.length) return undefined;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a ? 2 : 1);
    line++;
  }
  return undefined;
}

/** A line of three `fence` characters (`-` or `+`), then only spaces and tabs. */
function isClosingFence(text: string, start: number, end: number, fence: number): boolean {
  if (end - start < 3 || text.charCodeAt(start) !== fence || text.charCodeAt(start + 1) !== fence || text.charCodeAt(start + 2) !== fence) return false;
  for (let i = start + 3; i < end; i++) if (text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0x09) return false;
  return true;
}

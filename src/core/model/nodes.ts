import type { Node } from 'unist';
import type { TableRow } from 'mdast';

/** A node with the document offset of the chunk it was parsed in. */
export interface Located<T extends Node = Node> {
  node: T;
  offset: number;
}

export function nodeStart(node: Node, chunkOffset: number): number {
  return (node.position?.start.offset ?? 0) + chunkOffset;
}

export function nodeEnd(node: Node, chunkOffset: number): number {
  return (node.position?.end.offset ?? 0) + chunkOffset;
}

/** Content span of a table cell (cell positions include pipes and padding). */
export function cellContent(row: TableRow, index: number, chunkOffset: number, text: string): { text: string; start: number; end: number } | undefined {
  const cell = row.children[index];
  if (!cell || !cell.position) return undefined;
  let start = nodeStart(cell, chunkOffset);
  let end = nodeEnd(cell, chunkOffset);
  if (text[start] === '|') start++;
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { text: text.slice(start, end), start, end };
}


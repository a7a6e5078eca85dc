import type { Heading, Nodes, Root, RootContent, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { extractActionItems } from './actionItems';
import { parseMarkdown, splitIntoChunks } from './markdown';
import { buildMetadata, readFrontMatter, readKeyLines } from './metadata';
import { computeMetrics } from './metrics';
import type { ActionItem, ModelProblem, PostmortemDocument, Range, Section, TimelineEvent } from './types';
import { type Located, nodeEnd, nodeStart } from './nodes';
import { collectProse } from './prose';
import { sectionKindOf } from './sections';
import { readSuppressions } from './suppressions';
import { LineIndex } from './text';
import { extractTimeline } from './timeline';

/**
 * Parsed chunks by their text. A document's cache makes re-analysis after an edit re-parse only the
 * chunks (top-level sections) whose text changed. Entries not used by the latest parse are dropped.
 */
export class ChunkCache {
  private trees = new Map<string, Root>();
  private memos = new Map<string, unknown>();
  private usedMemos = new Map<string, unknown>();
  hits = 0;
  misses = 0;

  take(text: string, used: Map<string, Root>): Root {
    let tree = this.trees.get(text) ?? used.get(text);
    if (tree) this.hits++;
    else {
      tree = parseMarkdown(text);
      this.misses++;
    }
    used.set(text, tree);
    return tree;
  }

  replace(used: Map<string, Root>): void {
    this.trees = used;
  }

  /** Memoizes a derived result (e.g. a prose run's blame matches) by key, kept while the key stays in use. */
  memo<T>(key: string, compute: () => T): T {
    let value = (this.usedMemos.get(key) ?? this.memos.get(key)) as T | undefined;
    if (value === undefined) value = compute();
    this.usedMemos.set(key, value);
    return value;
  }

  /** Drops memos not used since the previous call (bounded memory: only the current text's entries survive). */
  sweepMemos(): void {
    this.memos = this.usedMemos;
    this.usedMemos = new Map();
  }

  get size(): number {
    return this.trees.size;
  }
}

export interface ParseOptions {
  cache?: ChunkCache;
  /** Documents longer than this (in characters) are not analysed; one problem says so. */
  maxFileSize?: number;
  /** Zone for times when the document names none. */
  defaultTimezone?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export function parsePostmortem(text: string, options: ParseOptions = {}): PostmortemDocument {
  const lines = new LineIndex(text);
  const problems: ModelProblem[] = [];
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > maxSize) {
    problems.push({
      code: 'file-too-large',
      message: `This file has ${formatSize(text.length)}, more than the limit of ${formatSize(maxSize)} (setting postmortem.maxFileSize); it is not analysed.`,
      range: lines.range(0, 0),
    });
    return emptyDocument(text, lines, problems, true);
  }
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const used = new Map<string, Root>();
  const blocks: Located<RootContent>[] = [];
  for (const chunk of splitIntoChunks(text, start)) {
    const tree = options.cache ? options.cache.take(chunk.text, used) : parseMarkdown(chunk.text);
    for (const node of tree.children) blocks.push({ node, offset: chunk.offset });
  }
  options.cache?.replace(used);

  // Front matter.
  let frontMatterRange: Range | undefined;
  const entries = [];
  const first = blocks[0];
  if (first && first.node.type === 'yaml') {
    const yamlStart = nodeStart(first.node, first.offset);
    const yamlEnd = nodeEnd(first.node, first.offset);
    frontMatterRange = lines.range(yamlStart, yamlEnd);
    const contentOffset = lines.lineStarts[lines.positionAt(yamlStart).line + 1] ?? yamlEnd;
    entries.push(...readFrontMatter((first.node as Yaml).value, contentOffset, lines, problems));
  } else if (/^---[ \t]*\r?\n/.test(text.slice(start))) {
    problems.push({ code: 'front-matter-yaml', message: 'Front matter starts with `---` but is never closed by a `---` line.', range: lines.range(start, start + 3) });
  }

  // Sections.
  const { sections, allSections, headings } = buildSections(blocks, lines, text.length);
  const firstSectionLine = allSections.find((s) => s.depth >= 2)?.range.start.line ?? lines.lineCount - 1;
  const keyLinesFrom = frontMatterRange ? frontMatterRange.end.line + 1 : 0;
  entries.push(...readKeyLines(lines, keyLinesFrom, Math.min(firstSectionLine, keyLinesFrom + 60)));
  const metadata = buildMetadata(entries, lines, problems);
  const h1 = headings.find((h) => h.node.depth === 1);
  const title = metadata.title?.value || (h1 ? toString(h1.node).trim() : undefined);

  // Timeline and action items, from the blocks of their sections.
  const timeline: TimelineEvent[] = [];
  const actionItems: ActionItem[] = [];
  for (const section of allSections) {
    if (section.kind !== 'timeline' && section.kind !== 'actionItems') continue;
    const from = lines.offsetAt(section.headingRange.end);
    const to = lines.offsetAt(section.range.end);
    const own = blocks.filter((b) => nodeStart(b.node, b.offset) >= from && nodeStart(b.node, b.offset) < to);
    if (section.kind === 'timeline') {
      for (const event of extractTimeline(own, { lines, problems, baseDate: metadata.date?.value, zone: metadata.timezone?.value ?? options.defaultTimezone })) timeline.push(event);
    } else {
      for (const item of extractActionItems(own, { lines, problems })) actionItems.push(item);
    }
  }

  const htmlNodes: Array<{ start: number; value: string }> = [];
  const tables: Range[] = [];
  // A plain walk: this runs over every node of every analysis, where unist-util-visit's per-node bookkeeping shows in profiles.
  const walk = (n: Nodes, offset: number): void => {
    if (n.type === 'html') htmlNodes.push({ start: nodeStart(n, offset), value: n.value });
    else if (n.type === 'table') tables.push(lines.range(nodeStart(n, offset), nodeEnd(n, offset)));
    if ('children' in n) for (const child of n.children) walk(child as Nodes, offset);
  };
  for (const { node, offset } of blocks) walk(node, offset);

  return {
    text,
    lineCount: lines.lineCount,
    lineStarts: lines.lineStarts,
    metadata,
    ...(title ? { title } : {}),
    ...(frontMatterRange ? { frontMatterRange } : {}),
    sections,
    allSections,
    timeline,
    actionItems,
    metrics: computeMetrics(metadata, timeline),
    prose: collectProse(blocks, lines, sections, actionItems),
    problems,
    suppressions: readSuppressions(htmlNodes, lines),
    tables,
  };
}

function buildSections(blocks: Located<RootContent>[], lines: LineIndex, textLength: number) {
  // Indexes of heading blocks; a section's body is the slice of blocks up to the next heading of the same or higher level.
  const headingIndexes: number[] = [];
  blocks.forEach((b, i) => {
    if (b.node.type === 'heading') headingIndexes.push(i);
  });
  const headings = headingIndexes.map((i) => blocks[i] as Located<Heading>);
  const allSections: Section[] = [];
  const roots: Section[] = [];
  const stack: Section[] = [];
  // For each heading, the next heading with depth <= its own (a monotonic stack keeps this linear).
  const closer: number[] = new Array(headings.length).fill(-1);
  const open: number[] = [];
  headings.forEach((h, j) => {
    while (open.length && headings[open[open.length - 1]].node.depth >= h.node.depth) closer[open.pop()!] = j;
    open.push(j);
  });
  headings.forEach((h, index) => {
    const depth = h.node.depth;
    const next = closer[index];
    const endOffset = next === -1 ? textLength : nodeStart(headings[next].node, headings[next].offset);
    const start = nodeStart(h.node, h.offset);
    const headingEnd = nodeEnd(h.node, h.offset);
    const end = trimTrailingNewlines(lines.text, headingEnd, endOffset);
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    const heading = toString(h.node).trim();
    const inherited = stack.some((s) => s.kind);
    const kind = inherited ? undefined : sectionKindOf(heading);
    const bodyBlocks = blocks.slice(headingIndexes[index] + 1, next === -1 ? blocks.length : headingIndexes[next]);
    const ownEnd = index + 1 < headingIndexes.length ? headingIndexes[index + 1] : blocks.length;
    const firstParagraph = blocks.slice(headingIndexes[index] + 1, ownEnd).find((b) => b.node.type === 'paragraph');
    const section: Section = {
      ...(kind ? { kind } : {}),
      heading,
      depth,
      range: lines.range(start, end),
      headingRange: lines.range(start, headingEnd),
      bodyRange: lines.range(Math.min(headingEnd, end), end),
      // The title section's body is the whole document; only kinded sections need their text.
      bodyText: kind ? bodyBlocks.map((b) => blockText(b.node)).join('\n\n').trim() : '',
      ...(firstParagraph ? { firstParagraph: toString(firstParagraph.node).replace(/\s+/g, ' ').trim() } : {}),
      children: [],
    };
    allSections.push(section);
    if (stack.length) stack[stack.length - 1].children.push(section);
    else roots.push(section);
    stack.push(section);
  });
  return { sections: roots, allSections, headings };
}

/** Plain text of a block with line breaks between list items and table rows (toString would run them together). */
function blockText(node: RootContent): string {
  if (node.type === 'list') return node.children.map((item) => item.children.map(blockText).join('\n')).join('\n');
  if (node.type === 'table') return node.children.map((row) => row.children.map((cell) => toString(cell)).join(' | ')).join('\n');
  if (node.type === 'blockquote') return node.children.map(blockText).join('\n');
  return toString(node);
}

function trimTrailingNewlines(text: string, min: number, end: number): number {
  let e = end;
  while (e > min && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
  return e;
}

function emptyDocument(text: string, lines: LineIndex, problems: ModelProblem[], truncated: boolean): PostmortemDocument {
  return {
    text,
    lineCount: lines.lineCount,
    lineStarts: lines.lineStarts,
    metadata: {},
    sections: [],
    allSections: [],
    timeline: [],
    actionItems: [],
    metrics: { ttdMinutes: null, ttmMinutes: null, ttrMinutes: null, durationMinutes: null },
    prose: [],
    problems,
    suppressions: [],
    tables: [],
    truncated,
  };
}

function formatSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / 1024 / 1024).toFixed(1)} M characters`;
  return chars >= 10 * 1024 ? `${Math.round(chars / 1024)} K characters` : `${chars} characters`;
}

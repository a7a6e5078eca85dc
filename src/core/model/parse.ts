// text → blocks → model: the parse step. Blocks are built once per chunk (and cached by the chunk's
// text, so an edit rebuilds only the sections it touched); sections, metadata, timeline and action
// items are read from them.
import type { Yaml } from 'mdast';
import { extractActionItems } from './actionItems';
import { appendBlocks, type Block, buildBlocks, type ChunkBlocks, type HtmlNode, shiftBlocks } from './blocks';
import { EMPTY_INLINE, oneLineText } from './inline';
import { type Chunk, isThematicBreak, parseMarkdown, splitIntoChunks } from './markdown';
import { leadingFrontMatter, type Toml } from './frontMatter';
import { capNesting, type CappedNesting, MAX_MARKUP_LINE, MAX_NESTING_DEPTH, plainLongLines } from './nesting';
import { buildMetadata, type RawEntry, readFrontMatter, readKeyLines, readTomlFrontMatter } from './metadata';
import { computeMetrics } from './metrics';
import { nodeStart } from './nodes';
import { inferPhases } from './phases';
import { isSuggestionHeading, matchSectionHeading, type SectionMatch } from './sections';
import { readSuppressions } from './suppressions';
import { LineIndex } from './text';
import { labelKind, leadingLabel, newestFirst, readTimeline } from './timeline';
import type { FoundPart, ModelProblem, PostmortemDocument, Range, Section, SectionKind } from './types';
import { pushAll } from '../util/arrays';
import { stringFromCodes } from '../util/strings';

/** A subsection heading that lists the problems found, not what to do about them. */
const PROBLEM_LIST = /^(?:\d+[.)]\s*)?(?:(?:identified|known|observed)\s+(?:problems|issues|gaps|weaknesses)|(?:problems|issues|gaps|weaknesses)\s+(?:identified|found|observed))\s*:?$/i;

/** A table's continuation is read with the table's head: both are its key. */
function chunkKey(chunk: Chunk): string {
  // The first chunk may hold front matter; the same text later in the document does not.
  if (startsDocument(chunk)) return `\u0001${chunk.text}`;
  return chunk.tableHead === undefined ? chunk.text : `${chunk.tableHead}\u0000${chunk.text}`;
}

/** True for the chunk at the start of the document: the only one read with front matter. */
function startsDocument(chunk: Chunk): boolean {
  return chunk.first === true;
}

/** A parsed chunk: its blocks (the syntax tree is not kept: it is many times larger than the text). */
interface ChunkEntry {
  blocks: ChunkBlocks;
  offset: number;
}

/**
 * Parsed chunks by their text. A document's cache makes re-analysis after an edit re-parse only the
 * chunks (top-level sections) whose text changed. Entries not used by the latest parse are dropped.
 */
export class ChunkCache {
  private chunks = new Map<string, ChunkEntry>();
  private memos = new Map<string, Map<string, unknown>>();
  private usedMemos = new Map<string, Map<string, unknown>>();
  hits = 0;
  misses = 0;

  /** Blocks of a chunk: from the cache (shifted when the chunk moved), or parsed now. */
  take(chunk: Chunk, used: Map<string, ChunkEntry>): ChunkBlocks {
    const { offset } = chunk;
    const key = chunkKey(chunk);
    const entry = this.chunks.get(key) ?? used.get(key);
    if (entry) {
      this.hits++;
      const blocks = entry.offset === offset ? entry.blocks : shiftBlocks(entry.blocks, offset - entry.offset);
      used.set(key, { blocks, offset });
      return blocks;
    }
    this.misses++;
    const blocks = parseChunk(chunk);
    used.set(key, { blocks, offset });
    return blocks;
  }

  replace(used: Map<string, ChunkEntry>): void {
    this.chunks = used;
  }

  /** Adds the chunks of an unfinished parse, so that the next one does not parse them again. */
  keep(used: Map<string, ChunkEntry>): void {
    for (const [text, entry] of used) this.chunks.set(text, entry);
  }

  /** True when this chunk is parsed already (taking it costs no parse). */
  has(chunk: Chunk, used: Map<string, ChunkEntry>): boolean {
    const key = chunkKey(chunk);
    return this.chunks.has(key) || used.has(key);
  }

  /**
   * Memoizes a derived result (e.g. a block's blame matches) by key within a space, kept while the key stays
   * in use. The key is used as it is (a block's own text, whose hash V8 keeps), not joined to the space: a
   * joined key would be a new string to hash on every analysis.
   */
  memo<T>(space: string, key: string, compute: () => T): T {
    let used = this.usedMemos.get(space);
    if (!used) this.usedMemos.set(space, (used = new Map()));
    let value = (used.get(key) ?? this.memos.get(space)?.get(key)) as T | undefined;
    if (value === undefined) value = compute();
    used.set(key, value);
    return value;
  }

  /** Drops memos not used since the previous call (bounded memory: only the current text's entries survive). */
  sweepMemos(): void {
    this.memos = this.usedMemos;
    this.usedMemos = new Map();
  }

  get size(): number {
    return this.chunks.size;
  }
}

/**
 * The text the parser reads (long lines made plain, then nesting capped; same length) and the text
 * the blocks are read from: the capped text with the long lines' own characters.
 */
function prepare(text: string): { plain: CappedNesting; capped: CappedNesting; source: string } {
  const plain = plainLongLines(text);
  const capped = capNesting(plain.text);
  if (!plain.spans.length) return { plain, capped, source: capped.text };
  // In the long lines: the document's characters where only plainLongLines changed them, the cap's where it did (excess table pipes).
  let source = '';
  let at = 0;
  const restored = (i: number) => plain.text.charCodeAt(i) !== text.charCodeAt(i) && capped.text.charCodeAt(i) === plain.text.charCodeAt(i);
  for (const [s, e] of plain.spans) {
    let first = s;
    while (first < e && !restored(first)) first++;
    // Code units, not an array of one-character strings: a 1 MB line made 40 MB of them.
    const codes = new Uint16Array(e - first);
    for (let i = first; i < e; i++) codes[i - first] = restored(i) ? text.charCodeAt(i) : capped.text.charCodeAt(i);
    source += capped.text.slice(at, first) + stringFromCodes(codes);
    at = e;
  }
  return { plain, capped, source: source + capped.text.slice(at) };
}

/**
 * Parses one chunk: nesting past MAX_NESTING_DEPTH is neutralised first (same length), then read into
 * blocks. A table's continuation is parsed behind the table's head; its first block then holds the
 * rows that continue the previous chunk's table (`continues`).
 */
function parseChunk(chunk: Chunk): ChunkBlocks {
  const { text, offset, tableHead: head } = chunk;
  if (head !== undefined) {
    const { plain, capped, source } = prepare(head + text);
    const tree = parseMarkdown(capped.text, false, plain.spans.length ? { source, spans: plain.spans } : undefined);
    const table = tree.children[0];
    if (table?.type === 'table' && nodeStart(table, 0) === 0 && table.children.length > 1 && nodeStart(table.children[1], 0) === head.length) {
      const blocks = buildBlocks(tree, source, offset - head.length);
      blocks.blocks[0] = { ...blocks.blocks[0], start: offset, header: [] };
      blocks.html = blocks.html.filter((h) => h.start >= offset);
      const spans = capped.spans.filter(([, e]) => e > head.length);
      if (spans.length) blocks.flattened = spans.map(([s, e]) => [Math.max(s, head.length) + offset - head.length, e + offset - head.length]);
      const long = plain.spans.filter(([, e]) => e > head.length);
      if (long.length) blocks.longLines = long.map(([s, e]) => [Math.max(s, head.length) + offset - head.length, e + offset - head.length]);
      blocks.continues = true;
      return blocks;
    }
  }
  const frontMatter = startsDocument(chunk);
  const matter = frontMatter ? leadingFrontMatter(text) : undefined;
  if (matter) return withFrontMatter(chunk, matter.node, matter.end);
  const { plain, capped, source } = prepare(text);
  const trivial = capped.spans.length === 0 && !(frontMatter && text.startsWith('---')) ? trivialBlocks(text, offset) : undefined;
  if (trivial) return trivial;
  const tree = parseMarkdown(capped.text, frontMatter, plain.spans.length ? { source, spans: plain.spans } : undefined);
  const blocks = buildBlocks(tree, source, offset);
  if (capped.spans.length) blocks.flattened = capped.spans.map(([s, e]) => [s + offset, e + offset]);
  if (plain.spans.length) blocks.longLines = plain.spans.map(([s, e]) => [s + offset, e + offset]);
  return blocks;
}

/** The blocks of a first chunk that opens with front matter: its block, then the rest of the chunk parsed on its own. */
function withFrontMatter(chunk: Chunk, node: Yaml | Toml, end: number): ChunkBlocks {
  // A TOML node is not in mdast's content types; the block builder reads it by its type.
  const head = buildBlocks({ type: 'root', children: [node as Yaml] }, chunk.text, chunk.offset);
  if (end === chunk.text.length) return head;
  const rest = parseChunk({ offset: chunk.offset + end, text: chunk.text.slice(end) });
  appendBlocks(head.blocks, rest.blocks);
  return {
    ...head,
    html: [...head.html, ...rest.html],
    ...(rest.flattened ? { flattened: rest.flattened } : {}),
    ...(rest.longLines ? { longLines: rest.longLines } : {}),
  };
}

/**
 * The blocks of a chunk made only of blank lines and thematic breaks, without the parser (micromark
 * takes tens of microseconds per line): every break is a `rule` block up to its line ending. A chunk
 * starts where no block is open, so each such line is a block of its own. Undefined for any other chunk
 * (and for a lone CR line ending; the caller keeps a document's first chunk starting with `---`, which may be front matter).
 */
function trivialBlocks(text: string, offset: number): ChunkBlocks | undefined {
  const blocks: Block[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const end = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    let blank = true;
    for (let k = lineStart; k < end && blank; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x0d) return undefined;
      if (c !== 0x20 && c !== 0x09) blank = false;
    }
    if (!blank) {
      if (!isThematicBreak(text.slice(lineStart, end))) return undefined;
      blocks.push({ start: offset + lineStart, end: offset + end, listDepth: 0, quoteDepth: 0, parent: -1, leadEmphasis: 0, kind: 'rule', inline: EMPTY_INLINE });
    }
    lineStart = lineEnd + 1;
  }
  return { blocks, html: [] };
}

export interface ParseOptions {
  cache?: ChunkCache;
  /** Documents longer than this (in characters) are not analysed; one problem says so. */
  maxFileSize?: number;
  /** Zone for times when the document names none. */
  defaultTimezone?: string;
  /**
   * Milliseconds of parsing allowed (checked between chunks). Chunks after the budget is spent are read
   * as plain text, with one info problem saying from where; cached chunks cost nothing, so the next
   * analysis of the same document gets further.
   */
  timeBudgetMs?: number;
  /** Asked between chunks: true when a newer version of the text has arrived; the parse then throws AnalysisCancelled. */
  isCancelled?: () => boolean;
  /**
   * Set when a full reading of this text already ran out of memory (the editor's worker has a heap limit of
   * this many MB): the whole text is read as plain text, with one info problem saying why.
   */
  memoryLimitMb?: number;
}

/** Thrown when `isCancelled` said so; the chunks parsed so far stay in the cache. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('Analysis cancelled: a newer version of the document arrived');
    this.name = 'AnalysisCancelled';
  }
}

/**
 * Rows of one table read as rows; later ones are not read (one info finding says from where). Each
 * row costs about 0.5 KB in the model and its parse tens of microseconds; no post-mortem's table has
 * this many.
 */
export const MAX_TABLE_ROWS = 5000;

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
    return emptyDocument(text, lines, problems);
  }
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const used = new Map<string, ChunkEntry>();
  const blocks: Block[] = [];
  const html: HtmlNode[] = [];
  const flattened: Array<[number, number]> = [];
  const longLines: Array<[number, number]> = [];
  const deadline = options.memoryLimitMb !== undefined ? -Infinity : options.timeBudgetMs === undefined ? Infinity : performance.now() + options.timeBudgetMs;
  let outOfTime: number | undefined;
  // A long table read in parts: the index of its block, copied once so that cached blocks stay as they are.
  let mergedTable = -1;
  // Past MAX_TABLE_ROWS rows of that table (from offset `tooLong` on) its rows are not read.
  let rowsCapped = false;
  let tooLong: number | undefined;
  for (const chunk of splitIntoChunks(text, start)) {
    if (options.isCancelled?.()) {
      options.cache?.keep(used);
      throw new AnalysisCancelled();
    }
    if (outOfTime === undefined && performance.now() >= deadline && !options.cache?.has(chunk, used)) outOfTime = chunk.offset;
    if (outOfTime !== undefined) {
      blocks.push(plainTextBlock(chunk.text, chunk.offset));
      continue;
    }
    if (chunk.tableHead === undefined) rowsCapped = false;
    else if (rowsCapped || (mergedTable === blocks.length - 1 && blocks[mergedTable].rows!.length >= MAX_TABLE_ROWS)) {
      // Rows past MAX_TABLE_ROWS: one block per part, not parsed and without text (so that no reader takes
      // them for prose); what follows the rows is parsed.
      rowsCapped = true;
      tooLong ??= chunk.offset;
      const t = chunk.text;
      let k = 0;
      while (k < t.length && t[k] === '|') {
        const next = t.indexOf('\n', k);
        k = next === -1 ? t.length : next + 1;
      }
      const rowsEnd = k > 0 && t[k - 1] === '\n' ? k - (t[k - 2] === '\r' ? 2 : 1) : k;
      if (rowsEnd > 0) blocks.push({ kind: 'paragraph', start: chunk.offset, end: chunk.offset + rowsEnd, inline: EMPTY_INLINE, listDepth: 0, quoteDepth: 0, parent: -1, leadEmphasis: 0, flattened: true });
      if (t.slice(k).trim() !== '') {
        const rest = parseChunk({ offset: chunk.offset + k, text: t.slice(k) });
        appendBlocks(blocks, rest.blocks);
        for (const h of rest.html) html.push(h);
        if (rest.flattened) for (const span of rest.flattened) flattened.push(span);
        if (rest.longLines) for (const span of rest.longLines) longLines.push(span);
      }
      continue;
    }
    const parsed = options.cache ? options.cache.take(chunk, used) : parseChunk(chunk);
    const last = blocks[blocks.length - 1];
    const more = parsed.blocks[0];
    if (parsed.continues && last?.kind === 'table' && last.listDepth === 0 && last.quoteDepth === 0 && more?.kind === 'table') {
      if (mergedTable !== blocks.length - 1) {
        mergedTable = blocks.length - 1;
        blocks[mergedTable] = { ...last, rows: [...(last.rows ?? [])], rowSpans: [...(last.rowSpans ?? [])] };
      }
      const table = blocks[mergedTable];
      for (const row of more.rows ?? []) table.rows!.push(row);
      for (const span of more.rowSpans ?? []) table.rowSpans!.push(span);
      table.end = more.end;
      appendBlocks(blocks, parsed.blocks, 1);
    } else appendBlocks(blocks, parsed.blocks);
    for (const h of parsed.html) html.push(h);
    if (parsed.flattened) for (const span of parsed.flattened) flattened.push(span);
    if (parsed.longLines) for (const span of parsed.longLines) longLines.push(span);
  }
  options.cache?.replace(used);
  if (flattened.length) problems.push(nestingProblem(flattened, lines));
  // A line read as plain text for its nesting already has its finding.
  const onlyLong = longLines.filter(([s, e]) => !flattened.some(([fs, fe]) => fs < e && s < fe));
  if (onlyLong.length) problems.push(longLineProblem(onlyLong, lines));
  if (outOfTime !== undefined) problems.push(options.memoryLimitMb !== undefined ? memoryProblem(options.memoryLimitMb, lines) : budgetProblem(outOfTime, options.timeBudgetMs ?? 0, lines));
  if (tooLong !== undefined) {
    const line = lines.positionAt(tooLong).line;
    problems.push({
      code: 'table-too-long',
      message: `A table has more than ${MAX_TABLE_ROWS.toLocaleString('en')} rows; from line ${line + 1} on its rows are not read (no timeline events, action items or wording checks there).`,
      range: lines.range(tooLong, lines.lineStarts[line + 1] ?? tooLong),
    });
  }

  // Front matter.
  let frontMatterRange: Range | undefined;
  const entries: RawEntry[] = [];
  const first = blocks[0];
  if (first && first.kind === 'frontMatter') {
    frontMatterRange = lines.range(first.start, first.end);
    const contentOffset = lines.lineStarts[lines.positionAt(first.start).line + 1] ?? first.end;
    // Read once per front matter text: an edit below it leaves its ranges as they are.
    const read = () => {
      const found: ModelProblem[] = [];
      const reader = first.lang === 'toml' ? readTomlFrontMatter : readFrontMatter;
      return { entries: reader(first.value ?? '', contentOffset, lines, found), problems: found };
    };
    const frontMatter = options.cache ? options.cache.memo(`frontMatter:${first.lang ?? 'yaml'}:${contentOffset}`, first.value ?? '', read) : read();
    pushAll(entries, frontMatter.entries);
    pushAll(problems, frontMatter.problems);
  } else if ((outOfTime === undefined || outOfTime > start) && /^(?:---|\+\+\+)[ \t]*\r?\n/.test(text.slice(start, start + 8))) {
    const fence = text.slice(start, start + 3);
    problems.push({ code: 'front-matter-yaml', message: `Front matter starts with \`${fence}\` but is never closed by a \`${fence}\` line.`, range: lines.range(start, start + 3) });
  }

  // Sections.
  const { sections, allSections } = buildSections(blocks, lines, text);
  const firstSectionLine = allSections.find((s) => s.depth >= 2)?.range.start.line ?? lines.lineCount - 1;
  const keyLinesFrom = frontMatterRange ? frontMatterRange.end.line + 1 : 0;
  pushAll(entries, readKeyLines(lines, keyLinesFrom, Math.min(firstSectionLine, keyLinesFrom + 60)));
  const metadata = buildMetadata(entries, lines, problems);
  const h1 = blocks.find((b) => b.kind === 'heading' && b.depth === 1 && b.listDepth === 0);
  const title = metadata.title?.value || (h1 ? oneLineText(h1.inline.text).trim() : undefined);

  const doc = { text, blocks, allSections };
  // Undated events ("10:20") belong to the incident's day: `date:`, else the day of the first key time.
  const keyDate = [metadata.started, metadata.detected, metadata.mitigated, metadata.resolved].find((f) => f?.value.date)?.value.date;
  const incidentDate = metadata.date?.value ?? keyDate;
  const timeline = readTimeline({
    doc,
    lines,
    problems,
    ...(incidentDate ? { baseDate: incidentDate } : {}),
    ...(title ? { title } : {}),
    ...(metadata.timezone ? { documentZone: metadata.timezone.value } : {}),
    ...(options.defaultTimezone ? { defaultZone: options.defaultTimezone } : {}),
    ...(options.cache ? { memo: options.cache.memo.bind(options.cache) } : {}),
  });
  // A status log written newest first is read in the order it happened (phases, metrics, the order rule, the preview).
  if (newestFirst(timeline.events)) timeline.events.reverse();
  inferPhases(timeline.events, metadata);
  const actions = extractActionItems(blocks, allSections, { lines, problems });
  const found = foundParts(blocks, allSections, timeline.found, actions.found, actions.items.length);

  return {
    text,
    lineCount: lines.lineCount,
    lineStarts: lines.lineStarts,
    blocks,
    metadata,
    ...(title ? { title } : {}),
    ...(frontMatterRange ? { frontMatterRange } : {}),
    sections,
    allSections,
    timeline: timeline.events,
    actionItems: actions.items,
    metrics: computeMetrics(metadata, timeline.events),
    found,
    problems,
    suppressions: readSuppressions(html, lines),
    tables: blocks.filter((b) => b.kind === 'table').map((b) => lines.range(b.start, b.end)),
    reading: timeline.reading,
    ...(outOfTime !== undefined ? { partlyUnread: true } : {}),
  };
}

/** Top-level headings make sections; a section's body runs to the next heading of the same or a higher level. */
function buildSections(blocks: Block[], lines: LineIndex, text: string) {
  const headingIndexes: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (blocks[i].kind === 'heading' && blocks[i].listDepth === 0 && blocks[i].quoteDepth === 0) headingIndexes.push(i);
  const depthOf = (j: number) => blocks[headingIndexes[j]].depth ?? 1;
  // One `#` heading at the top is the title, not a section of its own kind.
  const h1Count = headingIndexes.filter((i) => blocks[i].depth === 1).length;
  const allSections: Section[] = [];
  const roots: Section[] = [];
  const stack: Section[] = [];
  // For each heading, the next heading with depth <= its own (a monotonic stack keeps this linear).
  const closer: number[] = new Array(headingIndexes.length).fill(-1);
  const open: number[] = [];
  headingIndexes.forEach((_, j) => {
    while (open.length && depthOf(open[open.length - 1]) >= depthOf(j)) closer[open.pop()!] = j;
    open.push(j);
  });
  headingIndexes.forEach((blockIndex, j) => {
    const block = blocks[blockIndex];
    const depth = depthOf(j);
    const next = closer[j];
    const blockEnd = next === -1 ? blocks.length : headingIndexes[next];
    const ownEnd = j + 1 < headingIndexes.length ? headingIndexes[j + 1] : blocks.length;
    const endOffset = next === -1 ? text.length : blocks[headingIndexes[next]].start;
    const end = trimTrailingNewlines(text, block.end, endOffset);
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    const heading = oneLineText(block.inline.text).trim();
    // Inside a kinded section, a subsection has a kind of its own only when its heading says so
    // strongly and differently ("## Retrospective" → "### Action Items"; not "## Root Cause" → "### Trigger").
    let parentKind: SectionKind | undefined;
    for (let k = stack.length - 1; k >= 0 && !parentKind; k--) parentKind = stack[k].kind;
    const isTitle = depth === 1 && h1Count === 1;
    const own = isTitle ? undefined : matchSectionHeading(heading);
    // Subsections of a follow-up section ("### Detection", "### Prevention") are groups of follow-ups.
    // …except a list of the problems found ("### Identified Problems:" above "### Improvement Plan:"): causes, not follow-ups.
    const problems: SectionMatch | undefined = parentKind === 'actionItems' && PROBLEM_LIST.test(heading) ? { kind: 'rootCause', cue: 'identified problems', score: 3.5 } : undefined;
    const match = problems ?? (own && (!parentKind || (parentKind !== 'actionItems' && own.kind !== parentKind && own.score >= 3.5)) ? own : undefined);
    // Built field by field, in this order (spreads made every section a slow dictionary object: 50,000 headings took 0.4 s).
    const section = {} as Section;
    if (match) {
      section.kind = match.kind;
      section.match = match.also ? { cue: match.cue, score: match.score, also: match.also } : { cue: match.cue, score: match.score };
    }
    section.heading = heading;
    section.depth = depth;
    // The three ranges share their three positions (LineIndex.range reuses its recent ones).
    section.range = lines.range(block.start, end);
    section.headingRange = lines.range(block.start, block.end);
    section.bodyRange = lines.range(Math.min(block.end, end), end);
    // The title section's body is the whole document; only kinded sections need their text.
    section.bodyText = match ? bodyTextOf(blocks, blockIndex + 1, blockEnd) : '';
    section.children = [];
    section.block = blockIndex;
    section.blockEnd = blockEnd;
    section.ownEnd = ownEnd;
    allSections.push(section);
    if (stack.length) stack[stack.length - 1].children.push(section);
    else roots.push(section);
    stack.push(section);
  });
  demoteSuggestions(allSections);
  return { sections: roots, allSections };
}

/**
 * "### Possible Improvements" or "### Recommendations" beside a "### Actions" section lists ideas, not the
 * follow-ups the team committed to: with a follow-up section that is not a list of suggestions, those are
 * not read as action items (alone, they are the follow-ups).
 */
function demoteSuggestions(sections: Section[]): void {
  const followUps = sections.filter((s) => s.kind === 'actionItems');
  const suggestions = followUps.filter((s) => isSuggestionHeading(s.heading, s.match?.cue));
  if (suggestions.length === 0 || suggestions.length === followUps.length) return;
  for (const s of suggestions) {
    delete s.kind;
    delete s.match;
  }
}

/** Plain text of blocks, a line per list item and table row (cells joined by " | "). */
export function bodyTextOf(blocks: Block[], from: number, to: number): string {
  const parts: string[] = [];
  for (let b = from; b < to; b++) {
    const block = blocks[b];
    if (block.kind === 'table') {
      for (const row of [block.header ?? [], ...(block.rows ?? [])]) parts.push(row.map((c) => oneLineText(c.inline.text)).join(' | '));
    } else if (block.kind === 'code') parts.push(block.value ?? '');
    else if (block.inline.text) parts.push(block.inline.text);
  }
  return parts.join('\n').trim();
}

/** What was found where: sections by heading, parts by label, a summary in the intro, content the readers recognised. */
function foundParts(blocks: Block[], sections: Section[], timelineFound: FoundPart[], actionFound: FoundPart[], actionCount: number): FoundPart[] {
  const found: FoundPart[] = [];
  // Follow-up and lesson sections say what to do, not what happened.
  const closed = new Uint8Array(blocks.length);
  for (const s of sections) if (s.kind === 'actionItems' || s.kind === 'lessonsLearned' || s.kind === 'followUpReview') closed.fill(1, s.block, s.blockEnd);
  for (const s of sections) {
    if (s.kind) found.push({ kind: s.kind, how: 'heading', block: s.block, label: s.heading });
    if (s.match?.also) found.push({ kind: s.match.also, how: 'heading', block: s.block, label: s.heading });
  }
  // Blocks inside a section of each kind (one array per kind: no pass over all sections per block).
  const inKind = new Map<SectionKind, Uint8Array>();
  for (const s of sections) {
    if (!s.kind) continue;
    let marks = inKind.get(s.kind);
    if (!marks) inKind.set(s.kind, (marks = new Uint8Array(blocks.length)));
    if (s.block + 1 < s.blockEnd) marks.fill(1, s.block + 1, s.blockEnd);
  }
  const labelled = new Set<string>();
  const firstSection = sections.find((s) => s.depth >= 2)?.block ?? blocks.length;
  let introWords = 0;
  let introBlock = -1;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind === 'heading' || block.kind === 'frontMatter') continue;
    const label = leadingLabel(block);
    const kind = label ? labelKind(block) : undefined;
    if (label && kind) {
      // A label inside a section of its own kind ("Why?" in Five Whys) names nothing new.
      const within = inKind.get(kind)?.[b] === 1;
      if (!within && !labelled.has(`${kind} ${b}`)) {
        labelled.add(`${kind} ${b}`);
        found.push({ kind, how: 'label', block: b, label: label.text });
      }
      continue;
    }
    if (b < firstSection && block.kind === 'paragraph' && block.listDepth === 0 && !label) {
      introWords += block.inline.text.split(/\s+/).length;
      if (introBlock === -1) introBlock = b;
    }
  }
  if (introWords >= 12 && introBlock !== -1) found.push({ kind: 'summary', how: 'intro', block: introBlock, label: 'the text before the first section' });
  // Impact and causes are often told in the summary: a sentence that says who was affected, or why.
  for (const [kind, cue] of CONTENT_CUES) {
    if (found.some((f) => f.kind === kind)) continue;
    const b = blocks.findIndex((block, i) => (block.kind === 'paragraph' || block.kind === 'listItem') && block.quoteDepth === 0 && !closed[i] && block.inline.text.length >= 20 && cue.test(block.inline.text));
    if (b !== -1) found.push({ kind, how: 'content', block: b, label: sectionHeadingOf(sections, b) ?? 'the text before the first section' });
  }
  // "What went wrong" and "Challenges" tell what failed and why, though they are lessons by name.
  for (const s of sections) {
    if ((s.kind !== undefined && s.kind !== 'lessonsLearned') || !/^(?:what went wrong|what didn'?t go well|what could have gone better|challenges|problems|issues)$/i.test(s.heading.replace(/[^\p{L}\s']/gu, '').trim())) continue;
    for (const kind of ['rootCause', 'impact'] as const) if (!found.some((f) => f.kind === kind)) found.push({ kind, how: 'content', block: s.block, label: s.heading });
  }
  if (!found.some((f) => f.kind === 'summary')) {
    const b = blocks.findIndex((block, i) => (block.kind === 'paragraph' || block.kind === 'listItem') && block.quoteDepth === 0 && !closed[i] && block.inline.text.split(/\s+/).length >= 12);
    if (b !== -1) found.push({ kind: 'summary', how: 'content', block: b, label: sectionHeadingOf(sections, b) ?? 'the text before the first section' });
  }
  const foundAt = new Set(found.map((f) => `${f.kind} ${f.block}`));
  for (const f of [...timelineFound, ...actionFound]) {
    if (foundAt.has(`${f.kind} ${f.block}`)) continue;
    foundAt.add(`${f.kind} ${f.block}`);
    found.push(f);
  }
  if (actionCount > 0 && !found.some((f) => f.kind === 'actionItems')) found.push({ kind: 'actionItems', how: 'content', block: 0, label: `${actionCount} action items` });
  return found.sort((a, b) => a.block - b.block);
}

/** Sentences that tell who or what was affected, and why it happened. */
const CONTENT_CUES: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  ['impact', /\b(?:impact(?:ed|s)?|affect(?:ed|ing)|to fail|fail(?:ed|s|ing)? to (?:load|work|render|respond|serve|display|open|connect|resolve|start|complete)|stopped working|broke|broken|outages?|halt(?:ed|s)?|(?:went|was|were) offline|downtime|unavailable|inaccessible|degraded|disrupt(?:ed|ions?)|data loss|(?:was|were|went) down|timed? ?outs?|(?:50[0-4]|gateway) (?:errors?|responses?|gateway|timeout)|could(?:n't| not) (?:access|log|use|reach|connect|build|download|install|deploy|start)|unable to|no longer (?:able|working)|stuck|failing|errors? for (?:users|customers)|(?:users|customers|students|developers|builds|jobs|requests)\b[^.]{0,60}\b(?:failed|saw|experienced|received|lost|could not|were not))\b/i],
  ['rootCause', /\b(?:caused by|caus(?:e|ed|es|ing) (?:the |a |an |it |them |us )?\S|because|due to|root cause|the cause|(?:was|were) the result of|as a result of|resulted from|result of|triggered by|the reason|turned out|stemmed from|was traced to|originated (?:in|from)|led to)\b/i],
];

function sectionHeadingOf(sections: Section[], block: number): string | undefined {
  let best: Section | undefined;
  for (const s of sections) if (s.block < block && block < s.blockEnd && (!best || s.depth > best.depth)) best = s;
  return best?.heading;
}

/** Kinds of content present in the document, however they were found. */
export function presentKinds(doc: Pick<PostmortemDocument, 'found'>): Set<SectionKind> {
  return new Set(doc.found.map((f) => f.kind));
}

function trimTrailingNewlines(text: string, min: number, end: number): number {
  let e = end;
  while (e > min && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
  return e;
}

function emptyDocument(text: string, lines: LineIndex, problems: ModelProblem[]): PostmortemDocument {
  return {
    text,
    lineCount: lines.lineCount,
    lineStarts: lines.lineStarts,
    blocks: [],
    metadata: {},
    sections: [],
    allSections: [],
    timeline: [],
    actionItems: [],
    metrics: { ttdMinutes: null, ttmMinutes: null, ttrMinutes: null, durationMinutes: null, sources: {}, doubts: {}, orderProblems: [] },
    found: [],
    problems,
    suppressions: [],
    tables: [],
    truncated: true,
    reading: {},
  };
}

/** One info problem for every part read as plain text because it nests too deep. */
function nestingProblem(spans: Array<[number, number]>, lines: LineIndex): ModelProblem {
  const [start, end] = spans[0];
  const first = lines.positionAt(start).line;
  let count = 0;
  let lastLine = -1;
  for (const [s, e] of spans) {
    const a = lines.positionAt(s).line;
    const b = lines.positionAt(e).line;
    count += b - Math.max(a, lastLine + 1) + 1;
    lastLine = b;
  }
  const where = count === 1 ? `line ${first + 1}` : `${count} lines from line ${first + 1}`;
  return {
    code: 'nesting-too-deep',
    message: `Lists, quotes, links or emphasis nest deeper than ${MAX_NESTING_DEPTH} levels (${where}); past that depth the text is read as plain text.`,
    range: lines.range(start, Math.min(end, lines.lineStarts[lines.positionAt(start).line + 1] ?? end)),
  };
}

/** One info problem for the lines read as plain text because they are too long. */
function longLineProblem(spans: Array<[number, number]>, lines: LineIndex): ModelProblem {
  const [start, end] = spans[0];
  const line = lines.positionAt(start).line;
  const where = spans.length === 1 ? `Line ${line + 1} is` : `${spans.length} lines, from line ${line + 1}, are`;
  return {
    code: 'line-too-long',
    message: `${where} longer than ${MAX_MARKUP_LINE.toLocaleString('en')} characters, so ${spans.length === 1 ? 'its' : 'their'} emphasis, links and code are read as plain text (VS Code stops highlighting lines this long too).`,
    range: lines.range(start, Math.min(end, start + 200)),
  };
}

/** A chunk left unparsed when the time budget ran out: one paragraph of raw text, marked as not prose. */
function plainTextBlock(text: string, offset: number): Block {
  const inline = { text, map: [0, offset, text.length], code: [0, text.length], links: [], struck: false };
  return { kind: 'paragraph', start: offset, end: offset + text.length, inline, listDepth: 0, quoteDepth: 0, parent: -1, leadEmphasis: 0, flattened: true };
}

function budgetProblem(from: number, budgetMs: number, lines: LineIndex): ModelProblem {
  const line = lines.positionAt(from).line;
  const seconds = budgetMs >= 1000 ? `${(budgetMs / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} s` : `${budgetMs} ms`;
  const why = budgetMs > 0 ? `Reading this document took longer than ${seconds}` : 'This document could not be read within the time limit';
  return {
    code: 'analysis-time-limit',
    message: `${why}; from line ${line + 1} on it is read as plain text (no timeline, action items or wording checks there).`,
    range: lines.range(from, lines.lineStarts[line + 1] ?? from),
  };
}

function memoryProblem(limitMb: number, lines: LineIndex): ModelProblem {
  return {
    code: 'analysis-memory-limit',
    message: `Reading this document needed more than ${limitMb.toLocaleString('en')} MB of memory, the analysis's limit; it is read as plain text (no timeline, action items or wording checks).`,
    range: lines.range(0, lines.lineStarts[1] ?? 0),
  };
}

function formatSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / 1024 / 1024).toFixed(1)} M characters`;
  return chars >= 10 * 1024 ? `${Math.round(chars / 1024)} K characters` : `${chars} characters`;
}

// The blocks of a document, built once from the syntax tree: headings, paragraphs, list items (with
// their nesting), tables (header and cells), code, HTML and front matter, each with its exact span and
// its plain text. Every reader (sections, timeline, action items) and every consumer (rules, summary,
// preview, hovers) works on these; nothing downstream re-splits the raw text.
import type { Nodes, Root, RootContent, Table } from 'mdast';
import { EMPTY_INLINE, type InlineText, inlineText } from './inline';
import { nodeEnd, nodeStart } from './nodes';
import { pushAll } from '../util/arrays';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'table' | 'code' | 'html' | 'rule' | 'frontMatter';

export interface TableCell {
  /** Content span (pipes and padding excluded; empty cells have start === end). */
  start: number;
  end: number;
  inline: InlineText;
}

export interface Block {
  kind: BlockKind;
  /** Document offsets of the whole block (a list item includes its nested content). */
  start: number;
  end: number;
  /**
   * Plain text: of a heading or paragraph; of a list item, its own first paragraph; of code or HTML,
   * the raw value (no map); tables have theirs in `header`/`rows`.
   */
  inline: InlineText;
  /** Headings: level 1–6. */
  depth?: number;
  /** List nesting: 1 for a top-level list item and the blocks inside it, 2 one level down, 0 outside lists. */
  listDepth: number;
  /** Blockquote nesting, 0 outside quotes. */
  quoteDepth: number;
  /** Index (in the document's blocks) of the list item this block belongs to; -1 for none. */
  parent: number;
  /** List items: index of the first item of the same list (items with the same value are one list). */
  list?: number;
  /** List items: numbered list. */
  ordered?: boolean;
  /** List items: task box state (`[ ]` false, `[x]` true), null without a box. */
  checked?: boolean | null;
  /** Plain-text length of a leading bold or italic part (`**Impact**: …` → 6), 0 without one. */
  leadEmphasis: number;
  /** Tables: header and body rows. */
  header?: TableCell[];
  rows?: TableCell[][];
  /** Tables: span of each body row. */
  rowSpans?: Array<[number, number]>;
  /** Code: info string; front matter: `yaml` or `toml`. */
  lang?: string;
  /** Code, HTML, front matter: the raw value. */
  value?: string;
  /** True when the block sits deeper than the nesting limit: its content is kept as plain text only. */
  flattened?: boolean;
}

/** An HTML node (block or inline), for suppression comments. */
export interface HtmlNode {
  start: number;
  value: string;
}

/** Nesting deeper than this is not read structurally (no real document comes close). */
export const MAX_NESTING = 64;

export interface ChunkBlocks {
  blocks: Block[];
  html: HtmlNode[];
  /** Document spans whose nesting was capped before parsing (read as plain text). */
  flattened?: Array<[number, number]>;
  /** The first block is a table whose rows continue the previous chunk's last table. */
  continues?: boolean;
  /** Document spans of lines longer than MAX_MARKUP_LINE, read as plain text. */
  longLines?: Array<[number, number]>;
}

/**
 * Flattens the tree of one chunk into blocks (offsets in the document: `chunkOffset` added).
 * Iterative, so deep nesting cannot overflow the stack; deeper than MAX_NESTING is flattened to text.
 */
export function buildBlocks(tree: Root, source: string, chunkOffset: number): ChunkBlocks {
  const blocks: Block[] = [];
  const html: HtmlNode[] = [];
  type Frame = { nodes: readonly Nodes[]; index: number; listDepth: number; quoteDepth: number; parent: number; depth: number; ordered?: boolean; first?: number };
  const stack: Frame[] = [{ nodes: tree.children, index: 0, listDepth: 0, quoteDepth: 0, parent: -1, depth: 0 }];
  // One literal for every block (fields in one order), so blocks share a shape; kind-specific fields follow.
  const make = (kind: BlockKind, node: Nodes, frame: Frame, inline: InlineText, lead = 0): Block => ({
    kind,
    start: nodeStart(node, chunkOffset),
    end: nodeEnd(node, chunkOffset),
    inline,
    listDepth: frame.listDepth,
    quoteDepth: frame.quoteDepth,
    parent: frame.parent,
    leadEmphasis: lead,
  });
  const collectHtml = (nodes: readonly Nodes[]) => {
    // Inline HTML (comments at the end of a line); iterative over emphasis and links.
    const pending: Nodes[] = [...nodes];
    while (pending.length) {
      const n = pending.pop()!;
      if (n.type === 'html') html.push({ start: nodeStart(n, chunkOffset), value: n.value });
      else if ('children' in n && n.type !== 'table') for (const c of n.children) pending.push(c as Nodes);
    }
  };
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.index++] as RootContent;
    if (frame.depth > MAX_NESTING) {
      const flat = make('paragraph', node, frame, flatText(node, source, chunkOffset));
      flat.flattened = true;
      blocks.push(flat);
      continue;
    }
    switch (node.type) {
      case 'heading': {
        collectHtml(node.children);
        const heading = make('heading', node, frame, inlineText(node.children, source, chunkOffset), leadEmphasis(node.children, source));
        heading.depth = node.depth;
        blocks.push(heading);
        break;
      }
      case 'paragraph':
        collectHtml(node.children);
        blocks.push(make('paragraph', node, frame, inlineText(node.children, source, chunkOffset), leadEmphasis(node.children, source)));
        break;
      case 'list':
        stack.push({ nodes: node.children, index: 0, listDepth: frame.listDepth + 1, quoteDepth: frame.quoteDepth, parent: frame.parent, depth: frame.depth + 1, ordered: node.ordered === true, first: -1 });
        break;
      case 'listItem': {
        const first = node.children[0];
        const own = first && first.type === 'paragraph' ? first : undefined;
        if (own) collectHtml(own.children);
        const index = blocks.length;
        if (frame.first === -1) frame.first = index;
        const item = make('listItem', node, frame, own ? inlineText(own.children, source, chunkOffset) : EMPTY_INLINE, own ? leadEmphasis(own.children, source) : 0);
        item.ordered = frame.ordered === true;
        item.checked = node.checked ?? null;
        item.list = frame.first ?? index;
        blocks.push(item);
        const rest = own ? node.children.slice(1) : node.children;
        if (rest.length) stack.push({ nodes: rest, index: 0, listDepth: frame.listDepth, quoteDepth: frame.quoteDepth, parent: index, depth: frame.depth + 1 });
        break;
      }
      case 'blockquote':
        stack.push({ nodes: node.children, index: 0, listDepth: frame.listDepth, quoteDepth: frame.quoteDepth + 1, parent: frame.parent, depth: frame.depth + 1 });
        break;
      case 'footnoteDefinition':
        stack.push({ nodes: node.children, index: 0, listDepth: frame.listDepth, quoteDepth: frame.quoteDepth, parent: frame.parent, depth: frame.depth + 1 });
        break;
      case 'table':
        blocks.push(Object.assign(make('table', node, frame, EMPTY_INLINE), tableCells(node, source, chunkOffset)));
        for (const row of node.children) for (const cell of row.children) collectHtml(cell.children);
        break;
      case 'code': {
        const code = make('code', node, frame, EMPTY_INLINE);
        code.value = node.value;
        if (node.lang) code.lang = node.lang;
        blocks.push(code);
        break;
      }
      case 'html': {
        html.push({ start: nodeStart(node, chunkOffset), value: node.value });
        const htmlBlock = make('html', node, frame, EMPTY_INLINE);
        htmlBlock.value = node.value;
        blocks.push(htmlBlock);
        break;
      }
      case 'thematicBreak':
        blocks.push(make('rule', node, frame, EMPTY_INLINE));
        break;
      case 'yaml':
        blocks.push(Object.assign(make('frontMatter', node, frame, EMPTY_INLINE), { value: node.value, lang: 'yaml' }));
        break;
      default:
        if ((node as { type: string }).type === 'toml') {
          blocks.push(Object.assign(make('frontMatter', node, frame, EMPTY_INLINE), { value: (node as unknown as { value: string }).value, lang: 'toml' }));
        }
        // definitions: not content.
        break;
    }
  }
  // The stack visits siblings in order, but list items push their children after themselves: order by start.
  if (!isSorted(blocks)) sortKeepingParents(blocks);
  return { blocks, html };
}

function isSorted(blocks: Block[]): boolean {
  for (let i = 1; i < blocks.length; i++) if (blocks[i].start < blocks[i - 1].start) return false;
  return true;
}

/** Sorts by start and remaps `parent` indexes. */
function sortKeepingParents(blocks: Block[]): void {
  const order = blocks.map((b, i) => ({ b, i })).sort((x, y) => x.b.start - y.b.start || x.i - y.i);
  const newIndex = new Array<number>(blocks.length);
  order.forEach((o, k) => (newIndex[o.i] = k));
  const sorted = order.map((o) => ({ ...o.b, parent: o.b.parent === -1 ? -1 : newIndex[o.b.parent], ...(o.b.list !== undefined ? { list: newIndex[o.b.list] } : {}) }));
  // Not `splice(0, n, ...sorted)`: a spread of every block overflows the stack on long documents.
  blocks.length = 0;
  pushAll(blocks, sorted);
}

/** Plain-text length of a leading `**bold**` / `_italic_` child (0 when the text does not start with one). */
function leadEmphasis(children: readonly Nodes[], source: string): number {
  const first = children[0];
  if (!first || (first.type !== 'strong' && first.type !== 'emphasis')) return 0;
  return inlineText(first.children, source, 0).text.length;
}

/** Cell content spans and texts of a table. */
function tableCells(table: Table, source: string, chunkOffset: number): Pick<Block, 'header' | 'rows' | 'rowSpans'> {
  const toCells = (row: Table['children'][number]): TableCell[] =>
    row.children.map((cell) => {
      let start = nodeStart(cell, 0);
      let end = nodeEnd(cell, 0);
      if (source[start] === '|') start++;
      if (end > start && source[end - 1] === '|' && source[end - 2] !== '\\') end--;
      while (start < end && /\s/.test(source[start])) start++;
      while (end > start && /\s/.test(source[end - 1])) end--;
      return { start: start + chunkOffset, end: end + chunkOffset, inline: inlineText(cell.children, source, chunkOffset) };
    });
  const [head, ...body] = table.children;
  return {
    header: head ? toCells(head) : [],
    rows: body.map(toCells),
    rowSpans: body.map((row) => [nodeStart(row, chunkOffset), nodeEnd(row, chunkOffset)]),
  };
}

/** Text of a subtree too deep to read structurally, as one run (no map beyond its start). */
function flatText(node: Nodes, source: string, chunkOffset: number): InlineText {
  const start = nodeStart(node, 0);
  const end = nodeEnd(node, 0);
  const raw = source.slice(start, Math.min(end, start + 100_000)).replace(/[\s>*+-]+/g, ' ').trim();
  return raw ? { text: raw, map: [0, start + chunkOffset, 0], code: [0, raw.length], links: [], struck: false } : EMPTY_INLINE;
}

/** Shifts a chunk's blocks to a new chunk offset (a cached chunk that moved after an edit above it). */
export function shiftBlocks(chunk: ChunkBlocks, delta: number): ChunkBlocks {
  if (delta === 0) return chunk;
  const shiftInline = (inline: InlineText): InlineText => {
    if (inline.map.length === 0) return inline;
    const map = inline.map.slice();
    for (let k = 1; k < map.length; k += 3) map[k] += delta;
    return { ...inline, map };
  };
  const shiftCell = (c: TableCell): TableCell => ({ start: c.start + delta, end: c.end + delta, inline: shiftInline(c.inline) });
  return {
    blocks: chunk.blocks.map((b) => ({
      ...b,
      start: b.start + delta,
      end: b.end + delta,
      inline: shiftInline(b.inline),
      ...(b.header ? { header: b.header.map(shiftCell) } : {}),
      ...(b.rows ? { rows: b.rows.map((r) => r.map(shiftCell)) } : {}),
      ...(b.rowSpans ? { rowSpans: b.rowSpans.map(([s, e]) => [s + delta, e + delta] as [number, number]) } : {}),
    })),
    html: chunk.html.map((h) => ({ start: h.start + delta, value: h.value })),
    ...(chunk.flattened ? { flattened: chunk.flattened.map(([s, e]) => [s + delta, e + delta] as [number, number]) } : {}),
    ...(chunk.longLines ? { longLines: chunk.longLines.map(([s, e]) => [s + delta, e + delta] as [number, number]) } : {}),
    ...(chunk.continues ? { continues: true } : {}),
  };
}

/** Appends a chunk's blocks (from index `skip`: the ones before are merged already) to the document's, remapping parent indexes. */
export function appendBlocks(into: Block[], chunk: Block[], skip = 0): void {
  const base = into.length - skip;
  for (let k = skip; k < chunk.length; k++) {
    const b = chunk[k];
    into.push(base === 0 || (b.parent === -1 && b.list === undefined) ? b : { ...b, parent: b.parent === -1 ? -1 : b.parent + base, ...(b.list !== undefined ? { list: b.list + base } : {}) });
  }
}

import type { Nodes, RootContent } from 'mdast';
import type { ActionItem, ProseRun, Section, SectionKind } from './types';
import { type Located, nodeEnd, nodeStart } from './nodes';
import type { LineIndex } from './text';

/** Node types whose own text is not prose we may reword: code, raw HTML, URLs, images. */
const BLANKED = new Set(['inlineCode', 'html', 'image', 'imageReference', 'definition', 'footnoteDefinition']);

/**
 * Collects prose runs (paragraphs, headings, table cells) with code spans, HTML and link URLs blanked
 * out by spaces, so that matches found in `run.text` map straight back to document offsets.
 */
export function collectProse(blocks: Located<RootContent>[], lines: LineIndex, sections: Section[], actionItems: ActionItem[]): ProseRun[] {
  const runs: ProseRun[] = [];
  const actionSpans = actionItems.map((a) => [lines.offsetAt(a.range.start), lines.offsetAt(a.range.end)] as const).sort((a, b) => a[0] - b[0]);
  // Kinded sections never nest (a section inside a kinded one gets no kind), so they are disjoint and sorted.
  const kinded: Array<{ start: number; end: number; kind: SectionKind }> = [];
  const collect = (list: Section[]) => {
    for (const s of list) {
      if (s.kind) kinded.push({ start: lines.offsetAt(s.range.start), end: lines.offsetAt(s.range.end), kind: s.kind });
      else collect(s.children);
    }
  };
  collect(sections);
  kinded.sort((a, b) => a.start - b.start);
  let actionIndex = 0;
  let sectionIndex = 0;
  for (const { node, offset } of blocks) visitBlock(node, offset, false);
  return runs;

  function visitBlock(node: Nodes, chunkOffset: number, inQuote: boolean): void {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        addRun(node, chunkOffset, inQuote);
        return;
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'thematicBreak':
        return;
      default:
        if ('children' in node) for (const child of node.children) visitBlock(child as Nodes, chunkOffset, inQuote || node.type === 'blockquote');
    }
  }

  function addRun(node: Nodes, chunkOffset: number, inQuote: boolean): void {
    const start = nodeStart(node, chunkOffset);
    const end = nodeEnd(node, chunkOffset);
    if (end <= start) return;
    const chars = lines.text.slice(start, end).split('');
    const blank = (from: number, to: number) => {
      for (let i = Math.max(0, from - start); i < Math.min(chars.length, to - start); i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    };
    const walk = (n: Nodes) => {
      if (BLANKED.has(n.type)) {
        blank(nodeStart(n, chunkOffset), nodeEnd(n, chunkOffset));
        return;
      }
      if (n.type === 'link' || n.type === 'linkReference') {
        const linkEnd = nodeEnd(n, chunkOffset);
        const kids = n.children;
        const textEnd = kids.length ? nodeEnd(kids[kids.length - 1], chunkOffset) : nodeStart(n, chunkOffset);
        blank(textEnd, linkEnd);
        // Bare URLs (autolink literals) are all URL.
        if (n.type === 'link' && kids.length === 1 && kids[0].type === 'text' && (kids[0].value === n.url || `mailto:${kids[0].value}` === n.url || `http://${kids[0].value}` === n.url)) blank(nodeStart(n, chunkOffset), linkEnd);
      }
      if ('children' in n) for (const child of n.children) walk(child as Nodes);
    };
    walk(node);
    // Runs arrive in document order: advance the sweeps instead of searching.
    while (sectionIndex < kinded.length && kinded[sectionIndex].end < start) sectionIndex++;
    const section = sectionIndex < kinded.length && kinded[sectionIndex].start <= start ? kinded[sectionIndex] : undefined;
    while (actionIndex < actionSpans.length && actionSpans[actionIndex][1] <= start) actionIndex++;
    const inActionItem = actionIndex < actionSpans.length && actionSpans[actionIndex][0] <= start;
    runs.push({
      text: chars.join(''),
      offset: start,
      ...(section ? { sectionKind: section.kind } : {}),
      inActionItem,
      inQuote,
    });
  }
}

import { SECTION_DEFINITIONS } from '../model/sections';
import type { PostmortemDocument, Range, Section } from '../model/types';
import { formatClock } from '../model/time';

export type OutlineKind = 'title' | 'section' | 'event' | 'phaseEvent' | 'openAction' | 'doneAction';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

export interface FoldingRegion {
  startLine: number;
  endLine: number;
  kind: 'frontMatter' | 'section' | 'table';
}

const startsBefore = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);

function contains(outer: Range, inner: Range): boolean {
  return startsBefore(outer.start, inner.start) && startsBefore(inner.end, outer.end);
}

/** Outline: sections (nested by heading level), with timeline events and action items as children. */
export function buildOutline(doc: PostmortemDocument): OutlineNode[] {
  const kinds = new Map<OutlineNode, Section['kind']>();
  /** The section nodes under each node, in document order (events and items added later are not searched). */
  const subsections = new Map<OutlineNode, OutlineNode[]>();
  const toNode = (section: Section): OutlineNode => {
    const children = section.children.map(toNode);
    const node: OutlineNode = {
      name: section.heading || '(untitled)',
      detail: readAs(section),
      kind: section.depth === 1 ? 'title' : 'section',
      range: section.range,
      selectionRange: contains(section.range, section.headingRange) ? section.headingRange : section.range,
      children: [...children],
    };
    kinds.set(node, section.kind);
    subsections.set(node, children);
    return node;
  };
  const roots = doc.sections.map(toNode);
  // Events and items go under the deepest section that holds them (e.g. a day subheading of the timeline).
  // Sibling sections are disjoint and in order, so the one that may hold a child is found by binary search.
  const deepest = (nodes: OutlineNode[], kind: Section['kind'], child: OutlineNode, inKind: boolean): OutlineNode | undefined => {
    let lo = 0;
    let hi = nodes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (startsBefore(nodes[mid].range.start, child.range.start)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const node = nodes[found];
    if (!node || !contains(node.range, child.range)) return undefined;
    const here = inKind || kinds.get(node) === kind;
    return deepest(subsections.get(node)!, kind, child, here) ?? (here ? node : undefined);
  };
  const place = (nodes: OutlineNode[], kind: Section['kind'], child: OutlineNode): void => {
    deepest(nodes, kind, child, false)?.children.push(child);
  };
  for (const event of doc.timeline) {
    place(roots, 'timeline', {
      name: `${event.time ? formatClock(event.time.minutes) : '??:??'} ${event.text || '(no description)'}`,
      detail: event.phase ?? '',
      kind: event.phase ? 'phaseEvent' : 'event',
      range: event.range,
      selectionRange: event.range,
      children: [],
    });
  }
  for (const item of doc.actionItems) {
    place(roots, 'actionItems', {
      name: item.text || '(empty)',
      detail: [item.done ? 'done' : 'open', item.owner ?? 'no owner', item.due ? `due ${item.due}` : 'no deadline'].join(' · '),
      kind: item.done ? 'doneAction' : 'openAction',
      range: item.range,
      selectionRange: contains(item.range, item.textRange) ? item.textRange : item.range,
      children: [],
    });
  }
  // Sections that hold events or items say how many (the heading already names the section).
  const counts = (node: OutlineNode): void => {
    node.children.forEach(counts);
    const events = node.children.filter((c) => c.kind === 'event' || c.kind === 'phaseEvent').length;
    const open = node.children.filter((c) => c.kind === 'openAction').length;
    const done = node.children.filter((c) => c.kind === 'doneAction').length;
    const parts = [node.detail];
    if (events) parts.push(`${events} event${events === 1 ? '' : 's'}`);
    if (open || done) parts.push(`${open} open · ${done} done`);
    node.detail = parts.filter(Boolean).join(' · ');
  };
  roots.forEach(counts);
  return roots;
}

/** Folding regions: front matter, every section, every table. */
export function foldingRegions(doc: PostmortemDocument): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const add = (range: Range, kind: FoldingRegion['kind']) => {
    if (range.end.line > range.start.line) regions.push({ startLine: range.start.line, endLine: range.end.line, kind });
  };
  if (doc.frontMatterRange) add(doc.frontMatterRange, 'frontMatter');
  for (const section of doc.allSections) add(section.range, 'section');
  for (const table of doc.tables) add(table, 'table');
  return regions;
}

/** "read as root cause" when the heading does not say what the section was read as ("What went wrong"); else nothing. */
function readAs(section: Section): string {
  const def = section.kind ? SECTION_DEFINITIONS.find((d) => d.kind === section.kind) : undefined;
  if (!def) return '';
  const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words(section.heading).includes(words(def.label)) ? '' : `read as ${def.label.toLowerCase()}`;
}

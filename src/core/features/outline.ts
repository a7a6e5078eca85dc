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

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Outline: sections (nested by heading level), with timeline events and action items as children. */
export function buildOutline(doc: PostmortemDocument): OutlineNode[] {
  const kinds = new Map<OutlineNode, Section['kind']>();
  const toNode = (section: Section): OutlineNode => {
    const node: OutlineNode = {
      name: section.heading || '(untitled)',
      detail: readAs(section),
      kind: section.depth === 1 ? 'title' : 'section',
      range: section.range,
      selectionRange: contains(section.range, section.headingRange) ? section.headingRange : section.range,
      children: section.children.map(toNode),
    };
    kinds.set(node, section.kind);
    return node;
  };
  const roots = doc.sections.map(toNode);
  // Events and items go under the deepest section that holds them (e.g. a day subheading of the timeline).
  const place = (nodes: OutlineNode[], kind: Section['kind'], child: OutlineNode, inKind = false): boolean => {
    for (const node of nodes) {
      if (!contains(node.range, child.range)) continue;
      const here = inKind || kinds.get(node) === kind;
      if (place(node.children, kind, child, here)) return true;
      if (here) {
        node.children.push(child);
        return true;
      }
    }
    return false;
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

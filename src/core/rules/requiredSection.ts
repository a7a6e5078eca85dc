import type { PostmortemDocument, Position, SectionKind } from '../model/types';
import { SECTION_DEFINITIONS, sectionDefinition } from '../model/sections';
import { eol } from './edits';
import type { Fix, RuleDefinition } from './types';

/** Where a missing section goes: after the nearest present section that comes before it in canonical order. */
export function insertSectionFix(doc: PostmortemDocument, kind: SectionKind): Fix {
  const order = SECTION_DEFINITIONS.map((d) => d.kind);
  const present = doc.allSections.filter((s) => s.kind);
  const depth = present[0]?.depth ?? 2;
  const nl = eol(doc);
  const def = sectionDefinition(kind);
  const block = `${'#'.repeat(depth)} ${def.label}${nl}${nl}${def.skeleton.replace(/\n/g, nl)}${nl}`;
  const before = present.filter((s) => order.indexOf(s.kind!) < order.indexOf(kind)).pop();
  if (before) {
    const at: Position = before.range.end;
    return { title: `Add the "${def.label}" section`, edits: [{ range: { start: at, end: at }, newText: `${nl}${nl}${block.trimEnd()}` }], preferred: true };
  }
  const after = present.find((s) => order.indexOf(s.kind!) > order.indexOf(kind));
  if (after) {
    const at: Position = { line: after.range.start.line, character: 0 };
    return { title: `Add the "${def.label}" section`, edits: [{ range: { start: at, end: at }, newText: `${block}${nl}` }], preferred: true };
  }
  const lastLine = doc.lineCount - 1;
  const end: Position = { line: lastLine, character: doc.text.length - doc.lineStarts[lastLine] };
  const lead = doc.text.trim() === '' ? '' : doc.text.endsWith('\n') ? nl : `${nl}${nl}`;
  return { title: `Add the "${def.label}" section`, edits: [{ range: { start: end, end }, newText: `${lead}${block}` }], preferred: true };
}

export const requiredSection: RuleDefinition = {
  id: 'required-section',
  defaultSeverity: 'warning',
  description: 'A required section is missing.',
  rationale: 'Readers look for the same sections in every post-mortem; a missing Impact or Action Items section usually means the work is not done yet.',
  bad: '# Login outage\n\n## Summary\n...\n## Timeline\n...',
  good: '# Login outage\n\n## Summary\n...\n## Impact\n...\n## Timeline\n...',
  check({ doc, config, report }) {
    if (doc.truncated) return;
    const present = new Set(doc.allSections.map((s) => s.kind).filter(Boolean));
    const title = doc.allSections.find((s) => s.depth === 1);
    const range = title?.headingRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const kind of config.requiredSections) {
      if (present.has(kind)) continue;
      const def = sectionDefinition(kind);
      report({ message: `The "${def.label}" section is missing (also accepted: ${def.aliases.slice(1, 4).join(', ')}).`, range, fixes: [insertSectionFix(doc, kind)] });
    }
  },
};

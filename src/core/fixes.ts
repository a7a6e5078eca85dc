import type { PostmortemDocument } from './model';
import { eol, lineIndent, offsetAt } from './rules/edits';
import { type Finding, type Fix, snippetToText, type TextEdit } from './rules/types';

/** Edits for "disable this rule on this line / in this file" (not offered inside tables, where a comment line would end the table). */
export function disableRuleEdits(doc: PostmortemDocument, rule: string, line: number): Fix[] {
  const nl = eol(doc);
  const fixes: Fix[] = [];
  const inTable = doc.tables.some((t) => line >= t.start.line && line <= t.end.line);
  if (!inTable) {
    const indent = lineIndent(doc, line);
    fixes.push({ title: `Disable ${rule} for this line`, edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- postmortem-disable-next-line ${rule} -->${nl}` }] });
  }
  const fileLine = doc.frontMatterRange ? doc.frontMatterRange.end.line + 1 : 0;
  const at = { line: fileLine, character: 0 };
  const needsBreak = fileLine > 0 && fileLine >= doc.lineCount;
  fixes.push({ title: `Disable ${rule} in this file`, edits: [{ range: { start: at, end: at }, newText: `${needsBreak ? nl : ''}<!-- postmortem-disable ${rule} -->${nl}` }] });
  return fixes;
}

/**
 * The edits "fix all" applies: preferred fixes (owner/deadline placeholders, missing sections), one per
 * finding, skipping any that overlap an edit already taken. Snippets become plain text.
 */
export function fixAllEdits(doc: PostmortemDocument, findings: Finding[]): TextEdit[] {
  const taken: Array<[number, number]> = [];
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.preferred);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [offsetAt(doc, e.range.start), offsetAt(doc, e.range.end)] as [number, number]);
    const overlaps = spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || (s === e && s === ts && ts === te)));
    if (overlaps) continue;
    taken.push(...spans);
    edits.push(...fix.edits.map((e) => ({ range: e.range, newText: e.snippet ? snippetToText(e.newText) : e.newText })));
  }
  return edits;
}

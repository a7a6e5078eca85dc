import type { PostmortemDocument } from '../model/types';
import { eol, lineIndent, offsetAt } from '../model/text';
import { type Finding, type Fix, snippetToText, type TextEdit } from '../rules/types';

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
  const needsBreak = fileLine > 0 && fileLine >= doc.lineCount;
  // After front matter that ends the document, insert at the end of its last line (with a line break).
  const lastLine = doc.lineCount - 1;
  const at = needsBreak ? { line: lastLine, character: doc.text.length - doc.lineStarts[lastLine] } : { line: fileLine, character: 0 };
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
  const inserts = new Map<number, TextEdit>();
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.preferred);
    if (!fix) continue;
    const plain = fix.edits.map((e) => ({ range: e.range, newText: e.snippet ? snippetToText(e.newText) : e.newText }));
    // Two tails inserted at one spot (an item without owner and deadline) become one: " — @owner, due …".
    if (plain.length === 1 && isInsert(plain[0])) {
      const at = offsetAt(doc, plain[0].range.start);
      const earlier = inserts.get(at);
      if (earlier) {
        earlier.newText += /—/.test(earlier.newText) ? plain[0].newText.replace(/^\s*—\s*/, ', ') : plain[0].newText;
        continue;
      }
    }
    const spans = plain.map((e) => [offsetAt(doc, e.range.start), offsetAt(doc, e.range.end)] as [number, number]);
    if (spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e))) continue;
    taken.push(...spans);
    for (const edit of plain) {
      edits.push(edit);
      if (isInsert(edit)) inserts.set(offsetAt(doc, edit.range.start), edit);
    }
  }
  return edits;
}

function isInsert(edit: TextEdit): boolean {
  return edit.range.start.line === edit.range.end.line && edit.range.start.character === edit.range.end.character;
}

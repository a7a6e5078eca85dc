import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/core/analyze';
import { defaultConfig } from '../../../../src/core/config';
import type { Position, Range } from '../../../../src/core/model/types';
import { type Finding, type ResolvedConfig, RULE_IDS, type RuleId, snippetToText, type TextEdit } from '../../../../src/core/rules/types';

export const TODAY = '2026-03-20';
/** TODAY + 14 days: the default deadline the quick fix offers. */
export const DEFAULT_DUE = '2026-04-03';

// ---------------------------------------------------------------------------------------------
// Helpers shared by the rule tests: lint a text, apply a fix like an editor would, read ranges back.

/** Offsets where each line starts, computed independently of the parser. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Offset of a position; fails when the position is not inside the text (past the end of its line). */
export function offsetOf(text: string, position: Position): number {
  const starts = lineStartsOf(text);
  assert.ok(position.line >= 0 && position.line < starts.length, `line ${position.line} is outside the text`);
  let lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] - 1 : text.length;
  if (lineEnd > starts[position.line] && text[lineEnd - 1] === '\r') lineEnd--;
  const length = lineEnd - starts[position.line];
  assert.ok(position.character >= 0 && position.character <= length, `character ${position.character} is past the end of line ${position.line} (length ${length})`);
  return starts[position.line] + position.character;
}

export function sliceRange(text: string, range: Range): string {
  return text.slice(offsetOf(text, range.start), offsetOf(text, range.end));
}

/** A snippet as inserted after the user typed `typed[n]` into tab stop n (others keep their default text). */
export function fillSnippet(snippet: string, typed: Record<number, string>): string {
  return snippetToText(snippet.replace(/\$\{(\d+):([^}]*)\}/g, (whole, n: string) => (typed[Number(n)] !== undefined ? typed[Number(n)] : whole)));
}

/**
 * Applies line/character edits like an editor would (all ranges refer to the original text).
 * Snippet edits use `snippetToText`, or the text the user typed into their tab stops.
 */
export function applyEdits(text: string, edits: TextEdit[], typed: Record<number, string> = {}): string {
  const spans = edits
    .map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.snippet ? fillSnippet(e.newText, typed) : e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].end <= spans[i - 1].start, 'edits overlap');
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** `line:column-endLine:endColumn`, 1-based, as people read it. */
export function where(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`;
}

/** Default configuration with every rule off except `ids` (at their default severity). */
export function only(...ids: RuleId[]): ResolvedConfig {
  const config = defaultConfig();
  for (const id of RULE_IDS) if (!ids.includes(id)) config.rules[id] = 'off';
  return config;
}

export function lint(text: string, config: ResolvedConfig = defaultConfig(), today = TODAY): Finding[] {
  return analyzeText(text, { today, config }).findings;
}

export function ofRule(findings: Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Applies the first fix of a finding (its snippet placeholders as plain text). */
export function applyFix(text: string, finding: Finding, typed: Record<number, string> = {}): string {
  const fix = finding.fixes?.[0];
  assert.ok(fix, `${finding.rule} at ${where(finding)} offers no fix`);
  return applyEdits(text, fix.edits, typed);
}

/** A complete, clean post-mortem whose sections can be replaced. */
export function postmortem(parts: { summary?: string; timeline?: string; rootCause?: string; actions?: string } = {}): string {
  return [
    '# Checkout errors',
    '',
    '## Summary',
    '',
    parts.summary ?? 'Checkout returned errors for twenty minutes after a config change.',
    '',
    '## Impact',
    '',
    'About 3% of checkout requests failed.',
    '',
    '## Timeline',
    '',
    parts.timeline ?? '- 10:00 — [started] Config change deployed\n- 10:05 — [detected] Error alert fires\n- 10:20 — [resolved] Change rolled back',
    '',
    '## Root Cause',
    '',
    parts.rootCause ?? 'The deploy pipeline accepted a config that no check validated.',
    '',
    '## Action Items',
    '',
    parts.actions ?? '- [ ] Validate configs in the deploy pipeline — @sam, due 2026-04-01',
    '',
  ].join('\n');
}


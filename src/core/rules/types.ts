import type { PostmortemDocument, Range, SectionKind } from '../model/types';
import type { RuleExample } from './examples';

export type FindingSeverity = 'error' | 'warning' | 'info';
export type RuleSetting = FindingSeverity | 'off';

export const RULE_IDS = [
  'action-item-owner',
  'action-item-deadline',
  'action-item-deadline-invalid',
  'action-item-overdue',
  'blame-wording',
  'required-section',
  'empty-section',
  'timeline-order',
  'key-time-order',
  'timeline-time-invalid',
  'front-matter',
  'file-size',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface TextEdit {
  range: Range;
  newText: string;
  /** `newText` is a snippet with tab stops (`${1:@owner}`); plain-text consumers use `snippetToText`. */
  snippet?: boolean;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without looking (used by "fix all"). */
  preferred?: boolean;
}

export interface Finding {
  rule: RuleId;
  severity: FindingSeverity;
  message: string;
  range: Range;
  fixes?: Fix[];
  /** For blame-wording: the suggested rewording advice. */
  suggestion?: string;
  /** For blame-wording: who the wording puts the failure on, the words that do, and a checked rewording. */
  blame?: { category: string; agent?: string; blaming: string; replacement?: string };
}

export interface ResolvedConfig {
  rules: Record<RuleId, RuleSetting>;
  requiredSections: SectionKind[];
  blameWording: { extraPatterns: string[]; allow: string[] };
}

export interface RuleContext {
  doc: PostmortemDocument;
  config: ResolvedConfig;
  /** `YYYY-MM-DD` the overdue rule measures against. */
  today: string;
  report(finding: Omit<Finding, 'rule' | 'severity'> & { severity?: FindingSeverity }): void;
  /** Memoizes per-text results across analyses of the same document (absent in one-shot runs). */
  memo?: <T>(space: string, key: string, compute: () => T) => T;
}

export interface RuleDefinition {
  id: RuleId;
  defaultSeverity: RuleSetting;
  /** One line for tables and SARIF. */
  description: string;
  /** Why the rule exists, for docs and SARIF help. */
  rationale: string;
  /** Whole documents: `bad` triggers exactly this rule, `good` triggers none (both linted by a test). */
  bad: RuleExample;
  good: RuleExample;
  check(context: RuleContext): void;
}

/** Replaces snippet tab stops by their default text: `${1:@owner}` -> `@owner`, `$0` -> ``. */
export function snippetToText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

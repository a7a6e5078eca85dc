import type { PostmortemDocument } from '../model/types';
import { isSuppressed } from '../model/suppressions';
import { todayIso } from '../model/time';
import { actionItemDeadline } from './actionItemDeadline';
import { actionItemDeadlineInvalid } from './actionItemDeadlineInvalid';
import { actionItemOverdue } from './actionItemOverdue';
import { actionItemOwner } from './actionItemOwner';
import { blameWording } from './blameWording';
import { emptySection } from './emptySection';
import { fileSize, frontMatter, timelineTimeInvalid } from './problemRules';
import { requiredSection } from './requiredSection';
import { keyTimeOrder } from './keyTimeOrder';
import { timelineOrder } from './timelineOrder';
import type { Finding, FindingSeverity, ResolvedConfig, RuleDefinition, RuleId } from './types';

/** Every rule, in the order of the docs. One source for the engine, docs, settings and SARIF. */
export const RULES: readonly RuleDefinition[] = [
  actionItemOwner,
  actionItemDeadline,
  actionItemDeadlineInvalid,
  actionItemOverdue,
  blameWording,
  requiredSection,
  emptySection,
  timelineOrder,
  keyTimeOrder,
  timelineTimeInvalid,
  frontMatter,
  fileSize,
];

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((r) => r.id === id);
}

export interface LintOptions {
  /** `YYYY-MM-DD`; defaults to the local date. Tests fix it. */
  today?: string;
  memo?: <T>(space: string, key: string, compute: () => T) => T;
  /** Rules left out of this run (their findings come in a later one). */
  skip?: ReadonlySet<RuleId>;
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Runs every enabled rule over the model; suppressed findings are dropped. Never throws for a rule's sake. */
export function lintDocument(doc: PostmortemDocument, config: ResolvedConfig, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const today = options.today ?? todayIso();
  for (const rule of RULES) {
    const setting = config.rules[rule.id];
    if (setting === 'off' || options.skip?.has(rule.id)) continue;
    const report = (f: Omit<Finding, 'rule' | 'severity'> & { severity?: FindingSeverity }) => {
      if (isSuppressed(doc.suppressions, rule.id, f.range.start.line)) return;
      // A finding may ask for a milder level than the rule's (e.g. "Retrain Dave" is info), never a harsher one.
      const severity = f.severity && SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[setting] ? f.severity : setting;
      findings.push({ ...f, rule: rule.id, severity });
    };
    try {
      rule.check({ doc, config, today, report, ...(options.memo ? { memo: options.memo } : {}) });
    } catch (error) {
      findings.push({
        rule: rule.id,
        severity: 'info',
        message: `Rule ${rule.id} could not check this document (${(error as Error).message}); please report this.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export type { Finding, FindingSeverity, ResolvedConfig, RuleDefinition, RuleId };

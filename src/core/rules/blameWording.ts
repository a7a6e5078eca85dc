import { compileExtraPatterns, findBlameWording } from './blamePatterns';
import { sourceSpan } from '../model/inline';
import { proseRuns } from '../model/prose';
import { positionAtOffset } from '../model/text';
import type { RuleDefinition } from './types';

export const blameWording: RuleDefinition = {
  id: 'blame-wording',
  defaultSeverity: 'warning',
  description: 'Blame-focused wording about people, with a blameless rewording.',
  rationale:
    'A post-mortem that names a person as the cause stops the inquiry at the person and teaches people to hide mistakes. Describe what the system allowed instead: the missing check, the unclear runbook, the risky default.',
  bad: 'Dave pushed a bad config. This was human error; he should have checked it.',
  good: 'The deploy pipeline accepted an unvalidated config; nothing checked it before production.',
  check({ doc, config, report, memo }) {
    const options = { extraPatterns: config.blameWording.extraPatterns, allow: config.blameWording.allow };
    for (const run of proseRuns(doc)) {
      if (run.inQuote) continue;
      const find = () => findBlameWording(run.text, { ...options, inActionItem: run.inActionItem });
      const matches = memo ? memo(`blame:${run.inActionItem ? 1 : 0}:${run.text}`, find) : find();
      for (const match of matches) {
        const [start, end] = sourceSpan(run.inline, match.start, match.end);
        const range = { start: positionAtOffset(doc.lineStarts, start), end: positionAtOffset(doc.lineStarts, end) };
        report({
          message: `${match.why} ${match.suggestion}`,
          range,
          severity: match.severity === 'info' ? 'info' : undefined,
          suggestion: match.suggestion,
          fixes: match.replacement !== undefined ? [{ title: `Reword as "${match.replacement}"`, edits: [{ range, newText: match.replacement }] }] : [],
        });
      }
    }
  },
};

/** Problems in user-supplied patterns, reported once per configuration. */
export function blameConfigErrors(extraPatterns: string[]): string[] {
  return compileExtraPatterns(extraPatterns).errors;
}

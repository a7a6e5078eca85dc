import { findBlameWording } from '../blame/index';
// Not through the index: configuration checks run at every start, the detector only when this rule runs.
import { compileUserPatterns } from '../blame/userPatterns';
import { sourceSpan } from '../model/inline';
import { proseRuns } from '../model/prose';
import { positionAtOffset } from '../model/text';
import type { RuleDefinition } from './types';
import { exampleDocument } from './examples';

export const blameWording: RuleDefinition = {
  id: 'blame-wording',
  defaultSeverity: 'warning',
  description: 'Blame-focused wording about people, with a blameless rewording.',
  rationale:
    'A post-mortem that names a person as the cause stops the inquiry at the person and teaches people to hide mistakes. Describe what the system allowed instead: the missing check, the unclear runbook, the risky default.',
  bad: exampleDocument({ summary: 'Dave pushed a bad worker limit. This was human error; he should have checked it.' }),
  good: exampleDocument({ summary: 'The deploy pipeline accepted a worker limit below peak load; nothing checked it before production.' }),
  check({ doc, config, report, memo }) {
    const options = { extraPatterns: config.blameWording.extraPatterns, allow: config.blameWording.allow };
    // The impact statement of the front matter goes into the summary too.
    const impact = doc.metadata.impact;
    if (impact) {
      const start = doc.lineStarts[impact.range.start.line] + impact.range.start.character;
      const exact = doc.text.startsWith(impact.value, start);
      const find = () => findBlameWording(impact.value, options);
      for (const match of memo ? memo('blame:impact', impact.value, find) : find()) {
        const range = exact ? { start: positionAtOffset(doc.lineStarts, start + match.start), end: positionAtOffset(doc.lineStarts, start + match.end) } : impact.range;
        report({ message: `${match.why} ${match.suggestion}`, range, suggestion: match.suggestion, blame: { category: match.category, ...(match.agent ? { agent: match.agent.text } : {}), blaming: match.blaming.text, ...(exact && match.replacement !== undefined ? { replacement: match.replacement } : {}) }, fixes: exact && match.replacement !== undefined ? [{ title: `Reword as "${match.replacement}"`, edits: [{ range, newText: match.replacement }] }] : [] });
      }
    }
    for (const run of proseRuns(doc)) {
      if (run.inQuote) continue;
      const find = () => findBlameWording(run.text.replace(/\n/g, ' '), { ...options, inActionItem: run.inActionItem });
      const matches = memo ? memo(run.inActionItem ? 'blame:actionItem' : 'blame', run.text, find) : find();
      for (const match of matches) {
        const [start, end] = sourceSpan(run.inline, match.start, match.end);
        const range = { start: positionAtOffset(doc.lineStarts, start), end: positionAtOffset(doc.lineStarts, end) };
        report({
          message: `${match.why} ${match.suggestion}`,
          range,
          ...(match.severity === 'info' ? { severity: 'info' as const } : {}),
          suggestion: match.suggestion,
          blame: {
            category: match.category,
            ...(match.agent ? { agent: match.agent.text } : {}),
            blaming: match.blaming.text,
            ...(match.replacement !== undefined ? { replacement: match.replacement } : {}),
          },
          fixes: match.replacement !== undefined ? [{ title: `Reword as "${match.replacement}"`, edits: [{ range, newText: match.replacement }] }] : [],
        });
      }
    }
  },
};

/** Problems in user-supplied patterns, reported once per configuration. */
export function blameConfigErrors(extraPatterns: string[]): string[] {
  return extraPatterns.length ? compileUserPatterns(extraPatterns).errors : [];
}

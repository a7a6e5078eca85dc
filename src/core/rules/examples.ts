// Rule examples as whole documents: each `bad` must trigger exactly its rule and each `good` none
// (test/unit/core/rules/examples.test.ts lints them). An example changes one part of a complete,
// clean post-mortem; docs and SARIF show that part.

/** The date the examples are linted against (deadlines in them are after it, overdue ones before). */
export const EXAMPLE_TODAY = '2026-03-20';

export interface RuleExample {
  /** What docs and SARIF show: the changed part, or a situation in parentheses. */
  shown: string;
  /** The whole post-mortem that is linted. */
  document: string;
  /** Analysis limit the example needs (the file-size rule). */
  maxFileSize?: number;
}

type Part = 'frontMatter' | 'summary' | 'impact' | 'timeline' | 'rootCause' | 'actionItems';

const HEADINGS: Record<Exclude<Part, 'frontMatter'>, string> = {
  summary: '## Summary',
  impact: '## Impact',
  timeline: '## Timeline',
  rootCause: '## Root cause',
  actionItems: '## Action items',
};

const CLEAN: Record<Part, string> = {
  frontMatter: '---\nseverity: SEV2\nstatus: in-review\ndate: 2026-03-14\ntimezone: UTC\n---',
  summary: 'Checkout requests queued for 28 minutes after a worker limit change; a rollback restored service.',
  impact: 'About 1,200 orders were delayed by up to 28 minutes.',
  timeline: '- 10:02 — [started] Queue depth rises after the worker limit change\n- 10:12 — [detected] Queue depth alert pages the on-call engineer\n- 10:20 — [mitigated] Worker limit change rolled back\n- 10:30 — [resolved] Queue drained; incident closed',
  rootCause: 'The new worker limit was below peak checkout load, and no load test covers the limit.',
  actionItems: '- [ ] Load-test worker limits before rollout — @kim, due 2026-04-01',
};

export interface ExampleParts extends Partial<Record<Part, string>> {
  /** Sections left out of the document. */
  omit?: Part[];
  /** What to show instead of the changed parts. */
  shown?: string;
  maxFileSize?: number;
}

/** A complete post-mortem with some parts replaced (or omitted). */
export function exampleDocument(parts: ExampleParts = {}): RuleExample {
  const value = (part: Part) => parts[part] ?? CLEAN[part];
  const present = (part: Part) => !parts.omit?.includes(part);
  const sections = (Object.keys(HEADINGS) as Array<Exclude<Part, 'frontMatter'>>).filter(present);
  const document = [
    ...(present('frontMatter') ? [value('frontMatter'), ''] : []),
    '# Checkout queue outage',
    '',
    ...sections.flatMap((part) => [HEADINGS[part], '', value(part), '']),
  ].join('\n');
  const changed = (Object.keys(CLEAN) as Part[]).filter((part) => parts[part] !== undefined);
  const shown =
    parts.shown ??
    changed.map((part) => (part === 'frontMatter' ? value(part) : part === 'actionItems' || part === 'timeline' ? value(part) : `${HEADINGS[part]}\n\n${value(part)}`)).join('\n\n');
  return { shown, document, ...(parts.maxFileSize ? { maxFileSize: parts.maxFileSize } : {}) };
}

import type { PostmortemDocument, Position, SectionKind } from '../model/types';
import { positionAtOffset } from '../model/text';
import { SECTION_DEFINITIONS, sectionAliases, sectionDefinition } from '../model/sections';
import { eol } from '../model/text';
import type { Fix, RuleDefinition } from './types';
import { exampleDocument } from './examples';

const SECTION_RANK = new Map<SectionKind, number>(SECTION_DEFINITIONS.map((d, i) => [d.kind, i]));

/** Where a missing section goes: after the nearest present section that comes before it in canonical order. */
export function insertSectionFix(doc: PostmortemDocument, kind: SectionKind): Fix {
  const rank = (k: SectionKind) => SECTION_RANK.get(k) ?? -1;
  const target = rank(kind);
  // One pass over the sections (a document may have thousands): the first kinded one gives the depth, the last one ranked
  // before the missing kind is where it goes, else the first one ranked after it.
  let depth: number | undefined;
  let before: (typeof doc.allSections)[number] | undefined;
  let after: (typeof doc.allSections)[number] | undefined;
  for (const s of doc.allSections) {
    if (!s.kind) continue;
    depth ??= s.depth;
    const r = rank(s.kind);
    if (r < target) before = s;
    else if (r > target && !after) after = s;
  }
  const nl = eol(doc);
  const def = sectionDefinition(kind);
  const block = `${'#'.repeat(depth ?? 2)} ${def.label}${nl}${nl}${def.skeleton.replace(/\n/g, nl)}${nl}`;
  if (before) {
    const at: Position = before.range.end;
    return { title: `Add the "${def.label}" section`, edits: [{ range: { start: at, end: at }, newText: `${nl}${nl}${block.trimEnd()}` }], preferred: true };
  }
  if (after) {
    const at: Position = { line: after.range.start.line, character: 0 };
    return { title: `Add the "${def.label}" section`, edits: [{ range: { start: at, end: at }, newText: `${block}${nl}` }], preferred: true };
  }
  const lastLine = doc.lineCount - 1;
  const end: Position = { line: lastLine, character: doc.text.length - doc.lineStarts[lastLine] };
  const lead = doc.text.trim() === '' ? '' : doc.text.endsWith('\n') ? nl : `${nl}${nl}`;
  return { title: `Add the "${def.label}" section`, edits: [{ range: { start: end, end }, newText: `${lead}${block}` }], preferred: true };
}

const WHAT_HAPPENED = /^[^\p{L}]{0,8}what\s+(?:happened|went\s+wrong)\b/iu;

/** Whether the prose from a found part's block to the end of its section (at most a few blocks) has `least` words; stops counting there (a 1 MB paragraph is not split into words). */
function hasWords(doc: PostmortemDocument, block: number, least: number): boolean {
  let words = 0;
  const word = /\S+/g;
  for (let b = block; b < doc.blocks.length && b < block + 6; b++) {
    const x = doc.blocks[b];
    if (b > block && x.kind === 'heading') break;
    word.lastIndex = 0;
    while (word.exec(x.inline.text)) if (++words >= least) return true;
  }
  return false;
}

/**
 * Whether the document follows Postmortem's own format: its front matter sets a severity or a status
 * (valid or not). Such a document was started from the template, which names every part; elsewhere
 * (a post-mortem published as plain Markdown) a part told under another heading counts as written.
 */
function followsTemplate(doc: PostmortemDocument): boolean {
  const fm = doc.frontMatterRange;
  if (!fm) return false;
  const { severity, status } = doc.metadata;
  if (severity?.source === 'frontMatter' || status?.source === 'frontMatter') return true;
  return doc.problems.some((p) => (p.code === 'front-matter-severity' || p.code === 'front-matter-status') && p.range.start.line <= fm.end.line);
}

function inTimeline(doc: PostmortemDocument, block: number): boolean {
  return doc.allSections.some((s) => s.kind === 'timeline' && block > s.block && block < s.blockEnd) || doc.timeline.some((e) => e.block === block);
}

export const requiredSection: RuleDefinition = {
  id: 'required-section',
  defaultSeverity: 'warning',
  description: 'A required section is missing.',
  rationale: 'Readers look for the same sections in every post-mortem; a missing Impact or Action Items section usually means the work is not done yet.',
  bad: exampleDocument({ omit: ['impact', 'summary'], shown: '# Checkout queue outage\n\n## Timeline\n…\n## Root cause\n…\n## Action items\n…' }),
  good: exampleDocument({ shown: '# Checkout queue outage\n\n## Summary\n…\n## Impact\n…\n## Timeline\n…\n## Root cause\n…\n## Action items\n…' }),
  check({ doc, config, report }) {
    // Sections in text left unread (too large, or past the time or memory budget) may well exist.
    if (doc.truncated || doc.partlyUnread) return;
    const present = new Set(doc.found.filter((f) => f.how !== 'content' || (f.kind !== 'impact' && f.kind !== 'rootCause')).map((f) => f.kind));
    const title = doc.allSections.find((s) => s.depth === 1);
    const range = title?.headingRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const kind of config.requiredSections) {
      if (present.has(kind)) continue;
      const def = sectionDefinition(kind);
      // Impact and causes are often told in the summary: with a substantive summary, only a hint.
      const summary = doc.found.find((f) => f.kind === 'summary' && hasWords(doc, f.block, 25));
      // Impact and causes told in a substantive summary, or under a "What went wrong" / "Challenges" heading.
      const byHeading = doc.found.find((f) => f.kind === kind && doc.blocks[f.block]?.kind === 'heading');
      // …or in a short intro that states it ("After today's deployment we faced a downtime of our reference server").
      const firstSection = doc.allSections.find((s) => s.depth >= 2)?.block ?? doc.blocks.length;
      const inIntro = doc.found.find((f) => f.kind === kind && f.how === 'content' && f.block < firstSection);
      // …or under a heading that asks what happened, where the effect is told whatever its length ("## What happened?").
      const underWhatHappened = doc.found.find((f) => f.kind === kind && f.how === 'content' && WHAT_HAPPENED.test(f.label));
      // …or, in a document not written to the template, wherever its content was found (as `explain` says), but not in a
      // timeline event ("all our nodes just died" at 11:17 tells a moment, not the impact).
      const anywhere = followsTemplate(doc) ? undefined : doc.found.find((f) => f.kind === kind && !inTimeline(doc, f.block));
      const byContent = summary ? (doc.found.find((f) => f.kind === kind) ?? summary) : (inIntro ?? underWhatHappened ?? anywhere);
      const elsewhere = kind === 'impact' || kind === 'rootCause' ? (byHeading ?? byContent) : doc.found.find((f) => f.kind === kind);
      if (elsewhere) {
        // Told in another section: a hint, not a missing section.
        const line = positionAtOffset(doc.lineStarts, doc.blocks[elsewhere.block].start).line + 1;
        report({ message: `No "${def.label}" section; it seems to be described under "${elsewhere.label}" (line ${line}): a heading of its own makes it easy to find.`, range, severity: 'info', fixes: [insertSectionFix(doc, kind)] });
        continue;
      }
      report({ message: `The "${def.label}" section is missing (also accepted: ${sectionAliases(kind).join(', ')}).`, range, fixes: [insertSectionFix(doc, kind)] });
    }
  },
};

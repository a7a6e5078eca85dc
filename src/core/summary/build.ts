// Builds the stakeholder summary data structure from an analysis. Pure TypeScript, no `vscode` import.
//
// Every string copied from the post-mortem goes through two steps, in reading order:
// 1. blame screening: sentences with blame-focused wording are reported (and reworded on request);
// 2. jargon translation: the first use of an acronym is expanded, a few terms get a plain phrase.
// Whatever is missing is left out and explained in `notes`, for the author, never in the audience text.

import { offsetAt } from '../model/text';
import type { Analysis } from '../analyze';
import { builtInGlossary } from '../glossary/index';
import { type ActionItem, PHASES, type Phase, type PostmortemDocument, type TimeValue } from '../model/types';
import type { Finding } from '../rules/types';
import { DOC_STATUS_LABELS, PHASE_LABELS, zoneLabel } from '../model/labels';
import { dueState } from '../model/due';
import { capitalize, linesText, plural } from '../util/words';
import { isPlaceholderText } from '../rules/emptySection';
import { DATE_LIKE_SOURCE, daysUntil, formatClock, formatDuration, minutesBetween, parseDate } from '../model/time';
import { blocksOf, lineOf, sectionsOf, sourced, type SummaryBlock as Block } from './blocks';
import { findFigures, highlightFigures } from './figures';
import { JargonTranslator } from './jargon';
import { oneLine, sentenceSpans, slice, type SourcedText, trimSourced, trimToWords, uniform } from './plainText';
import type { BlameSentence, ImpactEntry, KeyTime, StakeholderSummary, SummaryActionItem, SummaryMetric, SummaryOptions } from './types';
import { pushAll } from '../util/arrays';

const DEFAULT_SUMMARY_WORDS = 80;
const ROOT_CAUSE_WORDS = 70;
const LESSON_WORDS = 40;
const IMPACT_LINE_WORDS = 35;
const MAX_LESSONS = 3;
const MAX_IMPACT_DETAILS = 3;

const METRIC_ENDS: Record<SummaryMetric['id'], Phase> = { ttd: 'detected', ttm: 'mitigated', ttr: 'resolved' };

/** Builds the summary. Never throws for a document's sake; never yields "undefined", "null" or "NaN". */
export function buildSummary(analysis: Analysis, options: SummaryOptions = {}): StakeholderSummary {
  const { doc } = analysis;
  const today = options.today ?? analysis.today;
  const notes: string[] = [];
  const blame = new BlameScreen(doc, analysis.findings, options);
  const jargon = new JargonTranslator(options.glossary ?? builtInGlossary());
  const { metadata, metrics } = doc;

  if (doc.truncated) notes.push('The post-mortem is too large to analyse, so the summary is nearly empty (setting postmortem.maxFileSize).');

  // ── Header ────────────────────────────────────────────────────────────────────────────────
  let title = oneLine(doc.title ?? '');
  if (!title) {
    title = 'Incident summary';
    notes.push('No title: add `title:` to the front matter or a `# Title` heading.');
  }
  const incidentId = oneLine(metadata.id?.value ?? '') || undefined;
  const severity = metadata.severity?.value;
  const problem = (code: string) => doc.problems.some((p) => p.code === code);
  if (!severity) notes.push(problem('front-matter-severity') ? 'The severity is not one the summary can show; use SEV1..SEV5, P0..P4 or critical/high/medium/low.' : 'No severity: add `severity: SEV2` (or P0..P4, critical/high/medium/low).');
  const date = metadata.date?.value ?? metrics.started?.date;
  const badDate = doc.problems.some((p) => p.code === 'front-matter-date' && p.field === 'date');
  if (!date) notes.push(badDate ? 'The incident date is not a real date; the summary shows none.' : 'No incident date: add `date: YYYY-MM-DD` to the front matter.');
  const status = metadata.status ? DOC_STATUS_LABELS[metadata.status.value] : undefined;
  if (!status) notes.push(problem('front-matter-status') ? 'The document status is not recognised; use draft, in-review or final.' : 'No document status: add `status: draft`, `in-review` or `final`.');

  // ── Summary paragraph ─────────────────────────────────────────────────────────────────────
  const maxWords = Math.max(10, options.maxSummaryWords ?? DEFAULT_SUMMARY_WORDS);
  let summaryRaw: string | undefined;
  const summaryBlocks = usable(blocksOf(doc, 'summary'));
  const summaryBlock = summaryBlocks.find((b) => b.kind === 'paragraph') ?? summaryBlocks[0];
  if (summaryBlock) {
    const { text, trimmed, cutMidSentence } = trimmedText(summaryBlock.text, maxWords);
    summaryRaw = blame.screen(text) + (cutMidSentence ? '…' : '');
    if (trimmed) notes.push(`The summary paragraph was shortened to about ${maxWords} words; the rest stays in the post-mortem. Put the essentials in the first sentences.`);
  } else {
    notes.push(sectionsOf(doc, 'summary').length ? 'The Summary section is empty: write two or three sentences for readers outside engineering.' : 'No Summary section: add "## Summary" with two or three sentences for readers outside engineering.');
  }

  // ── Impact ────────────────────────────────────────────────────────────────────────────────
  let statementRaw: string | undefined;
  if (metadata.impact?.value.trim()) {
    statementRaw = sentence(blame.screen(uniform(metadata.impact.value, offsetAt(doc, metadata.impact.range.start))));
  }
  let blastRaw: string | undefined;
  const details: string[] = [];
  const impactBlocks = usable(blocksOf(doc, 'impact'));
  // A section headed "Blast Radius" is the blast radius line as a whole.
  const blastSectionBlock = usable(blocksOf(doc, 'impact', (s) => /^\W*blast[\s-]radius\W*$/i.test(s.heading)))[0];
  const candidates: string[] = [];
  for (const block of impactBlocks) {
    const blast = blastRadiusOf(block) ?? (block === blastSectionBlock || (blastSectionBlock && block.line === blastSectionBlock.line) ? (block.kind === 'tableRow' ? rowText(block) : block.text) : undefined);
    if (blast) {
      blastRaw ??= sentence(blame.screen(trimmedText(blast, IMPACT_LINE_WORDS).text));
      continue;
    }
    if (block.kind === 'paragraph') {
      // Sentences with figures; the rest of a paragraph is context the reader can skip.
      for (const [a, b] of sentenceSpans(block.text.text)) {
        const s = trimSourced(slice(block.text, a, b));
        if (findFigures(s.text).length) candidates.push(blame.screenLater(trimmedText(s, IMPACT_LINE_WORDS).text, false));
      }
    } else {
      candidates.push(blame.screenLater(trimmedText(rowText(block), IMPACT_LINE_WORDS).text, block.kind === 'tableRow'));
    }
  }
  const shown = new Set(findFigures(statementRaw ?? '').map((f) => normalizeFigure(f.text)));
  for (const id of candidates) {
    const text = blame.peek(id);
    const figures = findFigures(text).map((f) => normalizeFigure(f.text));
    if (figures.length === 0 || figures.every((f) => shown.has(f))) continue;
    if (details.length >= MAX_IMPACT_DETAILS) break;
    details.push(blame.isRow(id) ? blame.commit(id) : sentence(blame.commit(id)));
    for (const f of figures) shown.add(f);
  }
  if (details.length === 0 && !statementRaw) {
    // No figures anywhere: the first lines still say who was affected.
    for (const id of candidates.slice(0, 2)) details.push(blame.isRow(id) ? blame.commit(id) : sentence(blame.commit(id)));
  }
  let duration: string | undefined;
  if (metrics.durationMinutes !== null && metrics.durationMinutes >= 0 && (metrics.resolved || metrics.mitigated)) {
    duration = formatDuration(metrics.durationMinutes);
  }
  if (!statementRaw && details.length === 0 && !blastRaw) {
    notes.push(sectionsOf(doc, 'impact').length ? 'The Impact section has no usable content: say who was affected, how many, and for how long.' : 'No Impact section and no `impact:` statement: say who was affected, how many (orders, users, money), and for how long.');
  } else if (!impactBlocks.some((b) => findFigures(b.text.text).length) && !findFigures(statementRaw ?? '').length) {
    notes.push('The impact has no figures: add numbers executives can weigh (users or orders affected, percentage of requests, revenue).');
  }

  // ── Key times and metrics ─────────────────────────────────────────────────────────────────
  const keyTimes: KeyTime[] = [];
  let lastDate: string | undefined;
  const missingPhases: Phase[] = [];
  for (const phase of PHASES) {
    const value = metrics[phase];
    if (!value) {
      missingPhases.push(phase);
      continue;
    }
    const showDate = value.date !== undefined && value.date !== lastDate;
    // An inferred time is approximate for readers: "≈ 14:02 UTC".
    const inferred = metrics.sources[phase]?.from === 'inferred';
    keyTimes.push({ phase, label: PHASE_LABELS[phase], display: `${inferred ? '≈ ' : ''}${displayTime(value, showDate)}` });
    if (value.date) lastDate = value.date;
  }
  const inferredPhases = PHASES.filter((p) => metrics.sources[p]?.from === 'inferred');
  if (inferredPhases.length) {
    const how = inferredPhases.map((p) => {
      const source = metrics.sources[p]!;
      const event = source.event !== undefined ? doc.timeline[source.event] : undefined;
      return `${p} (“${source.cue ?? 'the event'}”${event ? `, line ${event.range.start.line + 1}` : ''})`;
    });
    notes.push(`Key times inferred from the timeline's words: ${how.join(', ')}. Check them and tag the events (e.g. [${inferredPhases[0]}]) to state them.`);
  }
  if (missingPhases.length) {
    notes.push(`Key times missing: ${missingPhases.join(', ')}. Add them to the front matter (\`${missingPhases[0]}: 2026-03-14T14:02Z\`) or tag timeline events with [${missingPhases[0]}].`);
  }
  const metricList: Array<{ id: SummaryMetric['id']; minutes: number }> = [];
  for (const id of ['ttd', 'ttm', 'ttr'] as const) {
    const minutes = id === 'ttd' ? metrics.ttdMinutes : id === 'ttm' ? metrics.ttmMinutes : metrics.ttrMinutes;
    if (minutes === null || !Number.isFinite(minutes)) {
      if (metrics.started && metrics[METRIC_ENDS[id]]) notes.push(`${id.toUpperCase()} cannot be computed: the start and ${METRIC_ENDS[id]} times need dates (or both be clock times of the same day).`);
      continue;
    }
    if (minutes < 0) {
      notes.push(`${id.toUpperCase()} comes out negative (${METRIC_ENDS[id]} before started): check the key times.`);
      continue;
    }
    const doubt = metrics.doubts[id];
    if (doubt) {
      notes.push(`${id.toUpperCase()} is left out: ${doubt}`);
      continue;
    }
    metricList.push({ id, minutes });
  }

  // ── Root cause ────────────────────────────────────────────────────────────────────────────
  let rootCauseRaw: string | undefined;
  const rootBlocks = usable(blocksOf(doc, 'rootCause'));
  const whys = rootBlocks.filter((b) => b.kind === 'listItem' && b.ordered && /^why\b/i.test(b.text.text));
  let rootSource: SourcedText | undefined;
  let capitalizeRoot = false;
  if (whys.length >= 2) {
    const last = whys[whys.length - 1].text;
    const q = last.text.indexOf('?');
    rootSource = q !== -1 && last.text.slice(q + 1).trim() ? trimSourced(slice(last, q + 1, last.text.length)) : last;
    const because = /^because\s+/i.exec(rootSource.text);
    if (because) rootSource = slice(rootSource, because[0].length, rootSource.text.length);
    capitalizeRoot = true;
  } else {
    rootSource = (rootBlocks.find((b) => b.kind === 'paragraph' && !/:\s*$/.test(b.text.text)) ?? rootBlocks.find((b) => !/:\s*$/.test(b.text.text)) ?? rootBlocks[0])?.text;
  }
  if (rootSource && rootSource.text) {
    const { text, cutMidSentence } = trimmedText(rootSource, ROOT_CAUSE_WORDS);
    const screened = blame.screen(text);
    rootCauseRaw = (capitalizeRoot ? capitalize(screened) : screened) + (cutMidSentence ? '…' : '');
  } else {
    notes.push(sectionsOf(doc, 'rootCause').length ? 'The Root Cause section is empty: explain in a few plain sentences which conditions allowed the incident.' : 'No Root Cause section: explain in a few plain sentences which conditions allowed the incident.');
  }

  // ── Lessons ───────────────────────────────────────────────────────────────────────────────
  const lessonBlocks = usable(blocksOf(doc, 'lessonsLearned')).filter((b) => !/:\s*$/.test(b.text.text));
  const lessonsRaw = lessonBlocks.slice(0, MAX_LESSONS).map((b) => {
    const { text, cutMidSentence } = trimmedText(b.kind === 'tableRow' ? rowText(b) : b.text, LESSON_WORDS);
    return blame.screen(text) + (cutMidSentence ? '…' : '');
  });
  if (lessonBlocks.length > MAX_LESSONS) notes.push(`Only the first ${MAX_LESSONS} of ${lessonBlocks.length} lessons are in the summary; put the most important ones first.`);
  if (lessonBlocks.length === 0) notes.push('No lessons learned: add up to three short lessons (what went well, what went wrong, where we got lucky).');

  // ── Action items ──────────────────────────────────────────────────────────────────────────
  const itemsRaw: Array<SummaryActionItem> = [];
  let open = 0;
  let done = 0;
  let overdue = 0;
  const withoutOwner: number[] = [];
  const withoutDeadline: number[] = [];
  for (const item of doc.actionItems) {
    // The item text from the source, so that emphasis and links read as plain text like everywhere else.
    const source = itemSource(doc, item);
    const text = oneLine(source.text);
    if (!text) continue;
    if (item.done) done++;
    else open++;
    const line = item.textRange.start.line;
    const listed = !item.done || options.all === true;
    const screened = listed ? blame.screen(source, { wholeText: true }) : text;
    const owner = oneLine(item.owner ?? '');
    const dueRaw = oneLine(item.dueRaw ?? '');
    const due = dueState(item, today);
    const isOverdue = due.state === 'overdue';
    if (isOverdue) overdue++;
    if (!item.done && !owner) withoutOwner.push(line);
    if (!item.done && !item.due) withoutDeadline.push(line);
    if (!listed) continue;
    const rawStatus = oneLine(item.status ?? '');
    itemsRaw.push({
      text: screened,
      owner: owner || 'Unassigned',
      due: item.due ?? (dueRaw ? `${dueRaw} (not a date)` : 'No deadline'),
      ...(item.due ? { dueDate: item.due } : {}),
      done: item.done,
      ...(isOverdue ? { overdueDays: -(due.days ?? 0) } : {}),
      status: item.done ? 'Done' : isOverdue ? capitalize(due.label) : rawStatus && !/^(?:open|todo|to do|not started|-|—)$/i.test(rawStatus) ? capitalize(rawStatus) : 'Open',
      line,
    });
  }
  if (doc.actionItems.length === 0) notes.push('No action items: list the changes to systems and processes, each with an owner and a deadline.');
  if (withoutOwner.length) notes.push(`Open action items without an owner (${linesText(withoutOwner)}) show as "Unassigned": add \`@handle\` or \`owner: Name\`.`);
  if (withoutDeadline.length) notes.push(`Open action items without a valid deadline (${linesText(withoutDeadline)}): add \`due YYYY-MM-DD\`.`);

  // ── Follow-up review ──────────────────────────────────────────────────────────────────────
  let followUp: StakeholderSummary['followUp'];
  const reviewDate = metadata.review?.value && parseDate(metadata.review.value, false)?.ok ? metadata.review.value : dateIn(blocksOf(doc, 'followUpReview'));
  if (reviewDate) followUp = { date: reviewDate, display: `${reviewDate} (${relativeDays(daysUntil(reviewDate, today))})` };
  else notes.push('No follow-up review date: add `review: YYYY-MM-DD` to the front matter or a date in the Follow-up Review section.');

  // ── Blame report ──────────────────────────────────────────────────────────────────────────
  const blameSentences = blame.reported;
  if (blameSentences.length) {
    const count = plural(blameSentences.length, 'sentence');
    const where = linesText(blameSentences.map((b) => b.line));
    if (options.applyRewording) {
      const reworded = blameSentences.filter((b) => b.rewrite !== undefined);
      const manual = blameSentences.filter((b) => b.needsManualRewording);
      notes.push(
        `${count} with blame-focused wording (${where}): ${reworded.length} reworded in the summary` +
          (manual.length ? `; ${manual.length} still ${manual.length === 1 ? 'needs' : 'need'} rewording by hand in the post-mortem (${linesText(manual.map((b) => b.line))}).` : '.'),
      );
    } else {
      notes.push(`${count} with blame-focused wording (${where}) ${blameSentences.length === 1 ? 'is' : 'are'} included as written: reword ${blameSentences.length === 1 ? 'it' : 'them'} in the post-mortem or export with rewording.`);
    }
  }

  // ── Jargon, in reading order ──────────────────────────────────────────────────────────────
  const prose = { businessPhrases: true };
  const summary = summaryRaw ? jargon.translate(summaryRaw, prose) : undefined;
  const statement = statementRaw ? jargon.translate(statementRaw, prose) : undefined;
  const detailTexts = details.map((d) => jargon.translate(d, prose));
  const blastRadius = blastRaw ? jargon.translate(blastRaw, prose) : undefined;
  const metricsOut: SummaryMetric[] = metricList.map(({ id, minutes }) => ({ id, label: jargon.translate(id.toUpperCase(), { businessPhrases: false }), minutes, human: `${metrics.sources[METRIC_ENDS[id]]?.from === 'inferred' ? '≈ ' : ''}${formatDuration(minutes)}` }));
  const rootCause = rootCauseRaw ? jargon.translate(rootCauseRaw, prose) : undefined;
  const lessons = lessonsRaw.map((l) => jargon.translate(l, prose));
  const items = itemsRaw.map((i) => ({ ...i, text: jargon.translate(i.text, { businessPhrases: false }) }));

  const entries: ImpactEntry[] = [];
  if (statement) entries.push({ spans: highlightFigures(statement) });
  for (const d of detailTexts) entries.push({ spans: highlightFigures(d) });
  if (blastRadius) entries.push({ label: 'Blast radius', spans: highlightFigures(blastRadius) });
  // The duration runs to the last thing that happened: the resolution, the mitigation, or an event after them.
  const durationEnd = metrics.durationMinutes === minutesBetween(metrics.started, metrics.resolved) ? 'resolution' : metrics.durationMinutes === minutesBetween(metrics.started, metrics.mitigated) ? 'mitigation' : 'the last event of the timeline';
  if (duration) entries.push({ label: 'Duration', spans: [{ text: `${duration} from start to ${durationEnd}.` }] });
  const figures = [...new Set([statement, ...detailTexts, blastRadius].flatMap((t) => (t ? findFigures(t).map((f) => f.text) : [])))];

  return {
    title,
    ...(incidentId ? { incidentId } : {}),
    ...(severity ? { severity } : {}),
    ...(date ? { date } : {}),
    ...(status ? { status } : {}),
    ...(summary ? { summary } : {}),
    impact: {
      ...(statement ? { statement } : {}),
      ...(blastRadius ? { blastRadius } : {}),
      ...(duration ? { duration } : {}),
      figures,
      entries,
    },
    keyTimes,
    metrics: metricsOut,
    ...(rootCause ? { rootCause } : {}),
    lessons,
    actionItems: { items, open, done, overdue, doneListed: options.all === true },
    ...(followUp ? { followUp } : {}),
    notes,
    blameSentences,
  };
}

// ── Blame screening ─────────────────────────────────────────────────────────────────────────

/**
 * Finds the sentences the summary copies that hold blame-focused wording, from the `blame-wording`
 * findings of the analysis (same detector, allow list, settings and suppressions as the editor),
 * records them, and applies the checked rewording when asked to.
 */
class BlameScreen {
  readonly reported: BlameSentence[] = [];
  private readonly pending = new Map<string, { text: string; found: BlameSentence[]; row: boolean }>();
  private readonly findings: Array<{ start: number; end: number; finding: Finding }>;
  private nextId = 0;

  constructor(
    private readonly doc: PostmortemDocument,
    findings: Finding[],
    private readonly options: SummaryOptions,
  ) {
    this.findings = findings.filter((f) => f.rule === 'blame-wording').map((finding) => ({ start: offsetAt(doc, finding.range.start), end: offsetAt(doc, finding.range.end), finding }));
  }

  /** Screens a text that goes into the summary; returns the text to show. */
  screen(source: SourcedText, how: { wholeText?: boolean } = {}): string {
    const { text, found } = this.check(source, how);
    pushAll(this.reported, found);
    return text;
  }

  /** Screens a text that may or may not go into the summary; `commit` reports it. */
  screenLater(source: SourcedText, row: boolean): string {
    const id = String(this.nextId++);
    this.pending.set(id, { ...this.check(source, {}), row });
    return id;
  }

  isRow(id: string): boolean {
    return this.pending.get(id)?.row === true;
  }

  peek(id: string): string {
    return this.pending.get(id)?.text ?? '';
  }

  commit(id: string): string {
    const entry = this.pending.get(id);
    if (!entry) return '';
    pushAll(this.reported, entry.found);
    this.pending.delete(id);
    return entry.text;
  }

  private check(source: SourcedText, how: { wholeText?: boolean }): { text: string; found: BlameSentence[] } {
    if (this.findings.length === 0 || !source.text) return { text: source.text, found: [] };
    const spans: Array<[number, number]> = how.wholeText ? [[0, source.text.length]] : sentenceSpans(source.text);
    const found: BlameSentence[] = [];
    let out = '';
    let last = 0;
    for (const [a, b] of spans) {
      const sentence = source.text.slice(a, b);
      const from = source.offsets[a] ?? 0;
      const to = (source.offsets[b - 1] ?? from) + 1;
      const matches = this.findings.filter((f) => f.start < to && from < f.end);
      if (matches.length === 0) continue;
      let rewrite = sentence;
      let changed = false;
      // Reword a sentence only when every finding in it has a checked rewording: half a rewording
      // leaves readers a sentence that is neither the author's nor grammatical.
      const manual = matches.some((m) => m.finding.blame?.replacement === undefined);
      for (const m of manual ? [] : [...matches].reverse()) {
        const replacement = m.finding.blame?.replacement;
        if (replacement === undefined) continue;
        // Plain-text positions of the finding inside the sentence.
        let i = 0;
        while (i < sentence.length && (source.offsets[a + i] ?? 0) < m.start) i++;
        let j = i;
        while (j < sentence.length && (source.offsets[a + j] ?? 0) < m.end) j++;
        if (j <= i) continue;
        rewrite = rewrite.slice(0, i) + (i === 0 && /^\p{Lu}/u.test(sentence) ? capitalize(replacement) : replacement) + rewrite.slice(j);
        changed = true;
      }
      const suggestion = [...new Set(matches.map((m) => m.finding.suggestion).filter(Boolean))].join(' ');
      found.push({
        text: sentence,
        line: lineOf(this.doc, from),
        suggestion,
        ...(changed ? { rewrite } : {}),
        phrases: matches.map((m) => this.doc.text.slice(m.start, m.end)),
        needsManualRewording: manual,
      });
      if (this.options.applyRewording && changed) {
        out += source.text.slice(last, a) + rewrite;
        last = b;
      }
    }
    return { text: out + source.text.slice(last), found };
  }
}

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────

/** An action item's text with the document offset of each character (from its block or table cell). */
function itemSource(doc: PostmortemDocument, item: ActionItem): SourcedText {
  const block = doc.blocks[item.block];
  const start = offsetAt(doc, item.textRange.start);
  const inline = block?.kind === 'table' ? (block.rows ?? []).flat().find((c) => c.start === start)?.inline : block?.inline;
  if (inline) {
    const full = sourced(inline);
    const at = full.text.indexOf(item.text);
    if (at !== -1) return slice(full, at, at + item.text.length);
  }
  return uniform(item.text, start);
}

/** Blocks with real content: not placeholders, not empty skeleton labels ("Blast radius:"). */
function usable(blocks: Block[]): Block[] {
  return blocks.filter((b) => {
    const text = b.kind === 'tableRow' ? (b.cells ?? []).map((c) => c.text).join(' ') : b.text.text;
    if (!text.trim() || isPlaceholderText(text)) return false;
    if (/^[^.!?]{0,40}:\s*(?:(?:TODO|TBD|…|\.\.\.)\s*)?$/i.test(text) && b.kind !== 'paragraph') return false;
    return true;
  });
}

function trimmedText(source: SourcedText, maxWords: number): { text: SourcedText; trimmed: boolean; cutMidSentence: boolean } {
  const { spans, trimmed, cutMidSentence } = trimToWords(source.text, maxWords);
  if (spans.length === 0) return { text: source, trimmed: false, cutMidSentence: false };
  const end = spans[spans.length - 1][1];
  // The block went on past what the summary reads: cut there, mid-sentence.
  const cutShort = source.cut === true && end === source.text.length;
  return { text: trimSourced(slice(source, spans[0][0], end)), trimmed: trimmed || cutShort, cutMidSentence: cutMidSentence || cutShort };
}

const BLAST = /^(?:blast[\s-]radius|scope|affected|who was affected)\s*(?:[:—–]|\s-\s)\s*/i;

function blastRadiusOf(block: Block): SourcedText | undefined {
  if (block.kind === 'tableRow') {
    const cells = block.cells ?? [];
    if (cells.length >= 2 && /^(?:blast[\s-]radius|scope)$/i.test(cells[0].text.trim())) return cells.slice(1).find((c) => c.text.trim());
    return undefined;
  }
  const m = BLAST.exec(block.text.text);
  if (!m) return undefined;
  const rest = trimSourced(slice(block.text, m[0].length, block.text.text.length));
  return rest.text ? rest : undefined;
}

/** A table row as one line: "Gateways offline: 1,930 (12% of fleet)", or "EU — Users: 4,100, Duration: 2 h". */
function rowText(block: Block): SourcedText {
  if (block.kind !== 'tableRow') return block.text;
  const cells = block.cells ?? [];
  const header = block.header ?? [];
  const parts: SourcedText[] = [];
  const first = cells[0];
  const rest = cells.slice(1).map((c, i) => ({ cell: c, head: header[i + 1] ?? '' })).filter((c) => c.cell.text);
  if (!first?.text) return block.text;
  parts.push(first);
  const joinText = (list: SourcedText[], seps: string[]): SourcedText => {
    let text = '';
    const offsets: number[] = [];
    list.forEach((p, i) => {
      if (i > 0) {
        const sep = seps[i - 1];
        text += sep;
        for (let k = 0; k < sep.length; k++) offsets.push(p.offsets[0] ?? 0);
      }
      text += p.text;
      pushAll(offsets, p.offsets);
    });
    return { text, offsets };
  };
  if (rest.length === 1) return joinText([first, rest[0].cell], [': ']);
  const seps: string[] = [];
  rest.forEach((r, i) => {
    const head = r.head && !/^(?:value|values|details?|description)$/i.test(r.head) ? `${r.head}: ` : '';
    seps.push((i === 0 ? ' — ' : ', ') + head);
    parts.push(r.cell);
  });
  return joinText(parts, seps);
}

function normalizeFigure(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** Ends a line with punctuation so list items read as sentences. */
function sentence(text: string): string {
  const t = text.trim();
  return !t || /[.!?…"”’]$/.test(t) || /[.!?]\)$/.test(t) ? t : `${t}.`;
}


function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** `2026-03-14 13:48 UTC`; the date only when asked (it changed since the previous key time). */
function displayTime(value: TimeValue, withDate: boolean): string {
  const zone = zoneLabel(value.zone);
  return [withDate && value.date ? value.date : '', formatClock(value.minutes), zone].filter(Boolean).join(' ');
}

function dateIn(blocks: Block[]): string | undefined {
  const re = new RegExp(DATE_LIKE_SOURCE, 'g');
  for (const block of blocks) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(block.text.text)) !== null) {
      const parsed = parseDate(m[0]);
      if (parsed?.ok) return parsed.iso;
    }
  }
  return undefined;
}

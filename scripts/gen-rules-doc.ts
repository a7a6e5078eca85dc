// Generates docs/rules.md from the rule metadata (src/core/rules) and the blame-wording patterns.
//
//   npx tsx scripts/gen-rules-doc.ts          writes docs/rules.md
//   npx tsx scripts/gen-rules-doc.ts --check  exits 1 when docs/rules.md is out of date
//
// test/unit/docs.test.ts renders the page in memory and compares, so the page cannot drift from the code.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BLAME_CATEGORIES, findBlameWording } from '../src/core/blame/index';
import { RULES } from '../src/core/rules/index';
import type { RuleDefinition, RuleId } from '../src/core/rules/types';

export const RULES_DOC_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules.md');

/**
 * What the rule metadata does not say: the quick fix each rule offers, and extra notes.
 * Keyed by every rule id, so a new rule does not type-check until it is documented here.
 */
const EXTRAS: Record<RuleId, { fix: string; notes?: string }> = {
  'action-item-owner': {
    fix: '**Add an owner** inserts an `@owner` placeholder, selected so you can type over it: after the item text (before an existing `— due …` tail), or into the empty Owner cell of a table.',
    notes:
      'Done items are never reported. An owner is an `@handle`, `owner: Name`, `(Owner: Name)` or `assigned to Name`, or the Owner/Assignee/Who column of a table; a cell holding only `TBD`, `-` or `unassigned` counts as empty, and an owner still reading like the template placeholder (`@owner`) is reported too.',
  },
  'action-item-deadline': {
    fix: '**Add a deadline** appends `due <two weeks from today>` (after the owner, or after a new em dash when there is none), or fills the empty Due cell of a table; the date is selected so you can type over it.',
    notes: 'Done items are never reported. A deadline that is written but not a real date is reported by [action-item-deadline-invalid](#action-item-deadline-invalid) instead.',
  },
  'action-item-deadline-invalid': {
    fix: 'None: correct the date by hand. `YYYY-MM-DD` always works; `Apr 1, 2026` and `1 April 2026` are read too.',
    notes: 'Reported at the deadline text itself, in task lists (`due …`, `by …`, `deadline …`) and in Due/Deadline table cells.',
  },
  'action-item-overdue': {
    fix: 'None: mark the item done (`[x]` or a Done status), move the date, or drop the item with a note.',
    notes: 'Measured against today\'s date (the CLI takes `--today YYYY-MM-DD`). Done items are never reported. Info level by default, because an overdue item is a topic for the follow-up review rather than a defect of the document.',
  },
  'blame-wording': {
    fix: 'Patterns with a mechanical rewording offer **Reword as "…"**, which replaces exactly the flagged words (see the table below); every finding\'s message carries the blameless advice.',
    notes:
      'Quoted words (`> …` blocks, `"…"`, inline code) are never reported: quoting what someone said is not blaming them. Wording about systems ("the circuit breaker failed to open") is fine: phrases such as "failed to" and "should have" are only reported when their subject is a person, a role, a pronoun or a name, or cannot be determined. Patterns marked info below (such as "Retrain Dave") report at info level even when the rule is a warning. Add your own phrases or `/regex/flags` with `blameWording.extraPatterns`, and exempt phrases with `blameWording.allow`.',
  },
  'required-section': {
    fix: '**Add the "…" section** inserts the heading and a short skeleton at its canonical place: after the nearest earlier section in the canonical order, else before the nearest later one, with the document\'s heading level and line endings.',
    notes: 'Required by default: Summary, Impact, Timeline, Root Cause and Action Items. Sections are recognised by what their heading means, not by a fixed list (`What happened?`, `Issue Summary`, `Follow-up tasks`; see [the format](format.md#sections)), by labels such as `**Timeline**`, and by content: a run of timed events is a timeline even without a heading. When no Impact or Root Cause heading exists but the summary describes them, an info says where they seem to be written instead of a warning. Change the list with `requiredSections`. Reported at the `#` title, or at the top of the file when there is none.',
  },
  'empty-section': {
    fix: 'None: write the section, or delete the heading.',
    notes: 'Only recognised sections are checked. Placeholders are lines such as `TODO`, `TBD`, `TBA`, `WIP`, `N/A`, `...` or `coming soon`. Content in sub-headings counts as content.',
  },
  'timeline-order': {
    fix: 'None: move the event, or correct its time.',
    notes: 'Times are compared as instants when their dates are known (front matter `date`, day headings, dates written on events). With a date known, a backward jump of twelve hours or more (23:30, then 00:40) is read as crossing midnight, so give the post-mortem a `date` when its timeline runs past midnight.',
  },
  'timeline-time-invalid': {
    fix: 'None: correct the time (`HH:MM`, optionally with seconds, `am/pm`, a date or a zone).',
    notes: 'Reported for impossible clock times (`25:61`) and impossible dates where an event\'s time is written. A placeholder (`--:--`, `HH:MM`, `2X:XX`, `[???]`) means the time is not known yet and is reported once per section at info level. Prose that merely contains numbers is never read as a broken time.',
  },
  'key-time-order': {
    fix: 'None: correct the tag or the time, or tag the right events `[detected]`, `[mitigated]`, `[resolved]`.',
    notes: 'Key times come from the front matter, key lines, `[tags]` and leading words, and otherwise are inferred from what the events say ("alert fired", "rolled back", "all systems operational"). When they are out of order, time to detect, mitigate or resolve is shown with this warning instead of as a fact, in the hover, the preview and the summary.',
  },
  'front-matter': {
    fix: 'None: correct the value. The message lists the accepted values.',
    notes: 'Checks YAML front matter and `**Key:** value` lines: YAML syntax, a `---` block that is never closed, `severity` (SEV1–SEV5, P0–P4, critical/high/medium/low), `status` (draft, in-review, final), dates, key times and `timezone`.',
  },
  'file-size': {
    fix: 'None: link large logs instead of pasting them, or raise the limit with `maxFileSize` (default 5 MB).',
    notes: 'A file over the limit is not analysed at all, so no other rule reports anything for it.',
  },
};

const SEVERITY_NAME = { error: 'error', warning: 'warning', info: 'info', off: 'off' } as const;

/** Text for a table cell: pipes, backslashes, `<` (raw HTML) and `*` (emphasis) escaped, on one line. */
function cell(text: string): string {
  return text.replace(/[\\|<*]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/** Inline code that survives backticks inside the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function example(label: string, text: string): string {
  // Metadata that describes a situation rather than showing text, e.g. "(a 20 MB post-mortem with pasted logs)".
  const situation = /^\(([^\n]*)\)$/.exec(text);
  if (situation) return `**${label}:** _${situation[1]}_`;
  return `**${label}:**\n\n\`\`\`markdown\n${text}\n\`\`\``;
}

/** The detector's findings on a sentence: the agent, the blaming words and the checked rewording. */
function findingOf(sentence: string): string {
  const match = findBlameWording(sentence)[0];
  if (!match) return '—';
  const who = match.agent ? `agent “${match.agent.text}”, ` : '';
  return `${who}words “${match.blaming.text}”${match.replacement !== undefined ? `; reworded as “${match.replacement}”` : ''}`;
}

function blamePatternTable(): string {
  const rows = BLAME_CATEGORIES.map((c) => `| ${c.category} | ${cell(c.description)} | ${cell(c.flagged)} | ${cell(findingOf(c.flagged))} | ${cell(c.fine)} |`);
  return [
    '### What counts as blame-focused',
    '',
    'The detector reads each sentence for its agent (a name, an @handle, initials, a role, a team, a pronoun for a person) and for words that put the failure on them. Systems as agents, credit, neutral actions, forward-looking or systemic counterfactuals, hypotheticals, and negated, reported or quoted blame are not flagged. Every offered rewording is checked by the detector itself.',
    '',
    'Where the rules find nothing in a sentence that names a person, a small learned model (a logistic regression over the sentence\'s words, pairs and triples, with people read as one token, trained on development data only) gives a second opinion and reports only at p ≥ 0.995. Its findings say so ("a learned reading that weighs … most") and name the person the clause reading found; `blameWording.allow` silences them like any finding.',
    '',
    '| Kind | What it is | Flagged | What the finding names | Not flagged |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function ruleSection(rule: RuleDefinition): string {
  const extra = EXTRAS[rule.id];
  const parts = [
    `## ${rule.id}`,
    '',
    `**Default severity:** ${SEVERITY_NAME[rule.defaultSeverity]}`,
    '',
    `**What it flags:** ${rule.description}${extra.notes ? ` ${extra.notes}` : ''}`,
    '',
    `**Why:** ${rule.rationale}`,
    '',
    example('Bad', rule.bad.shown),
    '',
    example('Good', rule.good.shown),
    '',
    `**Quick fix:** ${extra.fix}`,
    '',
    `**Configure** it in \`.postmortemrc.yaml\` (or with the VS Code setting \`postmortem.rules.${rule.id}\`):`,
    '',
    '```yaml',
    'rules:',
    `  ${rule.id}: ${rule.defaultSeverity === 'off' ? 'warning' : 'off'} # off, info, warning or error`,
    '```',
    '',
    `**Suppress** it for the next line with ${code(`<!-- postmortem-disable-next-line ${rule.id} -->`)}, for a block with ${code(`<!-- postmortem-disable ${rule.id} -->`)} … ${code(`<!-- postmortem-enable ${rule.id} -->`)}, or for the whole file with ${code(`<!-- postmortem-disable-file ${rule.id} -->`)}.`,
  ];
  if (rule.id === 'blame-wording') parts.push('', blamePatternTable());
  return parts.join('\n');
}

/** The whole page. Pure: same metadata, same text. */
export function renderRulesDoc(): string {
  const index = RULES.map((r) => `| [${r.id}](#${r.id}) | ${SEVERITY_NAME[r.defaultSeverity]} | ${cell(r.description)} |`);
  return `${[
    '<!-- Generated by scripts/gen-rules-doc.ts from the rule metadata in src/core/rules. Do not edit by hand: run `npx tsx scripts/gen-rules-doc.ts`. -->',
    '',
    '# Rules',
    '',
    'Every finding the editor and `postmortem lint` report comes from one of these rules. Rule ids are stable: they are what you write in `.postmortemrc.yaml`, in the `postmortem.rules.<id>` settings and in suppression comments, and what the CLI prints. The format the rules read is described in [format.md](format.md).',
    '',
    '| Rule | Default | What it flags |',
    '|---|---|---|',
    ...index,
    '',
    '## Setting severities',
    '',
    'Each rule can be set to `off`, `info`, `warning` or `error`. Editor settings win over `.postmortemrc.yaml`, which wins over the defaults in the table above. A finding may be milder than its rule (it is never harsher). In the CLI, errors make `postmortem lint` exit with 1; warnings do too once there are more than `--max-warnings`.',
    '',
    '```yaml',
    '# .postmortemrc.yaml',
    'rules:',
    '  blame-wording: error',
    '  empty-section: off',
    '```',
    '',
    '## Suppressing findings',
    '',
    'HTML comments switch rules off for part of a document; they are invisible when the Markdown is rendered. Without rule names they apply to every rule; several names may be separated by spaces or commas. Comments inside code blocks are ignored.',
    '',
    '- `<!-- postmortem-disable-next-line rule-id -->`: the line after the comment.',
    '- `<!-- postmortem-disable rule-id -->` … `<!-- postmortem-enable rule-id -->`: everything in between (to the end of the file when there is no `enable`).',
    '- `<!-- postmortem-disable-file rule-id -->`: the whole file.',
    '',
    'A comment line inside a table would end the table, so for table rows put a `disable` … `enable` pair around the whole table. In the editor, the quick-fix menu of every finding also offers to disable its rule for that line or for the file.',
    '',
    ...RULES.flatMap((r) => [ruleSection(r), '']),
  ].join('\n').trimEnd()}\n`;
}

function isMain(): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isMain()) {
  const text = renderRulesDoc();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(RULES_DOC_PATH, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (current !== text) {
      process.stderr.write('docs/rules.md is out of date: run `npx tsx scripts/gen-rules-doc.ts`.\n');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(RULES_DOC_PATH, text);
    process.stdout.write(`wrote ${RULES_DOC_PATH} (${RULES.length} rules, ${BLAME_CATEGORIES.length} kinds of blame-focused wording)\n`);
  }
}

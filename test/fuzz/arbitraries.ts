/**
 * fast-check arbitraries that assemble random post-mortem Markdown from fragments: front matter,
 * headings, timelines, action items, prose, code, HTML comments, nested blocks and hostile Unicode,
 * then mangle line endings, indentation and random positions. Used by test/fuzz/*.fuzz.ts.
 *
 * Every fragment arbitrary yields an array of lines (without line terminators); the document
 * arbitrary joins them and applies the line-ending, tab and mutation passes.
 */
import fc from 'fast-check';
import { SECTION_DEFINITIONS } from '../../src/core/model/sections';

// ── Characters and words ──────────────────────────────────────────────────────────────────────

/** One UTF-16 code unit from the surrogate range, unpaired. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** C0/C1 controls, NUL, DEL, BOM, zero-width and bidi controls, line/paragraph separators, noncharacters. */
export const controlChar = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u007f', '\u0085', '\u009b', '\u00a0', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\ufffd', '\u0000'),
);

const EMOJI = ['🔥', '🚨', '✅', '☑️', '👩🏽‍💻', '🧑‍🚒', '🏳️‍🌈', '🇩🇪', '1️⃣', '⚠️', '📉', '🤦‍♂️', '\u{1F600}'];
const RTL = ['مريم', 'דוד', 'علي', 'שרה', 'فريق‌العمليات', 'עידן'];
const CJK_ETC = ['田中', '김민준', 'Ølaf', 'Zoë', 'José', 'Ærø', 'İsmail', 'ß', 'Ångström', 'Łukasz', 'ǅemal', 'ﬃ', 'é', 'é', 'ḁ̶̢', 'Z̴̧̛a̸l̷g̵o̶'];

export const emoji = fc.constantFrom(...EMOJI);
export const rtlWord = fc.constantFrom(...RTL);

/** Any Unicode, with extra weight on the hostile parts. */
export const wildChar = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: controlChar },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: emoji },
  { weight: 1, arbitrary: rtlWord },
  { weight: 1, arbitrary: fc.constantFrom('|', '`', '*', '_', '[', ']', '(', ')', '<', '>', '#', '-', ':', '@', '\\', '!', '~', '$', '{', '}', '"', "'", '&', '\t', '\r', '\n') },
);

export const wildText = (maxLength = 40) => fc.array(wildChar, { maxLength }).map((a) => a.join(''));

const WORDS = ['the', 'deploy', 'config', 'pipeline', 'users', 'checkout', 'latency', 'database', 'failover', 'alert', 'page', 'rollback', 'cache', 'region', 'gateway', 'queue', 'we', 'it', 'service', 'shard', 'certificate', 'DNS', 'build', 'flag', 'was', 'were', 'by', 'due', 'owner', 'until', 'before', 'at', 'on', 'in', '—', '-', 'and', 'of'];
const word = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...CJK_ETC, ...RTL, ...EMOJI) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) });
export const plainWords = (max = 12) => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' '));

export const BLAME_PHRASES = [
  'Login was down for an hour because Dave pushed a bad config.',
  'This was human error.',
  'The on-call engineer should have checked the config before deploying.',
  'Dave failed to follow the checklist.',
  'He was careless with the production flag.',
  'Retrain Dave on deployments',
  "Honestly, it was Marco's fault for merging the CSS refactor on a Friday.",
  'The root cause was ultimately the fault of the release engineer.',
  'Ops is to blame for the expired TLS certificate.',
  "We shouldn't have shipped the iOS build without a staged rollout.",
  'Priya forgot to bump the firmware version.',
  'It was sheer negligence to leave the signing key on a shared laptop.',
  'The QA team dropped the ball on regression testing.',
  'Sam was supposed to rotate the keys last quarter.',
  'The spike was caused by @lena.',
  '@arun deployed the new gas limits without a review.',
  'Discipline the engineer who approved the hotfix.',
  'Honestly, this one is on Dave.',
  'Kim botched the certificate renewal.',
  'After Priya deployed the build, crash reports spiked.',
  'Support closed the ticket as PEBKAC.',
  "Dave should've known better than to hot-patch the gateway.",
  'The deploy went out because someone fat-fingered the replica count.',
  'The circuit breaker failed to open under sustained load.',
  'The log line `failed to connect to upstream` appeared 4,000 times.',
  'human_error_count rose; blame-free culture',
  'operator error operator error operator error',
];

export const GLOSSARY_WORDS = ['RCA', 'five whys', 'on-call', 'oncall', 'runbook', 'blast radius', 'blast\nradius', 'MTTR', 'MTTD', 'TTD', 'TTM', 'TTR', 'SLO', "SLO's", 'SLOs', 'sla', 'error budget', 'p99', 'p99.9', 'p99 latency', 'canaries', 'rollback', 'feature flag', 'blue-green deployment', 'OTA', 'fps', 'FPS', 'RTK GPS', 'watchdog timer', 'thundering herd', 'SPOF', 'analyses', 'near miss', 'severity', 'incident duration', 'toil'];

export const blamePhrase = fc.constantFrom(...BLAME_PHRASES);
export const glossaryWord = fc.constantFrom(...GLOSSARY_WORDS);

// ── Inline Markdown ───────────────────────────────────────────────────────────────────────────

export const inlineCode = fc.oneof(
  plainWords(3).map((w) => `\`${w}\``),
  blamePhrase.map((w) => `\`${w}\``),
  fc.constantFrom('`', '``', '`` ` ``', '`unclosed', '```inline```'),
);

export const link = fc.oneof(
  fc.tuple(plainWords(3), fc.constantFrom('https://example.com/x', 'javascript:alert(1)', 'http://a.b/c?d=e&f=<g>', '', ' ', 'mailto:x@y.z', './rel.md', '#anchor')).map(([t, u]) => `[${t}](${u})`),
  fc.constantFrom('https://example.com/human-error', '<https://example.com/path>', 'www.example.com', 'x@y.z', '[ref][1]', '[1]: https://example.com', '![img](https://x/y.png)', '[unclosed](', '[](<>)', '[a]([b](c))'),
);

export const htmlComment = fc.oneof(
  fc.constantFrom(
    '<!-- postmortem-disable-next-line blame-wording -->',
    '<!-- postmortem-disable-next-line -->',
    '<!-- postmortem-disable-line action-item-owner,action-item-deadline -->',
    '<!-- postmortem-disable blame-wording -->',
    '<!-- postmortem-enable blame-wording -->',
    '<!-- postmortem-enable -->',
    '<!-- postmortem-disable-file -->',
    '<!-- postmortem-disable-file timeline-order -->',
    '<!-- postmortem-disable nonexistent-rule -->',
    '<!-- postmortem-disable',
    '<!--',
    '-->',
    '<!-- -- -->',
    '<!---->',
    '<!-- nested <!-- comment --> -->',
    '<script>alert(1)</script>',
    '<div onclick="x()">',
    '</div>',
    '<details><summary>x</summary>',
  ),
  plainWords(4).map((w) => `<!-- ${w} -->`),
);

export const inlineBit = fc.oneof(
  { weight: 6, arbitrary: plainWords(8) },
  { weight: 2, arbitrary: blamePhrase },
  { weight: 2, arbitrary: glossaryWord },
  { weight: 1, arbitrary: inlineCode },
  { weight: 1, arbitrary: link },
  { weight: 1, arbitrary: htmlComment },
  { weight: 1, arbitrary: fc.constantFrom('**bold**', '__bold__', '*em*', '_em_', '~~strike~~', '**unclosed', '\\*', '\\|', '&amp;', '&#0;', '&#x110000;', '&nbsp;', '<br>', '\\') },
  { weight: 1, arbitrary: wildText(12) },
);

export const inlineText = fc.array(inlineBit, { minLength: 1, maxLength: 6 }).map((a) => a.join(' '));

// ── Front matter ──────────────────────────────────────────────────────────────────────────────

const severityValue = fc.constantFrom('SEV1', 'sev2', 'SEV 3', 'P0', 'p4', 'critical', 'High', 'SEV7', '', '~', 'null', '[SEV1, SEV2]', '{a: b}', '"SEV1"', "'SEV2'", '!!int 1', '&a SEV1', '*a', '|\n  SEV1', '>\n  SEV2');
const statusValue = fc.constantFrom('draft', 'in review', 'In-Review', 'final', 'done', 'WIP', 'published', '', '"final"', '[draft]', 'yes', 'no');
const dateValue = fc.constantFrom('2026-03-14', '2026-02-30', '2026-13-01', '2026-3-4', '2026/04/01', 'Apr 1, 2026', '1 April 2026', 'Sept 9 2026', '2026-03-14T10:00:00Z', '14.03.2026', 'yesterday', '0000-00-00', '9999-12-31', '1999-01-01', '2026-03-14 garbage', '', '2026-03-14T25:00');
const timeValue = fc.constantFrom('2026-03-14T13:40:00Z', '2026-03-14 13:40 UTC', '13:40', '14:02 +02:00', '25:61', '2026-03-14T13:40:00+14:00', '2026-03-14T13:40:00+15:00', '13:40 Mars/Olympus', '13:40 Europe/Berlin', '1:40 pm', '13:40:59.999', 'noon', '', '12:00 am', '00:00 UTC+2', '23:59 PDT');
const zoneValue = fc.constantFrom('UTC', 'Z', '+02:00', '+0530', 'UTC+2', 'GMT-14', '+99:99', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Not/AZone', 'CEST', 'XYZ', '', '../../etc/passwd');
const peopleValue = fc.oneof(
  fc.constantFrom('[@maria, "@dev.k"]', 'Maria and Dev', 'Ana; Bo & Cy', '[]', '[null, 1, true]', '- a\n  - b', '@🔥', '@مريم'),
  fc.tuple(rtlWord, emoji).map(([r, e]) => `${r} ${e}`),
);
const weirdScalar = fc.oneof(
  fc.constantFrom('~', 'null', 'true', '0x1F', '1e999', '-.inf', '.nan', '"unterminated', "'it''s'", '"\\u0000\\uD800"', '!!binary aGVsbG8=', '!!timestamp 2026-03-14', '&anchor value', '*anchor', '<<: *anchor', '? complex key', '{', '[', '|', '>-', '%', '@', '`', '\t\ttabbed', '"a\\', 'a: b: c', '- - -'),
  wildText(20).map((s) => JSON.stringify(s)),
  wildText(20),
);

const frontMatterLine = fc.oneof(
  severityValue.map((v) => `severity: ${v}`),
  statusValue.map((v) => `status: ${v}`),
  dateValue.map((v) => `date: ${v}`),
  fc.tuple(fc.constantFrom('started', 'detected', 'mitigated', 'resolved', 'Start Time', 'detected_at', 'ended'), timeValue).map(([k, v]) => `${k}: ${v}`),
  zoneValue.map((v) => `timezone: ${v}`),
  fc.tuple(fc.constantFrom('authors', 'facilitator', 'owner', 'Incident Commander'), peopleValue).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(fc.constantFrom('title', 'id', 'impact', 'review', 'unknown_key', 'Title', '"title"', '? title', '1', ''), fc.oneof(inlineText, weirdScalar)).map(([k, v]) => `${k}: ${v}`),
  fc.constantFrom('title: <script>alert(1)</script>', 'impact: "</script><script>window.__pwned=1</script>"', 'key without colon', '  indented: value', '- list: item', '---', '...', '# comment', '', '\t', 'title: &x [*x, *x]', 'a: &a [*a]'),
);

export const frontMatter: fc.Arbitrary<string[]> = fc.tuple(
  fc.constantFrom('---', '---', '---', '--- ', '---\t', '----', '+++'),
  fc.array(frontMatterLine, { maxLength: 10 }),
  fc.constantFrom('---', '---', '---', '...', '--- ', '', 'no closing fence'),
).map(([open, body, close]) => [open, ...body, ...(close === 'no closing fence' ? [] : [close])]);

// ── Headings ──────────────────────────────────────────────────────────────────────────────────

const ALIASES = SECTION_DEFINITIONS.flatMap((d) => [d.label, ...d.cues.map(([phrase]) => phrase)]);
export const headingText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALIASES) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('1.', '2)', 'IV.', 'iv)', '3.1', '🔥', '⏱️', '**', '`', '1. 🔥'), fc.constantFrom(...ALIASES), fc.constantFrom('', ':', ';', ' 🔥', '**', '!', ' #', ' ##')).map(([a, b, c]) => `${a} ${b}${c}`) },
  { weight: 1, arbitrary: fc.constantFrom('2026-03-14', 'Day 2', 'Day 99999999999', 'Saturday, March 14, 2026', 'Tuesday 2026', '2026-02-30', 'Day 0', 'Day -1') },
  { weight: 2, arbitrary: inlineText },
  { weight: 1, arbitrary: fc.constant('') },
);
export const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), headingText, fc.constantFrom(' ', ' ', '\t', '  ', '')).map(([depth, text, sp]) => `${'#'.repeat(depth)}${sp}${text}`);
const setextHeading = fc.tuple(headingText, fc.constantFrom('===', '---', '=', '-')).map(([t, u]) => [t, u]);

// ── Timeline ──────────────────────────────────────────────────────────────────────────────────

const clock = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`) },
  { weight: 1, arbitrary: fc.constantFrom('1:05 pm', '12:00 a.m.', '13:00 pm', '0:00 am', '23:59:59', '23:59:60', '7:5', '24:00', '99:99', '00:00:00.5', 'noon', '::', '1:', ':30') },
);
const datePrefix = fc.option(fc.constantFrom('2026-03-14 ', '2026-03-14T', '2026-02-30 ', '2026-13-45 ', '2026-3-4, ', '0001-01-01 ', '9999-12-31T'), { nil: '' });
const zoneSuffix = fc.option(fc.constantFrom(' UTC', 'Z', ' +02:00', ' -0530', ' UTC+14', ' GMT-12:30', ' CEST', ' PDT', ' +99:99', ' UTC+99'), { nil: '' });
const phaseTag = fc.option(fc.constantFrom('[started] ', '[detected] ', '[Mitigated] ', '[RESOLVED] ', '[all clear] ', 'Detected: ', 'resolution — ', '[impact start] ', '[unknown] ', '[', '[]'), { nil: '' });
const timeWrap = fc.constantFrom(['', ''], ['**', '**'], ['__', '__'], ['`', '`'], ['**', ''], ['`', '']);
const sep = fc.constantFrom(' — ', ' – ', ' -- ', ' - ', ': ', ' | ', ' ', '—', '');

export const timeText = fc.tuple(datePrefix, clock, zoneSuffix).map(([d, c, z]) => `${d}${c}${z}`);

const timelineListLine = fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '  - ', '    - ', '-\t', '- [ ] '), timeWrap, timeText, sep, phaseTag, inlineText).map(([bullet, [o, c], t, s, p, text]) => `${bullet}${o}${t}${c}${s}${p}${text}`);

const tableCell = fc.oneof(
  { weight: 3, arbitrary: inlineText },
  { weight: 2, arbitrary: timeText },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\\|', '`|`', '**', '-', '—', 'TBD', '<br>', '||') },
);
function table(header: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> {
  return fc.tuple(
    header,
    fc.constantFrom('---', ':--', '--:', ':-:', '-', ''),
    fc.array(fc.array(tableCell, { maxLength: 6 }), { maxLength: 8 }),
    fc.constantFrom(['|', '|'], ['', ''], ['|', ''], ['', '|'], ['||', '||']),
    fc.boolean(),
  ).map(([head, dash, rows, [l, r], omitDelimiter]) => {
    const row = (cells: string[]) => `${l}${cells.join(' | ')}${r}`;
    const delimiter = `${l}${head.map(() => dash).join('|')}${r}`;
    return [row(head), ...(omitDelimiter ? [] : [delimiter]), ...rows.map(row)];
  });
}
const timelineHeader = fc.shuffledSubarray(['Time', 'Time (UTC)', 'Time (+02:00)', 'Time (Mars)', 'Date', 'Event', 'What happened', 'Phase', 'Notes', 'When', 'Clock', ''], { minLength: 1, maxLength: 5 });
export const timelineTable = table(timelineHeader);

export const timelineBlock: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 4, arbitrary: fc.array(timelineListLine, { minLength: 1, maxLength: 12 }) },
  { weight: 2, arbitrary: timelineTable },
  { weight: 1, arbitrary: fc.constantFrom<string[]>(['All times UTC.'], ['All times are in Europe/Berlin.'], ['Times in Not/AZone.'], ['time in +02:00'], ['### Day 2'], ['### 2026-03-15'], ['### Saturday, March 14, 2026'], ['#### Day 1']) },
);

// ── Action items ──────────────────────────────────────────────────────────────────────────────

const handle = fc.oneof(
  fc.constantFrom('@maria', '@dev.k', '@oncall-eu', '@a', '@a.', '@.a', '@-', '@_', '@@x', 'x@y.z', '@owner', '@TBD', '@??', '@'),
  fc.oneof(rtlWord, emoji, fc.constantFrom(...CJK_ETC), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })).map((n) => `@${n}`),
  fc.tuple(rtlWord, emoji).map(([r, e]) => `@${r}${e}`),
  fc.tuple(fc.constantFrom('\u202e', '\u200f', '\u2067'), fc.constantFrom('evil', 'admin', 'nimda')).map(([c, n]) => `@${n}${c}gpj.exe`),
);
const ownerPart = fc.oneof(
  handle,
  fc.tuple(fc.constantFrom('owner: ', 'Owner = ', 'owned by ', 'assignee - ', 'assigned to ', '(owner: ', 'owner:'), fc.oneof(fc.constantFrom('Priya Natarajan', 'team lead', 'TBD', 'n/a', '', 'Tomás Ortega', 'Supply chain + firmware leads'), rtlWord, emoji, handle)).map(([a, b]) => `${a}${b}`),
);
const dueDate = fc.constantFrom('2026-03-21', '2026-13-01', '2026-02-29', '2028-02-29', '2026/04/01', 'Apr 1, 2026', '1st April 2026', 'April 31, 2026', 'Sept 9, 2026', 'tomorrow', 'next sprint', 'TBD', 'asap', 'Q3', '2026-03-21T10:00', '99999-01-01', '2026-1-1', 'end of March', '');
const duePart = fc.tuple(fc.constantFrom('due ', 'due: ', 'due date ', 'deadline: ', 'by ', 'before ', 'until ', 'ETA ', 'target date = ', 'due to '), dueDate).map(([a, b]) => `${a}${b}`);
const ticket = fc.constantFrom('INC-2041', '#123', 'JIRA-1', 'A-1', '#', 'ABCDEFGHIJK-1', '#12345678');

const taskLine = fc.tuple(
  fc.constantFrom('- [ ] ', '- [x] ', '- [X] ', '* [ ] ', '1. [ ] ', '- [] ', '- [ ]', '- ', '  - [ ] ', '- [~] '),
  inlineText,
  fc.option(ownerPart, { nil: undefined }),
  fc.option(duePart, { nil: undefined }),
  fc.option(ticket, { nil: undefined }),
  fc.constantFrom(' — ', ', ', ' - ', ' (', ' ', ' – '),
).map(([box, text, owner, due, t, s]) => [box + text, owner, due, t].filter((x) => x !== undefined).join(s));

const actionHeader = fc.shuffledSubarray(['Action', 'Owner', 'Due', 'Due date', 'Status', 'Ticket', 'Who', 'Deadline', 'Task', 'Notes', ''], { minLength: 1, maxLength: 5 });
const actionCell = fc.oneof(tableCell, handle, dueDate, fc.constantFrom('done', 'Done ✅', '✔️', '[x]', 'open', 'in progress', 'unassigned', '—'));
const actionTable: fc.Arbitrary<string[]> = fc.tuple(actionHeader, fc.array(fc.array(actionCell, { maxLength: 6 }), { maxLength: 8 }), fc.constantFrom(['|', '|'], ['', ''], ['|', ''])).map(([head, rows, [l, r]]) => [
  `${l}${head.join(' | ')}${r}`,
  `${l}${head.map(() => '---').join('|')}${r}`,
  ...rows.map((cells) => `${l}${cells.join(' | ')}${r}`),
]);

export const actionBlock: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 3, arbitrary: fc.array(taskLine, { minLength: 1, maxLength: 10 }) },
  { weight: 2, arbitrary: actionTable },
);

// ── Blocks ────────────────────────────────────────────────────────────────────────────────────

export const paragraph: fc.Arbitrary<string[]> = fc.array(inlineText, { minLength: 1, maxLength: 4 });

export const codeFence: fc.Arbitrary<string[]> = fc.tuple(
  fc.constantFrom('```', '~~~', '````', '```yaml', '``` js', '   ```', '    ```', '```` ```', '```\t', '~~~~~'),
  fc.array(fc.oneof(inlineText, timelineListLine, taskLine, htmlComment, fc.constantFrom('---', '## Timeline', '# Title', '```nested')), { maxLength: 5 }),
  fc.constantFrom('```', '~~~', '````', '', 'unbalanced', '  ```', '``'),
).map(([open, body, close]) => [open, ...body, ...(close === 'unbalanced' ? [] : [close])]);

/**
 * `>` and list nesting up to 60 levels. Deeper nesting is a known problem, not fuzzed: ~2,000 levels
 * crash the parser (test/fixtures/bugs/deep-nested-*.postmortem.md) and micromark's container
 * handling is quadratic in depth (~1 s for 1,000 levels on one line).
 */
export const nested: fc.Arbitrary<string[]> = fc.tuple(
  fc.integer({ min: 1, max: 60 }),
  fc.constantFrom('> ', '- ', '1. ', '>', '* > ', '> - ', '  ', '\t', '- [ ] '),
  inlineText,
).map(([depth, marker, text]) => {
  const out: string[] = [];
  for (let i = 1; i <= Math.min(depth, 8); i++) out.push(`${marker.startsWith(' ') || marker.startsWith('\t') ? marker.repeat(i) + '- ' : marker.repeat(i)}${text}`);
  if (depth > 8) out.push(`${marker.repeat(depth)}${text}`);
  return out;
});

/**
 * One long line of a repeated unit. Not `<!--`: micromark is quadratic on repeated inline comment
 * starts (the cmark CVE-2023-22484 pattern), a known dependency problem measured in
 * test/unit/adversarial.test.ts, and a few thousand of them already cost a few hundred ms.
 */
export const veryLongLine: fc.Arbitrary<string[]> = fc.tuple(
  fc.constantFrom('a', ' ', '@', '-', '1', ':', '|', '*', '[', '`', '#', '<!-', 'é', '1:', 'a-', '@a.', 'due ', 'owner: ', 'human error ', '🔥', '\u200f', '\t'),
  fc.integer({ min: 500, max: 6000 }),
  fc.constantFrom('', '- ', '| ', '- 10:00 — ', '- [ ] ', '> ', '# '),
).map(([unit, n, prefix]) => [prefix + unit.repeat(Math.ceil(n / unit.length))]);

const htmlBlock: fc.Arbitrary<string[]> = fc.oneof(
  htmlComment.map((c) => [c]),
  fc.constantFrom<string[]>(['<!--', 'multi-line comment', '## Timeline', '-->'], ['<!-- postmortem-disable', 'blame-wording -->'], ['<div>', '', '- 10:00 — inside html', '</div>'], ['<table><tr><td>10:00</td></tr></table>'], ['<script>', 'window.__pwned = 1', '</script>'], ['<style>body{background:url(javascript:alert(1))}</style>'], ['<!--'], ['<?xml version="1.0"?>'], ['<![CDATA[ x ]]>']),
);

const thematic = fc.constantFrom<string[]>(['---'], ['***'], ['___'], ['- - -'], ['']);

export const block: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 4, arbitrary: timelineBlock },
  { weight: 4, arbitrary: actionBlock },
  { weight: 1, arbitrary: heading.map((h) => [h]) },
  { weight: 1, arbitrary: setextHeading },
  { weight: 2, arbitrary: codeFence },
  { weight: 2, arbitrary: htmlBlock },
  { weight: 2, arbitrary: nested },
  { weight: 1, arbitrary: veryLongLine },
  { weight: 1, arbitrary: thematic },
  { weight: 1, arbitrary: wildText(200).map((t) => [t]) },
  { weight: 1, arbitrary: timelineTable },
  { weight: 1, arbitrary: frontMatter },
);

/** A heading and its body blocks, separated by blank lines (or not). */
export const section: fc.Arbitrary<string[]> = fc.tuple(heading, fc.array(block, { maxLength: 4 }), fc.boolean()).map(([h, blocks, tight]) => {
  const out = [h];
  for (const b of blocks) {
    if (!tight) out.push('');
    out.push(...b);
  }
  return out;
});

/** Key lines below the title (`**Severity:** SEV1`). */
const keyLines = fc.array(
  fc.tuple(fc.constantFrom('**Severity:** ', 'Status: ', '- **Date**: ', '__Incident ID__: ', 'Owner: ', 'Time zone: ', 'Started: ', 'Detected at: '), fc.oneof(severityValue, statusValue, dateValue, timeValue, zoneValue, inlineText)).map(([k, v]) => k + v),
  { maxLength: 5 },
);

// ── Documents ─────────────────────────────────────────────────────────────────────────────────

export type LineEnding = 'lf' | 'crlf' | 'mixed' | 'cr';

export interface GeneratedDoc {
  text: string;
  /** How it was built, for failure reports. */
  eol: LineEnding;
  bom: boolean;
}

function applyEndings(docLines: string[], eol: LineEnding, choices: number[]): string {
  if (eol === 'lf') return docLines.join('\n');
  if (eol === 'crlf') return docLines.join('\r\n');
  const seps = eol === 'cr' ? ['\r', '\n', '\r\n'] : ['\n', '\r\n', '\r\n', '\r', '\n\r'];
  let out = docLines[0] ?? '';
  for (let i = 1; i < docLines.length; i++) out += seps[(choices[i % choices.length] ?? 0) % seps.length] + docLines[i];
  return out;
}

interface Mutation {
  at: number;
  kind: 'insert' | 'delete' | 'tab';
  text: string;
  length: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'insert', 'delete', 'tab'),
  text: fc.oneof(wildText(6), controlChar, loneSurrogate, fc.constantFrom('\n', '\r', '\r\n', '|', '`', '```', '<!--', '---\n', '\n#', '\n- ', '\t', '\u0000')),
  length: fc.integer({ min: 1, max: 8 }),
}) as fc.Arbitrary<Mutation>;

function applyMutations(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else {
      // Replace the indentation of the line holding `at` by tabs.
      const lineStart = out.lastIndexOf('\n', at - 1) + 1;
      const indent = /^ +/.exec(out.slice(lineStart))?.[0] ?? '';
      out = out.slice(0, lineStart) + '\t'.repeat(Math.max(1, Math.ceil(indent.length / 4))) + out.slice(lineStart + indent.length);
    }
  }
  return out;
}

export interface DocOptions {
  /** Maximum number of top-level sections. */
  maxSections?: number;
}

/** A whole post-mortem: BOM?, front matter?, title?, key lines, sections; then endings and mutations. */
export function postmortemDoc(options: DocOptions = {}): fc.Arbitrary<GeneratedDoc> {
  return fc
    .record({
      bom: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      front: fc.option(frontMatter, { nil: undefined, freq: 2 }),
      title: fc.option(fc.oneof(inlineText, fc.constantFrom('<script>alert(1)</script>', 'Login outage', '')), { nil: undefined, freq: 3 }),
      keys: keyLines,
      sections: fc.array(section, { maxLength: options.maxSections ?? 8 }),
      eol: fc.constantFrom<LineEnding>('lf', 'lf', 'lf', 'crlf', 'mixed', 'cr'),
      eolChoices: fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 16 }),
      tabs: fc.boolean(),
      mutations: fc.oneof({ weight: 3, arbitrary: fc.constant([] as Mutation[]) }, { weight: 2, arbitrary: fc.array(mutation, { maxLength: 12 }) }),
      trailing: fc.constantFrom('', '\n', '\n\n', '\r\n', ' ', '\t'),
    })
    .map((r) => {
      const docLines: string[] = [];
      if (r.front) docLines.push(...r.front);
      if (r.title !== undefined) docLines.push(`# ${r.title}`, '');
      docLines.push(...r.keys);
      for (const s of r.sections) docLines.push('', ...s);
      let body = docLines;
      if (r.tabs) body = body.map((l) => l.replace(/^( {2,})/, (m) => '\t'.repeat(Math.ceil(m.length / 2))));
      let text = applyEndings(body, r.eol, r.eolChoices) + r.trailing;
      text = applyMutations(text, r.mutations);
      if (r.bom) text = '\ufeff' + text;
      return { text, eol: r.eol, bom: r.bom };
    });
}

/** Plain random strings, with no post-mortem structure at all. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: wildChar, maxLength: 400 }),
  fc.array(fc.oneof(wildChar, fc.constantFrom('\n', '\r\n', '- ', '| ', '## Timeline\n', '## Action Items\n', '---\n', '```\n', '10:00 — ', '[ ] ', '@x ', 'due 2026-01-01 ')), { maxLength: 200 }).map((a) => a.join('')),
);

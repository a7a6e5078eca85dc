// Deterministic synthetic post-mortems for the benchmark (bench/run.ts). Same seed + size -> same text.
// The documents look like real ones: YAML front matter, prose with glossary terms and the odd blame
// phrase, long timelines (list and table form under day headings), many action items (task list and
// table), five whys, lessons. Mostly clean, with a few findings, like a document under review.

/** mulberry32: small, fast, good enough for test data. */
export function createRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof createRng>;

export const SIZES = {
  small: 5 * 1024,
  medium: 45 * 1024,
  large: Math.round(1.7 * 1024 * 1024),
} as const;
export type SizeName = keyof typeof SIZES;
/** Generated sizes must be within this fraction of the target. */
export const SIZE_TOLERANCE = 0.1;

const SERVICES = ['checkout', 'payments-api', 'auth-gateway', 'search-indexer', 'orders-db', 'inventory-sync', 'notification-worker', 'edge-proxy', 'billing-batch', 'session-store', 'media-transcoder', 'ledger-writer'];
const REGIONS = ['EU', 'US-East', 'US-West', 'APAC', 'LATAM'];
const PEOPLE = ['@maria', '@dev.k', '@lena', '@arun', '@sam', '@kim', '@priya', '@tomas', '@oncall-eu', '@sre-platform', '@db-team', '@payments-team'];
const NAMED_OWNERS = ['Priya Natarajan', 'Tomás Ortega', 'Lena Fischer', 'Platform team', 'Release engineering', 'Database reliability'];
const TERMS = ['SLO', 'p99', 'error budget', 'circuit breaker', 'runbook', 'canary', 'rollback', 'failover', 'backpressure', 'retry storm', 'connection pool', 'feature flag', 'blast radius', 'MTTR', 'TTD', 'burn rate', 'load shedding', 'exponential backoff', 'thundering herd', 'on-call', 'incident commander', 'hotfix', 'cascading failure', 'rate limiting'];
const METRICS = ['p99 latency', 'error rate', 'queue depth', 'CPU saturation', 'connection count', 'GC pause time', 'replication lag', '5xx rate', 'cache hit ratio', 'disk IOPS'];
const VERBS_UP = ['rises above', 'climbs past', 'spikes over', 'exceeds', 'crosses'];
const ACTIONS = ['Rolled back', 'Restarted', 'Scaled out', 'Drained', 'Paused', 'Re-enabled', 'Failed over', 'Throttled', 'Patched', 'Redeployed'];
const FIXES = [
  'Add an alert on {metric} for {svc}',
  'Set explicit connection pool limits in {svc}',
  'Run the {svc} load test at 120% of peak before releases',
  'Document the {svc} failover procedure in the runbook',
  'Gate {svc} rollouts on a canary health check',
  'Add a circuit breaker between {svc} and its dependencies',
  'Cap retries with exponential backoff in {svc}',
  'Move {svc} behind a feature flag for staged enablement',
  'Review the {svc} SLO and error budget policy',
  'Automate the {svc} rollback in the deploy pipeline',
  'Shard the {svc} work queue by region',
  'Add dashboards for {metric} per region',
];
const BLAME = [
  'This was human error.',
  'The on-call engineer should have checked the dashboard before the deploy.',
  'It happened because Dave pushed a config change without review.',
  'Sam failed to follow the release checklist.',
  'The operator was careless with the production flag.',
];
const OPENERS = ['During the incident', 'At peak traffic', 'Shortly after the deploy', 'While the incident was open', 'In the first hour', 'After the rollback', 'Across all regions', 'For most customers'];

function fill(rng: Rng, template: string): string {
  return template
    .replace(/\{svc\}/g, () => rng.pick(SERVICES))
    .replace(/\{metric\}/g, () => rng.pick(METRICS))
    .replace(/\{term\}/g, () => rng.pick(TERMS))
    .replace(/\{region\}/g, () => rng.pick(REGIONS));
}

function sentence(rng: Rng, blameRate: number): string {
  if (rng.chance(blameRate)) return rng.pick(BLAME);
  const forms = [
    '{opener}, {svc} saw its {metric} rise well beyond the {term} threshold in {region}.',
    'The {term} did not trigger because {svc} reported healthy while {metric} kept climbing.',
    '{svc} depends on {svc2} for every request, so the {term} in one region widened the blast radius.',
    'We had no alert on {metric}, which delayed detection by {n} minutes.',
    'The {term} limited the impact: roughly {pct}% of requests in {region} were affected.',
    '{opener}, the team followed the runbook and moved traffic away from {region}.',
    'A {term} had been planned for {svc} but was not yet in place.',
    'The error budget for {svc} was exhausted within {n} minutes, with a burn rate of {burn}x.',
    'Customers saw timeouts and retries, and the resulting retry storm kept {metric} high.',
    'The change was reviewed and passed CI, but the load test ran at {pct}% of peak only.',
  ];
  const opener = rng.pick(OPENERS);
  return fill(rng, rng.pick(forms))
    .replace('{opener}', opener)
    .replace('{svc2}', rng.pick(SERVICES))
    .replace('{n}', String(rng.int(3, 48)))
    .replace('{pct}', String(rng.int(5, 95)))
    .replace('{burn}', String(rng.int(2, 40)));
}

/** A paragraph of 3–6 sentences, wrapped at ~100 columns like hand-written Markdown. */
function paragraph(rng: Rng, blameRate = 0.03, maxSentences = 6): string {
  const words = Array.from({ length: rng.int(Math.min(3, maxSentences - 1), maxSentences) }, () => sentence(rng, blameRate)).join(' ').split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > 98) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function eventText(rng: Rng): string {
  const forms = [
    '{metric} on {svc} {up} the {term} threshold',
    '{action} {svc} in {region}',
    'Incident channel updated; {svc} owners join the call',
    'Hypothesis: {svc} is rate limiting us. Ruled out with the {svc2} team',
    '{metric} graph correlated with the {svc} deploy',
    'Status page updated for {region} customers',
    'Paged the {svc} on-call; acknowledged within {n} minutes',
    '{action} {n} pods of {svc}; {metric} stable',
    'Customer support reports {n} tickets about {svc} timeouts',
    'Incident commander hands over to the {region} shift',
    'Checked the {term} configuration on {svc}; no change since last week',
    'Feature flag for {svc} disabled in {region}',
  ];
  return fill(rng, rng.pick(forms))
    .replace('{up}', rng.pick(VERBS_UP))
    .replace('{action}', rng.pick(ACTIONS))
    .replace('{svc2}', rng.pick(SERVICES))
    .replace('{n}', String(rng.int(2, 60)));
}

export interface GeneratedDoc {
  text: string;
  /** UTF-8 size. */
  bytes: number;
  /** Character offsets of the start of every timeline event line (list items and table rows). */
  eventLineOffsets: number[];
  events: number;
  actionItems: number;
}

interface Builder {
  parts: string[];
  length: number;
}

const builder = (): Builder => ({ parts: [], length: 0 });

function push(b: Builder, text: string): void {
  b.parts.push(text);
  b.length += text.length;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

export interface GenerateOptions {
  seed: number;
  /** Target size in UTF-8 bytes. */
  targetBytes: number;
  /** Exact number of timeline events (the timeline then takes whatever space that needs). */
  events?: number;
}

/**
 * Generates one post-mortem. Prose sections and action items get fixed shares of the target size
 * (action items ~18%, prose ~32%); the timeline is generated last and fills the rest (~45–50%), so the
 * total lands close to the target whatever the fixed parts (front matter, five whys) take.
 */
export function generatePostmortem({ seed, targetBytes, events: exactEvents }: GenerateOptions): GeneratedDoc {
  const rng = createRng(seed);
  // The text is mostly ASCII; em dashes and the odd accented name make bytes ~1% more than chars.
  const budget = (share: number) => Math.floor(targetBytes * share * 0.985);
  const date = `2026-${pad(rng.int(1, 9))}-${pad(rng.int(1, 28))}`;
  const svc = rng.pick(SERVICES);
  const region = rng.pick(REGIONS);
  const incident = `INC-${rng.int(1000, 9999)}`;
  const title = `${svc} ${rng.pick(['latency spike', 'outage', 'partial outage', 'data delay', 'elevated error rate'])} in ${region}`;
  const startMin = rng.int(0, 20 * 60);
  // Short documents get short paragraphs, so that every section still fits.
  const sentences = targetBytes < 16 * 1024 ? 3 : 6;
  const para = () => paragraph(rng, 0.03, sentences);
  const small = exactEvents !== undefined;

  const head = builder();
  push(head, [
    '---',
    `title: ${title}`,
    `incident: ${incident}`,
    `severity: ${rng.pick(['SEV1', 'SEV2', 'SEV3'])}`,
    `status: ${rng.pick(['draft', 'in-review', 'final'])}`,
    `date: ${date}`,
    `authors: [ "${rng.pick(PEOPLE)}", "${rng.pick(PEOPLE)}" ]`,
    `started: ${date}T${clock(startMin)}:00Z`,
    `detected: ${date}T${clock(startMin + 14)}:00Z`,
    `mitigated: ${date}T${clock(startMin + 53)}:00Z`,
    `resolved: ${date}T${clock(startMin + 92)}:00Z`,
    `impact: ${rng.int(2, 40)}% of ${svc} requests failed in ${region} for ${rng.int(20, 300)} minutes`,
    `review: ${addDays(date, 14)}`,
    'tags: [ reliability, ' + svc + ' ]',
    '---',
    '',
    `# ${title[0].toUpperCase()}${title.slice(1)}`,
    '',
    '',
  ].join('\n'));

  // Summary.
  {
    push(head, '## Summary\n\n');
    const stop = head.length + budget(small ? 0.01 : 0.07);
    do push(head, `${para()}\n\n`);
    while (head.length < stop);
  }
  // Impact.
  {
    push(head, '## Impact\n\n');
    const stop = head.length + budget(small ? 0.01 : 0.06);
    push(head, `- ${rng.int(2, 40)}% of ${region} requests to ${svc} failed with a timeout.\n`);
    push(head, `- About ${rng.int(1, 9)},${rng.int(100, 999)} orders were delayed; ${rng.int(10, 400)} were abandoned.\n`);
    push(head, `- Blast radius: ${region} only. Other regions use a different gateway and were not affected.\n\n`);
    while (head.length < stop) push(head, `${para()}\n\n`);
  }

  const tail = builder();
  let actionItems = 0;
  // Root cause: prose, five whys, contributing factors (as subsections in long documents).
  {
    push(tail, '## Root Cause\n\n');
    const stop = tail.length + budget(small ? 0.01 : 0.09);
    push(tail, `${para()}\n\n`);
    push(tail, 'Five whys:\n\n');
    const whys = [
      `Why did ${svc} time out? Its connection pool was exhausted under peak load.`,
      'Why was the pool exhausted? The client upgrade removed the default connection limit.',
      'Why was that not caught? The load test runs at 40% of peak and never reached the gateway limit.',
      'Why does the load test run so low? The staging environment is shared and sized for cost.',
      'Why is that acceptable? There is no policy tying release risk to load-test coverage.',
    ];
    whys.forEach((w, i) => push(tail, `${i + 1}. ${w}\n`));
    push(tail, '\nContributing factors:\n\n');
    for (let i = 1; i <= 3; i++) push(tail, `${i}. ${sentence(rng, 0)}\n`);
    push(tail, '\n');
    let factor = 1;
    while (tail.length < stop) {
      push(tail, `### Contributing factor ${factor++}\n\n`);
      for (let i = rng.int(1, 3); i > 0 && tail.length < stop; i--) push(tail, `${para()}\n\n`);
    }
  }
  // Resolution.
  {
    push(tail, '## Resolution\n\n');
    const stop = tail.length + budget(small ? 0.01 : 0.03);
    do push(tail, `${para()}\n\n`);
    while (tail.length < stop);
  }
  // Action items: a task list, then a table.
  {
    push(tail, '## Action Items\n\n');
    const share = budget(small ? 0.02 : 0.18);
    const stop = tail.length + share;
    const listStop = tail.length + share * 0.6;
    const owner = () => (rng.chance(0.8) ? rng.pick(PEOPLE) : `owner: ${rng.pick(NAMED_OWNERS)}`);
    const due = () => addDays(date, rng.int(7, 120));
    do {
      const done = rng.chance(0.2);
      const text = fill(rng, rng.pick(FIXES));
      const r = rng.next();
      // Mostly complete items; a few without owner or deadline.
      const end = r < 0.04 ? '' : r < 0.08 ? ` — ${owner()}` : ` — ${owner()}, due ${due()}`;
      push(tail, `- [${done ? 'x' : ' '}] ${text}${end}\n`);
      actionItems++;
    } while (tail.length < listStop);
    push(tail, '\nTracked in the reliability board:\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n');
    do {
      const who = rng.chance(0.5) ? rng.pick(PEOPLE) : rng.pick(NAMED_OWNERS);
      push(tail, `| ${fill(rng, rng.pick(FIXES))} | ${who} | ${due()} | ${rng.pick(['Open', 'In progress', 'Done', 'Open'])} |\n`);
      actionItems++;
    } while (tail.length < stop);
    push(tail, '\n');
  }
  // Lessons.
  {
    push(tail, '## Lessons Learned\n\n');
    const stop = tail.length + budget(small ? 0.01 : 0.06);
    push(tail, `- What went well: the rollback path was documented and took ${rng.int(4, 20)} minutes.\n`);
    push(tail, `- What went wrong: ${rng.int(5, 40)} minutes passed between the start and the first alert.\n`);
    push(tail, '- Where we got lucky: the incident started after the lunch peak.\n\n');
    while (tail.length < stop) push(tail, `${para()}\n\n`);
  }
  push(tail, `## Follow-up Review\n\nReview of action items on ${addDays(date, 14)} in the reliability sync.\n`);

  // Timeline, filling what is left: day headings; within a day, runs of events as a list or as a
  // table, with short notes between the runs.
  const timeline = builder();
  const eventLineOffsets: number[] = [];
  let events = 0;
  push(timeline, '## Timeline\n\nAll times UTC.\n\n');
  {
    const stop = Math.floor(targetBytes * 0.985) - head.length - tail.length;
    let minute = startMin;
    let day = 0;
    let phase = 0;
    const phases = ['[started] ', '[detected] ', '[mitigated] ', '[resolved] '];
    const more = () => (exactEvents !== undefined ? events < exactEvents : timeline.length < stop - 60);
    while (more()) {
      push(timeline, rng.chance(0.5) ? `### Day ${day + 1}\n\n` : `### ${addDays(date, day)}\n\n`);
      while (more() && minute < 24 * 60 - 10) {
        const runLength = rng.int(15, 60);
        const table = rng.chance(0.35);
        if (table) push(timeline, '| Time | Event |\n|---|---|\n');
        for (let i = 0; i < runLength && more() && minute < 24 * 60 - 10; i++) {
          minute += rng.int(1, 6);
          let text = eventText(rng);
          // Phase tags early on, spread so that the metrics make sense.
          if (phase < 4 && events === [0, 3, 20, 60][phase]) text = phases[phase++] + text;
          const time = rng.chance(0.1) ? `**${clock(minute)}**` : clock(minute);
          eventLineOffsets.push(head.length + timeline.length);
          push(timeline, table ? `| ${time} | ${text} |\n` : `- ${time} — ${text}\n`);
          events++;
        }
        push(timeline, '\n');
        if (more()) push(timeline, `${rng.pick(['Shift handover.', 'Note: dashboards lagged by a few minutes here.', `Status update posted for ${rng.pick(REGIONS)}.`, 'Investigation continues on the bridge call.'])}\n\n`);
      }
      minute = rng.int(0, 60);
      day++;
    }
  }

  const text = [...head.parts, ...timeline.parts, ...tail.parts].join('');
  return { text, bytes: utf8(text), eventLineOffsets, events, actionItems };
}

/** The three benchmark sizes, checked against their targets. */
export function generateSized(size: SizeName, seed = 1): GeneratedDoc {
  const target = SIZES[size];
  const doc = generatePostmortem({ seed, targetBytes: target });
  const off = Math.abs(doc.bytes - target) / target;
  if (off > SIZE_TOLERANCE) throw new Error(`generated ${size} document is ${doc.bytes} bytes, ${(off * 100).toFixed(1)}% off its ${target}-byte target`);
  return doc;
}

/** The same text with one character changed in the description of the middle timeline event. */
export function editMiddleEvent(doc: GeneratedDoc): { text: string; offset: number; line: string } {
  const start = doc.eventLineOffsets[Math.floor(doc.eventLineOffsets.length / 2)];
  const end = doc.text.indexOf('\n', start);
  const line = doc.text.slice(start, end);
  // A letter well inside the description (after the time and separator).
  let at = start + Math.floor(line.length * 0.6);
  while (!/[a-z]/.test(doc.text[at])) at++;
  const replacement = doc.text[at] === 'e' ? 'a' : 'e';
  return { text: doc.text.slice(0, at) + replacement + doc.text.slice(at + 1), offset: at, line };
}

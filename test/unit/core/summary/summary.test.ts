import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSummary } from '../../../../src/cli/summaryCommand';
import { analyzeText } from '../../../../src/core/analyze';
import type { ResolvedConfig } from '../../../../src/core/rules/types';
import { defaultConfig } from '../../../../src/core/config';
import { SUMMARY_BLOCK_CHARS } from '../../../../src/core/summary/blocks';
import { sentenceSpans, trimToWords } from '../../../../src/core/summary/plainText';
import { buildSummary, createSummary, renderMarkdown, summaryFileName, type SummaryFormat, TEMPLATE_PLACEHOLDERS } from '../../../../src/core/summary/index';
import { FIXTURES, fixture } from '../../helpers';

const TODAY = '2026-03-20';
const FORMATS: SummaryFormat[] = ['md', 'html', 'text'];
const EXT: Record<SummaryFormat, string> = { md: 'md', html: 'html', text: 'txt' };

const analyze = (text: string) => analyzeText(text, { today: TODAY });
const summarize = (text: string, format: SummaryFormat = 'md', extra: Partial<Parameters<typeof createSummary>[1]> & { config?: ResolvedConfig } = {}) => {
  // The summary uses the analysis' findings and configuration, as every consumer does.
  const { config, ...options } = extra;
  return createSummary(analyzeText(text, { today: TODAY, ...(config ? { config } : {}) }), { format, today: TODAY, ...options });
};
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('stakeholder summary: golden files', () => {
  for (const name of ['checkout-latency', 'firmware-ota']) {
    for (const format of FORMATS) {
      it(`${name} as ${format}`, () => {
        const actual = summarize(fixture(`examples/${name}.postmortem.md`), format).output;
        const golden = join(FIXTURES, 'summary', `${name}.summary.${EXT[format]}`);
        if (process.env.UPDATE_GOLDEN === '1') {
          mkdirSync(join(FIXTURES, 'summary'), { recursive: true });
          writeFileSync(golden, actual);
        }
        assert.equal(actual, readFileSync(golden, 'utf8'));
      });
    }
  }
});

describe('stakeholder summary: checkout example', () => {
  const result = summarize(fixture('examples/checkout-latency.postmortem.md'));
  const md = result.output;

  it('fits on one screen', () => {
    assert.ok(md.trimEnd().split('\n').length <= 45, `${md.trimEnd().split('\n').length} lines`);
  });

  it('shows the header, TTR in human form and the business figures', () => {
    assert.match(md, /^# Checkout latency spike after payments client upgrade$/m);
    assert.match(md, /\*\*Severity:\*\* SEV2 · \*\*Date:\*\* 2026-03-14 · \*\*Status:\*\* In review/);
    assert.match(md, /TTR \(time to restore\): 1 h 32 min/);
    for (const figure of ['18%', '4,100 orders', '31k EUR']) assert.ok(result.summary.impact.figures.includes(figure), figure);
    assert.equal(result.summary.impact.blastRadius, 'EU checkout only. US and APAC use a different gateway region and were not affected.');
    assert.equal(result.summary.impact.duration, '1 h 32 min');
  });

  it('lists the three open action items with owners and due dates, and counts the done one', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Action'));
    assert.deepEqual(
      rows.map((r) => r.split(' | ').slice(1, 3).join(' ')),
      ['@maria 2026-03-21', '@dev.k 2026-03-25', 'Priya Natarajan 2026-04-15'],
    );
    assert.doesNotMatch(md, /Roll back payments-client/);
    assert.match(md, /1 more action item is already done\./);
    const all = summarize(fixture('examples/checkout-latency.postmortem.md'), 'md', { all: true }).output;
    assert.match(all, /\| Roll back payments-client to 4\.1\.3 \| @oncall-eu \| 2026-03-14 \| Done \|/);
  });

  it('expands the first acronym it uses, once', () => {
    assert.match(md, /TTD \(time to detect\)/);
    assert.equal(count(md, '(time to detect)'), 1);
    assert.ok(md.indexOf('TTD (time to detect)') < md.indexOf('TTR (time to restore)'));
  });

  it('has no notes and no blame sentences', () => {
    assert.deepEqual(result.notes, []);
    assert.deepEqual(result.blameSentences, []);
    assert.doesNotMatch(md, /<!--/);
  });

  it('flags overdue items against the fixed clock', () => {
    const later = createSummary(analyze(fixture('examples/checkout-latency.postmortem.md')), { format: 'md', today: '2026-03-26' });
    assert.match(later.output, /\| @maria \| 2026-03-21 \| \*\*Overdue by 5 days\*\* \|/);
    assert.match(later.output, /\| @dev\.k \| 2026-03-25 \| \*\*Overdue by 1 day\*\* \|/);
    assert.equal(later.summary.actionItems.overdue, 2);
  });
});

describe('stakeholder summary: content', () => {
  it('says what the duration runs to: the resolution, the mitigation, or a later event', () => {
    const duration = (timeline: string) => buildSummary(analyze(`# T\n\n## Timeline\n\n${timeline}`), { today: TODAY }).impact.entries.find((e) => e.label === 'Duration')?.spans[0].text;
    assert.equal(duration('- 2026-03-14 10:00 [started] a\n- 10:30 [mitigated] b\n- 11:00 [resolved] c\n'), '1 h from start to resolution.');
    assert.equal(duration('- 2026-03-14 10:00 [started] a\n- 10:30 [mitigated] b\n'), '30 min from start to mitigation.');
    assert.equal(duration('- 2026-03-14 10:00 [started] a\n- 10:30 [mitigated] b\n- 11:15 c\n'), '1 h 15 min from start to the last event of the timeline.');
  });

  it('uses the answer to the last why of a five-whys list as the root cause', () => {
    const s = buildSummary(analyze(fixture('examples/firmware-ota.postmortem.md')), { today: TODAY });
    assert.equal(s.rootCause, 'There is no process linking hardware revisions to the test matrix.');
    assert.deepEqual(s.impact.entries.map((e) => e.spans.map((sp) => sp.text).join('')).slice(0, 3), ['Gateways offline: 1,930 (12% of fleet)', 'Longest outage: 31 hours', 'Customers affected: 46']);
    assert.equal(s.keyTimes.find((k) => k.phase === 'mitigated')?.display, '2026-05-03 08:10 UTC+02:00');
  });

  it('finds business figures and the blast radius, in a line or a section of its own', () => {
    const s = buildSummary(analyze('# T\n\n## Impact\n\nAbout 2,000 users saw errors at 14:02; refunds cost $12.5k. Nobody was paged.\n\n## Blast Radius\n\nEU only, about 30% of traffic.\n'), { today: TODAY });
    assert.deepEqual(s.impact.figures, ['2,000 users', '$12.5k', '30%']);
    assert.equal(s.impact.blastRadius, 'EU only, about 30% of traffic.');
    assert.deepEqual(s.impact.entries[0].spans, [{ text: 'About ' }, { text: '2,000 users', strong: true }, { text: ' saw errors at 14:02; refunds cost ' }, { text: '$12.5k', strong: true }, { text: '.' }]);
  });

  it('keeps at most three lessons and says so', () => {
    const text = '# T\n\n## Lessons Learned\n\n- One.\n- Two.\n- Three.\n- Four.\n';
    const s = buildSummary(analyze(text), { today: TODAY });
    assert.deepEqual(s.lessons, ['One.', 'Two.', 'Three.']);
    assert.ok(s.notes.some((n) => /first 3 of 4 lessons/.test(n)));
  });

  it('says the incident date is missing, not invalid, when only another time key is invalid', () => {
    // Bug: an invalid `resolved:` made the note say the incident date was "not a real date".
    const s = buildSummary(analyze(fixture('bugs/summary-bad-resolved-no-date.postmortem.md')), { today: TODAY });
    assert.ok(s.notes.includes('No incident date: add `date: YYYY-MM-DD` to the front matter.'), s.notes.join('\n'));
    assert.ok(!s.notes.some((n) => /not a real date/.test(n)));
    const invalid = buildSummary(analyze('---\ntitle: T\ndate: 2026-02-30\n---\n# T\n'), { today: TODAY });
    assert.ok(invalid.notes.includes('The incident date is not a real date; the summary shows none.'), invalid.notes.join('\n'));
  });

  it('reads the follow-up date from the section when the front matter has none', () => {
    const s = buildSummary(analyze('# T\n\n## Follow-up Review\n\nWe meet again on 2026-04-02.\n'), { today: TODAY });
    assert.deepEqual(s.followUp, { date: '2026-04-02', display: '2026-04-02 (in 13 days)' });
  });

  it('adds plain-language phrases to a few engineering terms, after the noun they qualify', () => {
    const text = '# T\n\n## Summary\n\nThe p99 checkout latency rose to 4 s. The circuit breaker did not open; the circuit breaker was misconfigured.\n';
    const s = buildSummary(analyze(text), { today: TODAY });
    assert.equal(s.summary, 'The p99 checkout latency (response time for the slowest 1% of requests) rose to 4 s. The circuit breaker (automatic cut-off for a failing component) did not open; the circuit breaker was misconfigured.');
  });

  it('does not explain an acronym the author already explained', () => {
    const s = buildSummary(analyze('# T\n\n## Summary\n\nWe broke our service level objective (SLO). The SLO is 99.9%.\n'), { today: TODAY });
    assert.equal(s.summary, 'We broke our service level objective (SLO). The SLO is 99.9%.');
  });
});

describe('stakeholder summary: trimming', () => {
  it('splits sentences but not abbreviations, decimals or versions', () => {
    const text = 'Version 4.2.0 shipped, e.g. to EU. Errors rose to 0.1% at 14:00. Dr. Who noticed! Did we? Yes.';
    const spans = sentenceSpans(text).map(([a, b]) => text.slice(a, b));
    assert.deepEqual(spans, ['Version 4.2.0 shipped, e.g. to EU.', 'Errors rose to 0.1% at 14:00.', 'Dr. Who noticed!', 'Did we?', 'Yes.']);
  });

  it('trims the summary paragraph to about 80 words at a sentence boundary', () => {
    const sentence = (i: number) => `Sentence number ${i} has exactly eight words here.`;
    const paragraph = Array.from({ length: 15 }, (_, i) => sentence(i + 1)).join(' ');
    const s = buildSummary(analyze(`# T\n\n## Summary\n\n${paragraph}\n`), { today: TODAY });
    assert.equal(s.summary, Array.from({ length: 10 }, (_, i) => sentence(i + 1)).join(' '));
    assert.ok(s.summary!.split(' ').length <= 80);
    assert.ok(s.notes.some((n) => /shortened to about 80 words/.test(n)));
  });

  it('cuts a single overlong sentence after the word budget with an ellipsis', () => {
    const long = `${Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')}.`;
    const { spans, cutMidSentence } = trimToWords(long, 80);
    assert.equal(cutMidSentence, true);
    assert.equal(long.slice(spans[0][0], spans[0][1]).split(' ').length, 80);
    const s = buildSummary(analyze(`# T\n\n## Summary\n\n${long}\n`), { today: TODAY });
    assert.ok(s.summary!.endsWith('w79…'), s.summary);
  });

  it('reads only the start of a very long block, and says the text goes on (a 1 MB paragraph made 23 MB of character offsets)', () => {
    const word = 'Loading'.padEnd(SUMMARY_BLOCK_CHARS + 5_000, '.');
    const s = buildSummary(analyze(`# T\n\n## Summary\n\n${word}\n`), { today: TODAY });
    assert.equal(s.summary, `${word.slice(0, SUMMARY_BLOCK_CHARS)}…`);
    assert.ok(s.notes.some((n) => /shortened/.test(n)));
  });

  it('keeps a short paragraph whole and adds no note', () => {
    const s = buildSummary(analyze('# T\n\n## Summary\n\nShort. Sweet.\n'), { today: TODAY });
    assert.equal(s.summary, 'Short. Sweet.');
    assert.ok(!s.notes.some((n) => /shortened/.test(n)));
  });
});

describe('stakeholder summary: escaping', () => {
  const hostile = `---
title: "<img src=x onerror=alert(1)>"
severity: SEV2
status: draft
date: 2026-03-01
impact: "Users saw \\"quotes\\" & <b>tags</b> -->"
---

## Summary

Things <i>happened</i> & more.

## Action Items

- [ ] Remove \`<script>alert(1)</script>\` from the page — @eve, due 2026-04-01
- [ ] Escape | pipes and *stars* — @bob, due 2026-04-02
`;

  it('escapes every document string in HTML', () => {
    const html = summarize(hostile, 'html').output;
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<b>|<i>/);
    assert.match(html, /<title>&lt;img src=x onerror=alert\(1\)&gt;<\/title>/);
    assert.match(html, /<h1>&lt;img src=x onerror=alert\(1\)&gt;<\/h1>/);
    assert.match(html, /<td>Remove &lt;script&gt;alert\(1\)&lt;\/script&gt; from the page<\/td>/);
    assert.match(html, /Users saw &quot;quotes&quot; &amp; &lt;b&gt;tags&lt;\/b&gt; --&gt;/);
    assert.match(html, /@media print/);
    assert.doesNotMatch(html, /<script|<link|src=["']?http|@import/i);
  });

  it('escapes Markdown so nothing becomes HTML, a link or an extra table cell', () => {
    const md = summarize(hostile, 'md').output;
    assert.doesNotMatch(md, /(?<!\\)<(?:img|script|b|i)\b/);
    assert.match(md, /^# \\<img src=x onerror=alert\(1\)\\>$/m);
    assert.match(md, /\| Escape \\\| pipes and stars \| @bob \|/);
    const row = md.split('\n').find((l) => l.startsWith('| Remove'))!;
    assert.equal(row.split(/(?<!\\)\|/).length - 2, 4);
  });

  it('keeps comments closed when notes are present', () => {
    const md = summarize('<!-- x -->\n', 'md').output;
    const body = md.slice(md.indexOf('-->') + 3);
    assert.doesNotMatch(body, /-->/);
  });

  it('sets a Content-Security-Policy meta tag when asked', () => {
    const html = summarize(hostile, 'html', { contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'" }).output;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">/);
  });
});

describe('stakeholder summary: acronyms', () => {
  it('expands an acronym on its first use in the summary only', () => {
    const text = '# T\n\n## Summary\n\nWe missed the SLO. The SLO was 99.9%.\n\n## Root Cause\n\nThe SLO alert and the SLOs of other teams.\n';
    for (const format of FORMATS) {
      const out = summarize(text, format).output;
      assert.equal(count(out, '(service level objective'), 1, format);
      assert.ok(out.includes('We missed the SLO (service level objective).'), format);
    }
  });

  it('expands the metric acronyms only where they first appear', () => {
    const text = '# T\n\n## Summary\n\nOur TTD was poor.\n\n## Timeline\n\n- 10:00 — [started] x\n- 10:10 — [detected] y\n';
    const s = buildSummary(analyze(text), { today: TODAY });
    assert.equal(s.summary, 'Our TTD (time to detect) was poor.');
    assert.equal(s.metrics[0].label, 'TTD');
    assert.equal(s.metrics[0].human, '10 min');
  });
});

describe('stakeholder summary: missing parts', () => {
  const inputs = {
    empty: '',
    'title only': '# Only a title\n',
    'placeholders': '# T\n\n## Summary\n\nTODO\n\n## Impact\n\n- Who and what was affected:\n- Blast radius:\n\n## Root Cause\n\nTBD\n',
    'bad values': '---\nseverity: SEV9\nstatus: done\ndate: 2026-02-30\nreview: soon\n---\n\n## Action Items\n\n- [ ] Thing\n',
  };
  for (const [name, text] of Object.entries(inputs)) {
    it(`omits them and explains in notes (${name})`, () => {
      for (const format of FORMATS) {
        const r = summarize(text, format);
        assert.doesNotMatch(r.output, /undefined|null|NaN|\[object/, `${format}: ${r.output}`);
        assert.ok(r.notes.length > 0, format);
      }
      const md = summarize(text, 'md').output;
      assert.doesNotMatch(md, /Notes for the author|<!--/, 'the notes are reported beside the summary, never in it');
      assert.doesNotMatch(md, /## (?:Summary|Root cause|Business impact)\n\n(?:##|$)/);
    });
  }

  it('keeps notes out of the exported text, in every format', () => {
    const r = summarize('# T\n');
    for (const format of FORMATS) {
      const output = summarize('# T\n', format).output;
      for (const note of r.notes) assert.ok(!output.includes(note), `${format}: ${note}`);
      assert.doesNotMatch(output, /Notes for the author/, format);
    }
    assert.ok(r.notes.some((n) => /No Summary section/.test(n)));
    assert.ok(r.notes.some((n) => /No Root Cause section/.test(n)));
    assert.ok(r.notes.some((n) => /No action items/.test(n)));
    assert.doesNotMatch(summarize('# T\n', 'text').output, /Notes for the author|No Summary section/);
  });

  it('shows unknown owners and deadlines plainly', () => {
    const s = buildSummary(analyze('# T\n\n## Action Items\n\n- [ ] Do it\n- [ ] Do that — owner: Sam, due 2026-13-01\n'), { today: TODAY });
    assert.deepEqual(
      s.actionItems.items.map((i) => [i.owner, i.due, i.status]),
      [
        ['Unassigned', 'No deadline', 'Open'],
        ['Sam', '2026-13-01 (not a date)', 'Open'],
      ],
    );
  });
});

describe('stakeholder summary: blame-focused wording', () => {
  const needsWork = fixture('examples/needs-work.postmortem.md');

  it('reports blame sentences copied into the summary', () => {
    const r = summarize(needsWork);
    const byText = new Map(r.blameSentences.map((b) => [b.text, b]));
    const humanError = byText.get('This was human error.');
    assert.ok(humanError);
    assert.equal(humanError.line, 11);
    assert.equal(humanError.rewrite, 'This was a gap in our safeguards.');
    assert.match(humanError.suggestion, /what in the system let the error through/);
    assert.ok(byText.has('Login was down for an hour because Dave pushed a bad config.'));
    assert.equal(byText.get('Login was down for an hour because Dave pushed a bad config.')?.rewrite, undefined);
    assert.ok(byText.has('The on-call engineer should have checked the config before deploying.'));
    assert.ok(byText.has('Retrain Dave on deployments'));
    // Without the option the sentences are included as written, and the notes say so.
    assert.match(r.output, /This was human error\./);
    assert.ok(r.notes.some((n) => /blame-focused wording .*included as written/.test(n)));
  });

  it('applies the rewording when asked to', () => {
    const r = summarize(needsWork, 'md', { applyRewording: true });
    assert.doesNotMatch(r.output, /human error|should have/i);
    assert.match(r.output, /This was a gap in our safeguards\./);
    assert.match(r.output, /Nothing made sure the config was checked before deploying\./);
    // A sentence with a finding that has no checked rewording stays as written (and is reported).
    assert.match(r.output, /Dave failed to follow the checklist and was careless with the production flag\./);
    assert.ok(r.blameSentences.length >= 4);
    assert.ok(r.blameSentences.some((b) => b.needsManualRewording));
  });

  it('respects suppression comments and the rule setting', () => {
    const text = '# T\n\n## Summary\n\n<!-- postmortem-disable-next-line blame-wording -->\nThis was human error.\n';
    assert.deepEqual(summarize(text).blameSentences, []);
    const config = defaultConfig();
    config.rules['blame-wording'] = 'off';
    assert.deepEqual(summarize(needsWork, 'md', { config }).blameSentences, []);
  });

  it('only reports what is copied', () => {
    const text = '# T\n\n## Summary\n\nThe deploy broke checkout.\n\n## Timeline\n\n- 10:00 — Dave failed to check the config\n';
    assert.deepEqual(summarize(text).blameSentences, []);
  });
});

describe('stakeholder summary: template', () => {
  const checkout = fixture('examples/checkout-latency.postmortem.md');

  it('fills every placeholder', () => {
    const template = TEMPLATE_PLACEHOLDERS.map((p) => `[${p}]\n{{${p}}}`).join('\n');
    const r = summarize(checkout, 'md', { template });
    assert.doesNotMatch(r.output, /\{\{/);
    assert.match(r.output, /\[title\]\nCheckout latency spike after payments client upgrade\n/);
    assert.match(r.output, /\[severity\]\nSEV2\n\[date\]\n2026-03-14\n\[status\]\nIn review\n/);
    assert.match(r.output, /\[metrics\]\n\*\*TTD \(time to detect\):\*\* 14 min · \*\*TTM \(time to mitigate\):\*\* 53 min · \*\*TTR \(time to restore\):\*\* 1 h 32 min\n/);
    assert.match(r.output, /\[keyTimes\]\n- \*\*Started:\*\* 2026-03-14 13:48 UTC\n/);
    assert.match(r.output, /\[followUp\]\n2026-03-28 \(in 8 days\)\n/);
    assert.match(r.output, /\[actionItems\]\n\| Action \| Owner \| Due \| Status \|/);
    assert.match(r.output, /\[notes\]\n\n?\[?/);
  });

  it('leaves unknown placeholders visible and reports them', () => {
    const r = summarize(checkout, 'md', { template: '# {{ title }}\n{{unknown}} {{Summary}}\n' });
    assert.doesNotMatch(r.output, /Notes for the author/);
    assert.match(r.output, /^# Checkout latency spike after payments client upgrade$/m);
    assert.match(r.output, /^\{\{unknown\}\} A new version of the payments client/m);
    assert.ok(r.notes.some((n) => n.includes('{{unknown}}')));
  });

  it('substitutes once and never evaluates', () => {
    const text = '---\ntitle: "Uses {{summary}} and ${process.exit(1)}"\n---\n\n## Summary\n\nSecret {{title}} text.\n';
    const r = summarize(text, 'md', { template: '{{title}} / {{summary}} / ${1+1} / {{constructor}} / {{__proto__}}\n' });
    assert.equal(r.output.split('\n').filter((l) => !l.startsWith('<!--') && !l.startsWith('-') && l !== 'Notes for the author (not shown to readers):' && l !== '-->')[0], 'Uses {{summary}} and ${process.exit(1)} / Secret {{title}} text. / ${1+1} / {{constructor}} / {{__proto__}}');
  });

  it('writes the notes where the template puts them', () => {
    const r = summarize('# T\n', 'md', { template: 'Top\n{{notes}}\nBottom\n' });
    assert.match(r.output, /^Top\n<!--\nNotes for the author[\s\S]*-->\nBottom\n$/);
  });

  it('falls back to the default layout for an oversized template', () => {
    const r = renderMarkdown(buildSummary(analyze(checkout), { today: TODAY }), 'x'.repeat(300 * 1024));
    assert.doesNotMatch(r.output, /Notes for the author/);
    assert.ok(r.templateNotes.some((n) => /larger than 256 KB/.test(n)), r.templateNotes.join('\n'));
    assert.match(r.output, /^# Checkout latency/m);
  });
});

describe('stakeholder summary: CLI', () => {
  const checkoutPath = join(FIXTURES, 'examples', 'checkout-latency.postmortem.md');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-summary-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints Markdown to standard output', () => {
    const { io, out, err } = fakeIo();
    assert.equal(runSummary([checkoutPath, '--format', 'md', '--today', TODAY, '--no-template'], io), 0);
    assert.equal(out.join(''), readFileSync(join(FIXTURES, 'summary', 'checkout-latency.summary.md'), 'utf8'));
    assert.deepEqual(err, []);
  });

  it('honours POSTMORTEM_TODAY', () => {
    const saved = process.env.POSTMORTEM_TODAY;
    process.env.POSTMORTEM_TODAY = '2026-03-26';
    try {
      const { io, out } = fakeIo();
      assert.equal(runSummary([checkoutPath, '--no-template'], io), 0);
      assert.match(out.join(''), /Overdue by 5 days/);
    } finally {
      if (saved === undefined) delete process.env.POSTMORTEM_TODAY;
      else process.env.POSTMORTEM_TODAY = saved;
    }
  });

  it('writes --out atomically and refuses to overwrite without --force', () => {
    const target = join(dir, 'summary.html');
    let io = fakeIo();
    assert.equal(runSummary([checkoutPath, '--format', 'html', '--out', target, '--today', TODAY], io.io), 0);
    assert.deepEqual(io.out, []);
    const first = readFileSync(target, 'utf8');
    assert.match(first, /^<!DOCTYPE html>/);
    assert.deepEqual(readdirSync(dir), ['summary.html'], 'no temporary file is left behind');

    writeFileSync(target, 'keep me');
    io = fakeIo();
    assert.equal(runSummary([checkoutPath, '--format', 'html', '--out', target, '--today', TODAY], io.io), 2);
    assert.match(io.err.join('\n'), /already exists; use --force/);
    assert.equal(readFileSync(target, 'utf8'), 'keep me');

    io = fakeIo();
    assert.equal(runSummary([checkoutPath, '--format', 'html', '--out', target, '--force', '--today', TODAY], io.io), 0);
    assert.equal(readFileSync(target, 'utf8'), first);
    assert.deepEqual(readdirSync(dir), ['summary.html']);
  });

  it('exits 2 on usage errors', () => {
    const cases = [[], ['a.md', 'b.md'], [checkoutPath, '--format', 'pdf'], [checkoutPath, '--bogus'], [checkoutPath, '--today', '2026-02-30'], [checkoutPath, '--format', 'html', '--template', 'x.md']];
    for (const args of cases) {
      const { io, out, err } = fakeIo();
      assert.equal(runSummary(args, io), 2, args.join(' '));
      assert.deepEqual(out, []);
      assert.match(err.join('\n'), /Usage: postmortem summary/);
    }
  });

  it('exits 2 when the file cannot be read or the output cannot be written', () => {
    let { io, err } = fakeIo();
    assert.equal(runSummary([join(dir, 'missing.postmortem.md')], io), 2);
    assert.match(err.join('\n'), /cannot read/);
    ({ io, err } = fakeIo());
    assert.equal(runSummary([checkoutPath, '--out', join(dir, 'no', 'such', 'dir', 'x.md')], io), 2);
    assert.match(err.join('\n'), /cannot write/);
  });

  it('reports blame sentences as warnings and applies the rewording on request', () => {
    const file = join(FIXTURES, 'examples', 'needs-work.postmortem.md');
    let { io, out, err } = fakeIo();
    assert.equal(runSummary([file, '--today', TODAY], io), 0);
    assert.match(err.join('\n'), /warning: .*needs-work\.postmortem\.md:12: blame-focused wording "human error" \(kept as written/);
    assert.match(out.join(''), /This was human error\./);
    ({ io, out, err } = fakeIo());
    assert.equal(runSummary([file, '--today', TODAY, '--apply-rewording'], io), 0);
    assert.match(err.join('\n'), /"human error" \(reworded in the summary\)/);
    assert.match(out.join(''), /This was a gap in our safeguards\./);
  });

  it('uses the nearest .postmortem/summary.md for Markdown, and --template over it', () => {
    const nested = join(dir, 'incidents', '2026');
    mkdirSync(nested, { recursive: true });
    mkdirSync(join(dir, '.postmortem'));
    writeFileSync(join(dir, '.postmortem', 'summary.md'), 'TEMPLATE {{title}} / {{followUp}}\n');
    const file = join(nested, 'x.postmortem.md');
    writeFileSync(file, fixture('examples/checkout-latency.postmortem.md'));
    let { io, out } = fakeIo();
    assert.equal(runSummary([file, '--today', TODAY], io), 0);
    assert.equal(out.join(''), 'TEMPLATE Checkout latency spike after payments client upgrade / 2026-03-28 (in 8 days)\n');
    ({ io, out } = fakeIo());
    assert.equal(runSummary([file, '--today', TODAY, '--format', 'text'], io), 0);
    assert.doesNotMatch(out.join(''), /TEMPLATE/);
    writeFileSync(join(dir, 'other.md'), 'OTHER {{severity}}\n');
    ({ io, out } = fakeIo());
    assert.equal(runSummary([file, '--today', TODAY, '--template', join(dir, 'other.md')], io), 0);
    assert.equal(out.join(''), 'OTHER SEV2\n');
    ({ io, out } = fakeIo());
    assert.equal(runSummary([file, '--today', TODAY, '--no-template'], io), 0);
    assert.match(out.join(''), /^# Checkout latency/);
  });

  it('names summary files after the post-mortem', () => {
    assert.equal(summaryFileName('checkout-latency.postmortem.md', 'md'), 'checkout-latency.summary.md');
    assert.equal(summaryFileName('notes.md', 'html'), 'notes.summary.html');
    assert.equal(summaryFileName('x.postmortem.md', 'text'), 'x.summary.txt');
    assert.ok(!existsSync(join(FIXTURES, 'examples', 'checkout-latency.summary.md')));
  });
});

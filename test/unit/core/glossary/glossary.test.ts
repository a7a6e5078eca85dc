import assert from 'node:assert/strict';
import { createGlossary, parseGlossaryFile, type GlossaryMatch } from '../../../../src/core/glossary/index';
import { GLOSSARY_TERMS } from '../../../../src/core/glossary/terms';

const glossary = createGlossary();
/** Compact view of matches: "text=id". */
const found = (text: string, g = glossary): string[] => g.findAll(text).map((m) => `${m.text}=${m.term.id}`);
const idOf = (word: string): string | undefined => glossary.lookup(word)?.id;
const isAcronym = (term: string): boolean => term.split(/[\s-]+/).some((w) => /^\p{Lu}{2,}$/u.test(w));
const sentences = (s: string): number => (s.match(/[.!?](?=\s|$)/g) ?? []).length;

describe('glossary terms (data)', () => {
  it('has at least 45 terms with unique, kebab-case ids', () => {
    assert.ok(GLOSSARY_TERMS.length >= 45, `only ${GLOSSARY_TERMS.length} terms`);
    const ids = GLOSSARY_TERMS.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, id);
  });

  it('gives every term a 1–2 sentence definition and a one-sentence whyItMatters', () => {
    for (const t of GLOSSARY_TERMS) {
      assert.ok(t.term.trim(), `${t.id}: empty term`);
      assert.ok(t.definition.trim(), `${t.id}: empty definition`);
      assert.ok(t.whyItMatters.trim(), `${t.id}: empty whyItMatters`);
      const d = sentences(t.definition);
      assert.ok(d >= 1 && d <= 2, `${t.id}: definition has ${d} sentences`);
      assert.equal(sentences(t.whyItMatters), 1, `${t.id}: whyItMatters should be one sentence`);
      assert.ok(Array.isArray(t.aliases), `${t.id}: aliases`);
    }
  });

  it('gives every acronym term an expansion', () => {
    const acronyms = GLOSSARY_TERMS.filter((t) => isAcronym(t.term));
    assert.ok(acronyms.length >= 12);
    for (const t of acronyms) assert.ok(t.expansion?.trim(), `${t.term} has no expansion`);
  });

  it('uses the expected expansions for the common acronyms', () => {
    const exp = (word: string) => glossary.lookup(word)?.expansion;
    assert.equal(exp('MTTR'), 'mean time to restore');
    assert.equal(exp('RCA'), 'root cause analysis');
    assert.equal(exp('SLO'), 'service level objective');
    assert.equal(exp('SLI'), 'service level indicator');
    assert.equal(exp('SLA'), 'service level agreement');
    assert.equal(exp('MTTD'), 'mean time to detect');
    assert.equal(exp('MTTA'), 'mean time to acknowledge');
    assert.equal(exp('MTBF'), 'mean time between failures');
    assert.equal(exp('HIL'), 'hardware-in-the-loop');
  });

  it('contains every required term', () => {
    const required = [
      'RCA', 'root cause analysis', 'blast radius', 'MTTR', 'MTTD', 'MTTA', 'MTBF', 'TTD', 'TTM', 'TTR', 'SLO', 'SLI', 'SLA',
      'error budget', 'toil', 'runbook', 'on-call', 'incident commander', 'severity', 'telemetry', 'observability',
      'circuit breaker', 'backpressure', 'retry storm', 'thundering herd', 'rate limiting', 'graceful degradation',
      'dependency injection', 'eventual consistency', 'latency', 'p99', 'p95', 'p50', 'jitter', 'packet loss', 'FPS',
      'frame rate', 'rendering pipeline', 'spatial anchors', 'RTK GPS', 'gas usage', 'OTA', 'canary', 'rollback',
      'feature flag', 'five whys', 'blameless', 'post-mortem', 'contributing factor', 'action item', 'HIL',
      'hardware-in-the-loop', 'bootloader', 'connection pool', 'failover',
    ];
    for (const word of required) assert.ok(glossary.lookup(word), `missing term for "${word}"`);
  });

  it('marks the terms whose value the document can supply', () => {
    const computed = (word: string) => glossary.lookup(word)?.computed;
    assert.equal(computed('MTTR'), 'ttr');
    assert.equal(computed('TTR'), 'ttr');
    assert.equal(computed('TTD'), 'ttd');
    assert.equal(computed('MTTD'), 'ttd');
    assert.equal(computed('TTM'), 'ttm');
    assert.equal(computed('blast radius'), 'blastRadius');
    assert.equal(computed('severity'), 'severity');
    assert.equal(computed('downtime'), 'duration');
    assert.equal(computed('toil'), undefined);
  });

  it('has plain-language phrases for stakeholders', () => {
    assert.equal(glossary.lookup('p99')?.businessPhrase, 'response time for the slowest 1% of requests');
    assert.equal(glossary.lookup('blast radius')?.businessPhrase, 'who and what was affected');
  });

  it('never lets two terms claim the same spelling', () => {
    for (const t of GLOSSARY_TERMS) {
      for (const form of [t.term, ...t.aliases]) assert.equal(idOf(form), t.id, `"${form}" resolves elsewhere`);
    }
  });

  it('finds every term and alias, written as in the glossary, as one whole match', () => {
    for (const t of GLOSSARY_TERMS) {
      for (const form of [t.term, ...t.aliases]) {
        const text = `See ${form} here.`;
        const matches = glossary.findAll(text);
        assert.equal(matches.length, 1, `"${form}": ${JSON.stringify(found(text))}`);
        assert.equal(matches[0]!.term.id, t.id);
        assert.equal(matches[0]!.text, form);
        assert.equal(matches[0]!.start, 4);
      }
    }
  });
});

describe('glossary matcher', () => {
  describe('variants', () => {
    it('matches plurals', () => {
      assert.deepEqual(found('Two SLOs, three runbooks, both circuit breakers and all canaries.'), [
        'SLOs=slo',
        'runbooks=runbook',
        'circuit breakers=circuit-breaker',
        'canaries=canary',
      ]);
      assert.deepEqual(found('retry storms, root cause analyses, p99 latencies'), [
        'retry storms=retry-storm',
        'root cause analyses=rca',
        'p99 latencies=p99',
      ]);
    });

    it('matches hyphen, space and joined spellings', () => {
      assert.deepEqual(found('blast radius, blast-radius, blast\nradius'), [
        'blast radius=blast-radius',
        'blast-radius=blast-radius',
        'blast\nradius=blast-radius',
      ]);
      assert.deepEqual(found('on-call, on call, oncall, On-Call'), [
        'on-call=on-call',
        'on call=on-call',
        'oncall=on-call',
        'On-Call=on-call',
      ]);
      assert.deepEqual(found('post mortem, postmortem, post-mortem, circuit-breaker, frame-rate, rolled back'), [
        'post mortem=post-mortem',
        'postmortem=post-mortem',
        'post-mortem=post-mortem',
        'circuit-breaker=circuit-breaker',
        'frame-rate=fps',
        'rolled back=rollback',
      ]);
    });

    it('matches possessives and includes the ending in the match', () => {
      assert.deepEqual(found("the SLO's target, the SLO\u2019s target, the runbooks' owners"), [
        "SLO's=slo",
        'SLO\u2019s=slo',
        "runbooks'=runbook",
      ]);
    });

    it('matches words in any case', () => {
      assert.deepEqual(found('Toil TOIL toil Canary CANARY P99 p99 FPS fps Fps SEV2 sev2'), [
        'Toil=toil',
        'TOIL=toil',
        'toil=toil',
        'Canary=canary',
        'CANARY=canary',
        'P99=p99',
        'p99=p99',
        'FPS=fps',
        'fps=fps',
        'Fps=fps',
        'SEV2=severity',
        'sev2=severity',
      ]);
    });

    it('matches acronyms only when written in upper case', () => {
      assert.deepEqual(found('ttd slo sla rca mttr Mttr Slo ota hil'), []);
      assert.deepEqual(found('TTD SLO SLA RCA MTTR OTA HIL SLAs'), [
        'TTD=ttd',
        'SLO=slo',
        'SLA=sla',
        'RCA=rca',
        'MTTR=mttr',
        'OTA=ota',
        'HIL=hil',
        'SLAs=sla',
      ]);
      // The lower-case parts of a mixed form are caseless, the acronym part is not.
      assert.deepEqual(found('RTK gps, rtk GPS'), ['RTK=rtk-gps']);
    });

    it('matches spelled-out acronyms in any case', () => {
      assert.deepEqual(found('Mean Time To Restore and root cause analysis'), [
        'Mean Time To Restore=mttr',
        'root cause analysis=rca',
      ]);
    });
  });

  describe('word boundaries', () => {
    it('does not match inside words or identifiers', () => {
      assert.deepEqual(found('latencyX preRCA SLOfoo xSLO max_latency latency_ms toilet canaryish'), []);
      assert.deepEqual(found('RCA2 2RCA'), []);
    });

    it('matches next to punctuation and markup', () => {
      assert.deepEqual(found('(SLO), "toil", **latency**, `runbook`, SLO-based, pre-RCA.'), [
        'SLO=slo',
        'toil=toil',
        'latency=latency',
        'runbook=runbook',
        'SLO=slo',
        'RCA=rca',
      ]);
    });

    it('does not take p99 out of p99.9', () => {
      assert.deepEqual(found('p99.9 was 2s, p99 was 800ms, p99. Done'), ['p99.9=p999', 'p99=p99', 'p99=p99']);
    });
  });

  describe('overlaps', () => {
    it('prefers the longest match: "p99 latency" is one p99 match', () => {
      const [m, ...rest] = glossary.findAll('Our p99 latency doubled.');
      assert.equal(rest.length, 0);
      assert.equal(m!.term.id, 'p99');
      assert.equal(m!.text, 'p99 latency');
      assert.deepEqual([m!.start, m!.end], [4, 15]);
      assert.deepEqual(found('Plain latency doubled.'), ['latency=latency']);
    });

    it('falls back to a shorter form when the longer one is cut off mid-word', () => {
      assert.deepEqual(found('p99 latencyX'), ['p99=p99']);
      assert.deepEqual(found('error budgets and error budgeting'), ['error budgets=error-budget']);
    });

    it('prefers the spelled-out form over a contained term', () => {
      assert.deepEqual(found('root cause analysis vs root cause'), ['root cause analysis=rca', 'root cause=rca']);
      assert.deepEqual(found('motion-to-photon latency'), ['motion-to-photon latency=motion-to-photon']);
    });

    it('returns non-overlapping matches in order with exact offsets', () => {
      const text = 'The SLO burned its error budget during the retry storm.';
      const matches = glossary.findAll(text);
      assert.deepEqual(
        matches.map((m) => [m.term.id, m.start, m.end]),
        [
          ['slo', 4, 7],
          ['error-budget', 19, 31],
          ['retry-storm', 43, 54],
        ],
      );
      for (const m of matches) assert.equal(text.slice(m.start, m.end), m.text);
      for (let i = 1; i < matches.length; i++) assert.ok(matches[i - 1]!.end <= matches[i]!.start);
    });
  });

  describe('findAt', () => {
    const line = 'Check the blast radius now';
    const start = line.indexOf('blast');
    const end = start + 'blast radius'.length;

    it('finds the match at its first and last character', () => {
      const first = glossary.findAt(line, start);
      const last = glossary.findAt(line, end - 1);
      assert.equal(first?.term.id, 'blast-radius');
      assert.deepEqual([first?.start, first?.end], [start, end]);
      assert.equal(last?.term.id, 'blast-radius');
      assert.equal(glossary.findAt(line, start + 5)?.term.id, 'blast-radius'); // the space inside
    });

    it('returns undefined just outside the match and for bad offsets', () => {
      assert.equal(glossary.findAt(line, start - 1), undefined);
      assert.equal(glossary.findAt(line, end), undefined);
      assert.equal(glossary.findAt(line, -1), undefined);
      assert.equal(glossary.findAt(line, line.length), undefined);
      assert.equal(glossary.findAt('', 0), undefined);
      assert.equal(glossary.findAt(line, Number.NaN), undefined);
    });

    it('picks the right match among several, including at offset 0 and the last character', () => {
      const text = 'SLO and SLA';
      assert.equal(glossary.findAt(text, 0)?.term.id, 'slo');
      assert.equal(glossary.findAt(text, 2)?.term.id, 'slo');
      assert.equal(glossary.findAt(text, 4), undefined);
      assert.equal(glossary.findAt(text, 8)?.term.id, 'sla');
      assert.equal(glossary.findAt(text, text.length - 1)?.term.id, 'sla');
      assert.equal(glossary.findAt('The SLA', 6)?.term.id, 'sla'); // different text after a cached one
    });
  });

  describe('lookup', () => {
    it('finds terms by id, term, alias, plural and in any case', () => {
      assert.equal(idOf('mttr'), 'mttr');
      assert.equal(idOf('MTTR'), 'mttr');
      assert.equal(idOf('Mean time to recovery'), 'mttr');
      assert.equal(idOf('spatial anchors'), 'spatial-anchor');
      assert.equal(idOf('blast-radius'), 'blast-radius');
      assert.equal(idOf('  p99  '), 'p99');
      assert.equal(idOf('frame rate'), 'fps');
      assert.equal(idOf('no such term'), undefined);
      assert.equal(idOf(''), undefined);
    });
  });

  describe('extra terms', () => {
    it('overrides a built-in by id, keeping fields it does not set', () => {
      const g = createGlossary([{ id: 'slo', definition: 'Our uptime promise to ourselves.' }]);
      const slo = g.lookup('SLO')!;
      assert.equal(slo.definition, 'Our uptime promise to ourselves.');
      assert.equal(slo.expansion, 'service level objective');
      assert.equal(g.terms.length, GLOSSARY_TERMS.length);
      assert.notEqual(GLOSSARY_TERMS.find((t) => t.id === 'slo')!.definition, slo.definition, 'built-ins are not mutated');
    });

    it('overrides a built-in by term, case-insensitively, keeping its spelling', () => {
      const g = createGlossary([{ term: 'slo', businessPhrase: 'uptime goal', aliases: ['uptime goal'] }]);
      const slo = g.lookup('SLO')!;
      assert.equal(slo.id, 'slo');
      assert.equal(slo.term, 'SLO');
      assert.equal(slo.businessPhrase, 'uptime goal');
      assert.deepEqual(slo.aliases, ['uptime goal']);
      assert.deepEqual(found('the uptime goal and SLO, not slo', g), ['uptime goal=slo', 'SLO=slo']);
      assert.equal(g.terms.length, GLOSSARY_TERMS.length);
    });

    it('adds new terms that the matcher then finds', () => {
      const g = createGlossary([
        { term: 'PgBouncer', definition: 'Connection pooler for Postgres.', aliases: ['pg bouncer'] },
        { term: 'CDN', expansion: 'content delivery network', definition: 'Edge caches.' },
      ]);
      assert.equal(g.terms.length, GLOSSARY_TERMS.length + 2);
      const pg = g.lookup('pgbouncer')!;
      assert.equal(pg.id, 'pgbouncer');
      assert.equal(pg.whyItMatters, '');
      assert.deepEqual(found('PgBouncer, pg-bouncer, CDNs, cdn', g), [
        'PgBouncer=pgbouncer',
        'pg-bouncer=pgbouncer',
        'CDNs=cdn',
      ]);
      assert.deepEqual(found('PgBouncer'), [], 'the default glossary is unaffected');
    });

    it('lets an added term take over a built-in spelling and keeps ids unique', () => {
      const g = createGlossary([{ term: 'root cause', id: 'rca', definition: 'x' }]);
      assert.equal(g.lookup('RCA')!.term, 'root cause', 'matched by id, so the term may be renamed');
      const g2 = createGlossary([{ term: 'Root Cause!', definition: 'Our own meaning.' }, { term: 'toil!', id: 'toil' }]);
      assert.equal(g2.lookup('toil')!.term, 'toil!');
      const added = g2.terms.find((t) => t.term === 'Root Cause!')!;
      assert.equal(added.id, 'root-cause');
      const g3 = createGlossary([{ term: 'root cause', id: 'my-rc', definition: 'Our own meaning.' }]);
      assert.equal(g3.lookup('root cause')!.id, 'my-rc');
      assert.equal(g3.findAll('the root cause')[0]!.term.id, 'my-rc');
      assert.equal(g3.findAll('the root cause analysis')[0]!.term.id, 'rca');
      const g4 = createGlossary([{ term: 'Toil Budget', id: 'toil' }]);
      assert.equal(g4.terms.length, GLOSSARY_TERMS.length, 'same id overrides');
      const g5 = createGlossary([{ term: 'TOIL TIME', id: 'mttr-x' }, { term: 'other', id: 'mttr-x' }]);
      assert.equal(g5.terms.filter((t) => t.id === 'mttr-x').length, 1);
    });

    it('ignores unusable extra entries', () => {
      const g = createGlossary([
        {},
        { id: 'not-a-builtin' },
        { term: '   ' },
        null as never,
        { term: 'Widget', aliases: 'gadget' as never, computed: 'nonsense' as never, definition: 42 as never },
      ]);
      assert.equal(g.terms.length, GLOSSARY_TERMS.length + 1);
      const w = g.lookup('gadget')!;
      assert.equal(w.term, 'Widget');
      assert.equal(w.computed, undefined);
      assert.equal(w.definition, '');
    });
  });

  describe('large input', () => {
    it('finds the right number of matches in 1 MB of text', () => {
      const sentence = 'The p99 latency breached our SLO while on-call engineers followed runbooks during a retry storm. ';
      const repeats = Math.ceil(1_000_000 / sentence.length);
      const text = sentence.repeat(repeats);
      assert.ok(text.length >= 1_000_000);
      const matches: GlossaryMatch[] = glossary.findAll(text);
      assert.equal(matches.length, repeats * 5);
      assert.deepEqual(
        matches.slice(0, 5).map((m) => m.term.id),
        ['p99', 'slo', 'on-call', 'runbook', 'retry-storm'],
      );
      const last = matches[matches.length - 1]!;
      assert.equal(last.end, text.length - 2);
    });

    it('handles long runs without matches or with near-misses', () => {
      assert.equal(glossary.findAll('x'.repeat(200_000)).length, 0);
      assert.equal(glossary.findAll('blast '.repeat(50_000)).length, 0);
      assert.equal(glossary.findAll('on' + ' '.repeat(200_000) + 'call').length, 0);
      assert.equal(glossary.findAll('mean time to '.repeat(20_000)).length, 0);
    });
  });
});

describe('parseGlossaryFile', () => {
  it('reads a list of terms', () => {
    const { terms, errors } = parseGlossaryFile(
      [
        '- term: PgBouncer',
        '  definition: Connection pooler in front of Postgres.',
        '  aliases: [pg bouncer, pgbouncer pool]',
        '  whyItMatters: Pool limits show up in outages.',
        '- id: slo',
        '  businessPhrase: our uptime promise',
        '  computed: duration',
      ].join('\n'),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(terms, [
      {
        term: 'PgBouncer',
        definition: 'Connection pooler in front of Postgres.',
        aliases: ['pg bouncer', 'pgbouncer pool'],
        whyItMatters: 'Pool limits show up in outages.',
      },
      { id: 'slo', businessPhrase: 'our uptime promise', computed: 'duration' },
    ]);
  });

  it('reads a map of term to definition or fields, and a terms: wrapper', () => {
    const { terms, errors } = parseGlossaryFile(
      [
        'PgBouncer: Connection pooler in front of Postgres.',
        'SLO:',
        '  business_phrase: our uptime promise',
        '  aliases: uptime goal',
        '2FA: Second factor.',
      ].join('\n'),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(terms, [
      { term: 'PgBouncer', definition: 'Connection pooler in front of Postgres.' },
      { term: 'SLO', businessPhrase: 'our uptime promise', aliases: ['uptime goal'] },
      { term: '2FA', definition: 'Second factor.' },
    ]);
    const wrapped = parseGlossaryFile('terms:\n  - term: CDN\n    definition: Edge caches.\n');
    assert.deepEqual(wrapped, { terms: [{ term: 'CDN', definition: 'Edge caches.' }], errors: [] });
  });

  it('feeds createGlossary', () => {
    const { terms } = parseGlossaryFile('PgBouncer: Connection pooler.\nSLO:\n  definition: Custom.\n');
    const g = createGlossary(terms);
    assert.equal(g.lookup('PgBouncer')?.definition, 'Connection pooler.');
    assert.equal(g.lookup('SLO')?.definition, 'Custom.');
  });

  it('treats an empty or comment-only file as no terms', () => {
    assert.deepEqual(parseGlossaryFile(''), { terms: [], errors: [] });
    assert.deepEqual(parseGlossaryFile('# nothing yet\n'), { terms: [], errors: [] });
  });

  it('reports YAML syntax errors without throwing', () => {
    const r = parseGlossaryFile('- term: [unclosed\n  definition: x');
    assert.deepEqual(r.terms, []);
    assert.ok(r.errors.length > 0);
    assert.match(r.errors[0]!, /YAML syntax error/);
    const dup = parseGlossaryFile('SLO: a\nSLO: b\n');
    assert.deepEqual(dup.terms, []);
    assert.ok(dup.errors.length > 0);
  });

  it('reports a wrong top-level shape', () => {
    for (const text of ['just some text', '42', '"quoted"']) {
      const r = parseGlossaryFile(text);
      assert.deepEqual(r.terms, []);
      assert.equal(r.errors.length, 1);
      assert.match(r.errors[0]!, /Expected a list of terms or a mapping/);
    }
  });

  it('reports bad entries and fields with their line, keeping what is usable', () => {
    const r = parseGlossaryFile(
      [
        '- term: Good',
        '  definition: Fine.',
        '- just a string',
        '- definition: No term here.',
        '- term: Partial',
        '  aliases: 5',
        '  computed: weekly',
        '  colour: blue',
        '  definition: [not, text]',
        '  expansion: partial thing',
      ].join('\n'),
    );
    assert.deepEqual(r.terms, [{ term: 'Good', definition: 'Fine.' }, { term: 'Partial', expansion: 'partial thing' }]);
    const all = r.errors.join('\n');
    assert.match(all, /Entry 2 \(line 3\): expected a mapping/);
    assert.match(all, /Entry 3 \(line 4\): missing "term"/);
    assert.match(all, /"aliases" must be a list of text/);
    assert.match(all, /"computed" must be one of ttr, ttd, ttm, ttd-mttd, blastRadius, duration, severity/);
    assert.match(all, /unknown field "colour"/);
    assert.match(all, /"definition" must be non-empty text, got a list/);
    assert.equal(r.errors.length, 6);
  });

  it('reports bad values in the map shape', () => {
    const r = parseGlossaryFile(['Empty:', 'Number: 12', 'List: [a, b]', 'Blank: "  "', 'Ok: Fine.'].join('\n'));
    assert.deepEqual(r.terms, [{ term: 'Ok', definition: 'Fine.' }]);
    assert.equal(r.errors.length, 4);
    assert.match(r.errors[0]!, /Term "Empty" \(line 1\): no definition given/);
    assert.match(r.errors[1]!, /Term "Number" \(line 2\): expected a definition/);
    assert.match(r.errors[2]!, /Term "List" \(line 3\)/);
    assert.match(r.errors[3]!, /the definition is empty/);
  });

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [
      undefined,
      null,
      123,
      '[',
      '{',
      ': :',
      '- - -',
      '? [a, b]\n: c',
      'a: &x [*x]',
      'x: !!binary notbase64',
      '__proto__: polluted',
      'a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ];
    for (const input of inputs) {
      const r = parseGlossaryFile(input as string);
      assert.ok(Array.isArray(r.terms) && Array.isArray(r.errors), String(input));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(parseGlossaryFile('__proto__: polluted').terms[0]?.term, '__proto__');
  });
});

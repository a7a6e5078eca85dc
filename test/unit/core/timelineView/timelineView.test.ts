import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { analyzeText } from '../../../../src/core/analyze';
import {
  buildTimelineViewModel,
  decodePngDataUrl,
  escapeHtml,
  FIRST_PAINT_ROWS,
  hiddenEventsNote,
  jsonForScript,
  MAX_DRAWN_EVENTS,
  parseWebviewMessage,
  renderTimelineHtml,
  renderTimelinePage,
  renderTimelineSvg,
  timelineEvents,
  type TimelineRow,
  type TimelineViewModel,
  wrapText,
} from '../../../../src/core/timelineView/index';
import { startTimelineApp, type VsCodeApi } from '../../../../media/timeline/app';
import { WINDOW_BLOCK_ROWS, WINDOWED_TIMELINE_ROWS } from '../../../../src/core/timelineView/html';
import { fixture } from '../../helpers';

const TODAY = '2026-04-01';

function model(name: string, today = TODAY): TimelineViewModel {
  return buildTimelineViewModel(analyzeText(fixture(`examples/${name}.postmortem.md`), { today }), { today });
}

function modelOf(text: string, today = TODAY): TimelineViewModel {
  return buildTimelineViewModel(analyzeText(text, { today }), { today });
}

function body(html: string): Document {
  return new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window.document;
}

const HOSTILE = `---
title: <img src=x onerror=alert(1)>
severity: SEV1
impact: "<svg onload=alert(2)> users \\"quoted\\" & 'single'"
---

# <img src=x onerror=alert(1)>

## Timeline

- 10:00 — <script>alert(1)</script> deploy starts
- 10:05 — [detected] see [the runbook](javascript:alert(3)) and <a href="javascript:alert(4)">this</a>
- 10:20 — [mitigated] rollback "done" & 'verified' \`</script><script>alert(5)</script>\`

## Action Items

- [ ] <b onmouseover=alert(6)>Fix</b> the javascript:alert(7) link — @x"><img src=y onerror=alert(8)>, due 2026-05-01
`;

describe('timeline view model', () => {
  it('checkout: tiles, header, impact, phases and bands', () => {
    const vm = model('checkout-latency');
    const tiles = Object.fromEntries(vm.tiles.map((t) => [t.id, t.value]));
    assert.deepEqual(tiles, { ttd: '14 min', ttm: '53 min', ttr: '1 h 32 min', duration: '1 h 32 min' });
    assert.equal(vm.title, 'Checkout latency spike after payments client upgrade');
    assert.deepEqual(vm.severity, { label: 'SEV2', tone: 'high' });
    assert.equal(vm.status?.label, 'In review');
    assert.equal(vm.date, '2026-03-14');
    assert.equal(vm.zoneLabel, 'All times UTC');
    assert.equal(vm.impact, '18% of checkout requests timed out in EU for 53 minutes');
    const events = timelineEvents(vm);
    assert.equal(events.length, 8);
    assert.equal(vm.empty, null);
    assert.deepEqual(
      events.filter((e) => e.phase).map((e) => `${e.time} ${e.phase}`),
      ['13:48 started', '14:02 detected', '14:41 mitigated', '15:20 resolved'],
    );
    assert.deepEqual(
      vm.timeline.bands.map((b) => [b.kind, b.minutes]),
      [
        ['undetected', 14],
        ['responding', 39],
        ['recovering', 39],
      ],
    );
    // Events inside a band carry it; the deploy before impact started carries none.
    assert.equal(events[0].band, null);
    assert.equal(events[1].band, 'undetected');
    assert.equal(events[3].band, 'responding');
    assert.equal(events[7].band, null);
    assert.equal(events[0].line, 33);
    assert.equal(vm.timeline.rows.some((r) => r.kind === 'break'), false, 'no quiet period to compress in a 100-minute incident');
    assert.equal(vm.timeline.rows.some((r) => r.kind === 'day'), false);
  });

  it('positions are monotonic and gaps proportional (below the compression threshold)', () => {
    for (const name of ['checkout-latency', 'firmware-ota', 'needs-work']) {
      const rows = model(name).timeline.rows;
      for (let i = 1; i < rows.length; i++) {
        assert.ok(rows[i].y >= rows[i - 1].y + rows[i - 1].height, `${name}: row ${i} overlaps row ${i - 1}`);
        assert.ok(rows[i].gap >= 0);
      }
      const events = rows.filter((r) => r.kind === 'event');
      for (let i = 1; i < events.length; i++) assert.ok(events[i].y > events[i - 1].y, `${name}: event ${i} not below event ${i - 1}`);
    }
    const events = timelineEvents(model('checkout-latency'));
    // 14:41 -> 15:20 (39 min) is drawn taller than 14:02 -> 14:10 (8 min), and proportionally (±1 px rounding).
    const long = events[7].y - events[6].y;
    const short = events[3].y - events[2].y;
    assert.ok(long > 3 * short, `39 min (${long}px) vs 8 min (${short}px)`);
    const pitch = (a: number, b: number) => events[b].y - events[a].y;
    assert.ok(Math.abs(pitch(3, 4) / pitch(5, 6) - 15 / 8) < 0.05, 'a 15 min gap is 15/8 of an 8 min gap');
  });

  it('firmware: day separators, compressed overnight gap, phases from lead words', () => {
    const vm = model('firmware-ota');
    const rows = vm.timeline.rows;
    const days = rows.filter((r) => r.kind === 'day');
    assert.deepEqual(
      days.map((d) => d.label),
      ['Saturday, 2 May 2026', 'Sunday, 3 May 2026'],
    );
    assert.equal(vm.timeline.dayCount, 2);
    const breaks = rows.filter((r) => r.kind === 'break');
    const overnight = breaks.find((b) => b.minutes === 8 * 60 + 40);
    assert.ok(overnight, `23:30 -> 08:10 is compressed (breaks: ${breaks.map((b) => b.label).join(', ')})`);
    assert.equal(overnight.label, '8 h 40 min later');
    // The overnight break comes right after 23:30 and before the day separator and 08:10.
    const at = rows.indexOf(overnight);
    const timeOf = (row: TimelineRow) => (row.kind === 'event' ? row.time : row.kind);
    assert.equal(timeOf(rows[at - 1]), '23:30');
    assert.equal(rows[at + 1].kind, 'day');
    assert.equal(timeOf(rows[at + 2]), '08:10');
    // A compressed gap is drawn much shorter than its time would need.
    assert.ok(rows[at + 2].y - rows[at - 1].y < 200);
    const events = timelineEvents(vm);
    assert.equal(events.length, 7);
    assert.deepEqual(
      events.filter((e) => e.phase).map((e) => `${e.time} ${e.phase}`),
      ['09:00 started', '10:15 detected', '08:10 mitigated', '17:05 resolved'],
    );
    assert.equal(events[2].text, 'Support tickets report gateways stuck in boot loop', 'the phase word is shown as a badge, not repeated');
    assert.equal(vm.zoneLabel, 'Times in UTC+02:00');
    assert.equal(vm.impact, 'Gateways offline: 1,930 (12% of fleet) · Longest outage: 31 hours · Customers affected: 46');
    assert.deepEqual(
      vm.tiles.map((t) => t.value),
      ['1 h 15 min', '23 h 10 min', '1 d 8 h', '1 d 8 h'],
    );
  });

  it('needs-work: out-of-order and invalid times are flagged with the finding message', () => {
    const vm = model('needs-work');
    const events = timelineEvents(vm);
    const outOfOrder = events.find((e) => e.time === '10:12');
    assert.ok(outOfOrder);
    assert.equal(outOfOrder.problems.length, 1);
    assert.equal(outOfOrder.problems[0].severity, 'warning');
    assert.match(outOfOrder.problems[0].message, /10:12 is earlier than the event before it \(10:20/);
    const invalid = events.find((e) => e.timeInvalid);
    assert.ok(invalid);
    assert.equal(invalid.time, '25:61');
    assert.equal(invalid.problems[0].severity, 'error');
    assert.match(invalid.problems[0].message, /25:61 is not a valid time of day/);
    assert.equal(vm.timeline.problemCount, 2);
    assert.equal(events.filter((e) => e.problems.length === 0).length, 2);
    assert.match(invalid.label, /Error: 25:61 is not a valid time of day/);
    // Unknown metrics read as unknown, with a hint.
    // TTD rests on a phase inferred from the words of an event: shown as approximate, with why.
    const ttd = vm.tiles.find((t) => t.id === 'ttd')!;
    assert.equal(ttd.value, '≈ 15 min');
    assert.equal(ttd.basis, 'inferred');
    assert.match(ttd.note!, /^Detected inferred from “[^”]+” at \d\d:\d\d \(line \d+\); tag the event \[detected\]/);
    const ttr = vm.tiles.find((t) => t.id === 'ttr')!;
    assert.equal(ttr.value, '—');
    assert.match(ttr.detail, /\[resolved\]/);
    assert.equal(vm.severity, null, 'SEV7 is not shown as a severity');
  });

  it('action items: owner, due, overdue/done state against a fixed today', () => {
    const checkout = model('checkout-latency').actions;
    assert.deepEqual(
      checkout.items.map((i) => [i.owner, i.due, i.state, i.stateLabel]),
      [
        ['@maria', '2026-03-21', 'overdue', 'Overdue by 11 days'],
        ['@dev.k', '2026-03-25', 'overdue', 'Overdue by 7 days'],
        ['Priya Natarajan', '2026-04-15', 'open', 'Due in 14 days'],
        ['@oncall-eu', '2026-03-14', 'done', 'Done'],
      ],
    );
    assert.deepEqual([checkout.open, checkout.done, checkout.overdue], [3, 1, 2]);
    const earlier = model('checkout-latency', '2026-03-20').actions.items;
    assert.deepEqual(
      earlier.map((i) => i.state),
      ['due-soon', 'due-soon', 'open', 'done'],
    );
    assert.equal(earlier[0].stateLabel, 'Due tomorrow');
    const needsWork = model('needs-work').actions.items;
    assert.equal(needsWork[0].owner, null);
    assert.equal(needsWork[0].dueLabel, 'no deadline');
    assert.equal(needsWork[2].dueLabel, '2026-13-01 (not a date)');
    assert.equal(needsWork[2].dueInvalid, true);
    assert.equal(needsWork[3].state, 'overdue');
  });

  it('empty state explains how to write timeline entries', () => {
    const none = modelOf('# Login outage\n\n## Summary\n\nSomething broke.\n');
    assert.equal(timelineEvents(none).length, 0);
    assert.ok(none.empty);
    assert.match(none.empty.title, /no timeline/i);
    assert.match(none.empty.body, /## Timeline/);
    assert.match(none.empty.example, /^- \d\d:\d\d — \[started\]/m);
    const emptySection = modelOf('# Login outage\n\n## Timeline\n\nWe will fill this in.\n');
    assert.match(emptySection.empty!.body, /no entries that start with a time/);
    const doc = body(renderTimelineHtml(none));
    assert.ok(doc.querySelector('.pm-empty'));
    assert.equal(doc.querySelectorAll('.pm-event').length, 0);
    assert.match(doc.querySelector('.pm-empty pre')!.textContent!, /\[detected\]/);
    assert.match(renderTimelineSvg(none), /no timeline yet/);
  });

  it('compresses long quiet gaps in clock-only timelines and marks metadata-only phases', () => {
    const vm = modelOf(
      '---\ndetected: 09:30\n---\n# X\n\n## Timeline\n\n- 09:00 — a\n- 09:10 — b\n- 09:20 — c\n- 13:20 — d (4 h later)\n- 13:25 — e\n',
    );
    const rows = vm.timeline.rows;
    const breakRow = rows.find((r) => r.kind === 'break');
    assert.ok(breakRow && breakRow.kind === 'break');
    assert.equal(breakRow.minutes, 230, 'measured from the detected marker at 09:30 to 13:20');
    const marker = rows.find((r) => r.kind === 'phase');
    assert.ok(marker && marker.kind === 'phase');
    assert.equal(marker.phase, 'detected');
    assert.equal(marker.time, '09:30');
    assert.ok(rows.indexOf(marker) === 3, 'after 09:20, before the break');
  });
});

describe('timeline HTML and SVG rendering', () => {
  it('renders tiles, events with line numbers and action items', () => {
    const vm = model('checkout-latency');
    const doc = body(renderTimelineHtml(vm));
    assert.equal(doc.querySelector('h1')!.textContent, vm.title);
    assert.deepEqual(
      [...doc.querySelectorAll('.pm-tile-value')].map((t) => t.textContent),
      ['14 min', '53 min', '1 h 32 min', '1 h 32 min'],
    );
    const events = [...doc.querySelectorAll<HTMLButtonElement>('button.pm-event')];
    assert.equal(events.length, 8);
    assert.deepEqual(
      events.map((e) => e.dataset.line),
      ['33', '34', '35', '36', '37', '38', '39', '40'],
    );
    // Keyboard: exactly one tabbable event and one tabbable action item; every item has a label.
    assert.deepEqual(
      events.map((e) => e.getAttribute('tabindex')),
      ['0', '-1', '-1', '-1', '-1', '-1', '-1', '-1'],
    );
    for (const el of doc.querySelectorAll('.pm-event, .pm-action')) assert.ok(el.getAttribute('aria-label')!.length > 10);
    assert.match(events[2].getAttribute('aria-label')!, /^14:02, Detected: Latency alert/);
    assert.equal(doc.querySelectorAll('.pm-action').length, 4);
    assert.equal(doc.querySelectorAll('.pm-action[tabindex="0"]').length, 1);
    assert.equal(doc.querySelectorAll('.pm-action.state-overdue').length, 2);
    assert.equal(doc.querySelectorAll('.pm-action.state-done').length, 1);
    assert.equal(doc.querySelector('.pm-impact-text')!.textContent, vm.impact);
    assert.equal(doc.querySelectorAll('.pm-legend li').length, 3);
    assert.ok(doc.querySelector('.pm-toolbar [data-action="export"][data-format="svg"]'));
    assert.ok(doc.querySelector('.pm-toolbar [data-action="export"][data-format="png"]'));
    // Gaps are SVG height attributes, never inline styles (the webview CSP has no 'unsafe-inline').
    assert.equal(doc.querySelectorAll('[style]').length, 0);
    assert.ok(doc.querySelectorAll('svg.pm-spacer[height]').length >= 3);
  });

  it('renders day separators and breaks for firmware, problems for needs-work', () => {
    const firmware = body(renderTimelineHtml(model('firmware-ota')));
    assert.deepEqual(
      [...firmware.querySelectorAll('.pm-day')].map((d) => d.textContent),
      ['Saturday, 2 May 2026', 'Sunday, 3 May 2026'],
    );
    assert.ok([...firmware.querySelectorAll('.pm-break-label')].some((b) => b.textContent === 'Quiet period, not drawn to scale: 8 h 40 min later'));
    const needsWork = body(renderTimelineHtml(model('needs-work')));
    const warning = needsWork.querySelector('.pm-event.has-warning')!;
    assert.match(warning.querySelector('.pm-problem.is-warning')!.textContent!, /10:12 is earlier/);
    const error = needsWork.querySelector('.pm-event.has-error')!;
    assert.equal(error.querySelector('.pm-time.is-invalid')!.textContent, '25:61');
    assert.match(error.querySelector('.pm-problem.is-error')!.textContent!, /25:61 is not a valid time of day/);
  });

  it('escapes hostile document strings in HTML', () => {
    const vm = modelOf(HOSTILE);
    assert.equal(vm.title, '<img src=x onerror=alert(1)>');
    const html = renderTimelineHtml(vm, { locked: true });
    assert.doesNotMatch(html, /<img|<script|<svg onload|<b onmouseover|<a /i);
    const doc = body(html);
    assert.equal(doc.querySelectorAll('img, script, a, b, iframe, object, embed').length, 0);
    assert.equal(doc.querySelectorAll('svg').length, doc.querySelectorAll('svg.pm-spacer').length);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        assert.doesNotMatch(attr.name, /^on/i, `event handler attribute ${attr.name}`);
        assert.doesNotMatch(attr.value, /^\s*javascript:/i, `${attr.name}="${attr.value}"`);
      }
    }
    assert.equal(doc.querySelectorAll('[href], [src]').length, 0, 'document text never becomes a URL');
    // The hostile text is still shown, as text.
    assert.equal(doc.querySelector('h1')!.textContent, '<img src=x onerror=alert(1)>');
    // Inline HTML is markup, not text: the event keeps its words only.
    const texts = [...doc.querySelectorAll('.pm-text')].map((t) => t.textContent);
    assert.equal(texts[0], 'deploy starts');
    assert.ok(doc.querySelector('.pm-impact-text')!.textContent!.includes('<svg onload=alert(2)>'));
    assert.ok(doc.querySelector('.pm-locked'));
    const labels = [...doc.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label')!);
    assert.ok(labels.some((l) => l.includes('<img src=x onerror=alert(1)>')), 'labels keep the text, escaped in the markup');
  });

  it('escapes hostile document strings in the SVG export, which stays well-formed XML', () => {
    const vm = modelOf(HOSTILE);
    for (const theme of ['light', 'dark'] as const) {
      const svg = renderTimelineSvg(vm, { theme });
      assert.doesNotMatch(svg, /<img|<script|<svg onload|<b |<a /i);
      assert.doesNotMatch(svg, /javascript:alert\(3\)"/);
      const dom = new JSDOM(svg, { contentType: 'image/svg+xml' });
      const root = dom.window.document.documentElement;
      assert.equal(root.nodeName, 'svg');
      assert.equal(dom.window.document.querySelector('parsererror'), null);
      assert.equal(root.querySelectorAll('script, foreignObject, a, image').length, 0);
      for (const el of root.querySelectorAll('*')) for (const attr of el.attributes) assert.doesNotMatch(attr.name, /^on/i);
      assert.ok(root.textContent!.includes('deploy starts'));
      assert.ok(root.textContent!.includes('<img src=x onerror=alert(1)>'));
    }
  });

  it('renders the examples to SVG with every event and tile', () => {
    for (const name of ['checkout-latency', 'firmware-ota', 'needs-work']) {
      const vm = model(name);
      const svg = renderTimelineSvg(vm);
      const dom = new JSDOM(svg, { contentType: 'image/svg+xml' });
      assert.equal(dom.window.document.querySelector('parsererror'), null, name);
      const text = dom.window.document.documentElement.textContent!;
      for (const tile of vm.tiles) assert.ok(text.includes(tile.value), `${name}: ${tile.value}`);
      for (const event of timelineEvents(vm)) assert.ok(text.includes(event.time), `${name}: ${event.time}`);
      assert.match(svg, /^<\?xml[^>]*\?>\s*<svg /);
    }
  });

  it('page: strict CSP with a nonce; the state JSON cannot close its script element', () => {
    const vm = modelOf(HOSTILE);
    const page = renderTimelinePage({ cspSource: 'https://webview.test', nonce: 'abc123', scriptUri: 'https://webview.test/timeline.js', styleUris: ['https://webview.test/t.css'], model: vm });
    const doc = new JSDOM(page).window.document;
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content');
    assert.equal(csp, "default-src 'none'; img-src https://webview.test data:; style-src https://webview.test; font-src https://webview.test; script-src 'nonce-abc123';");
    const scripts = [...doc.querySelectorAll('script')];
    assert.equal(scripts.length, 2);
    for (const s of scripts) assert.equal(s.getAttribute('nonce'), 'abc123');
    const state = JSON.parse(doc.getElementById('pm-state')!.textContent!);
    assert.deepEqual(state.model, vm);
    assert.doesNotMatch(jsonForScript({ a: '</script><!--' }), /<|>/);
    assert.equal(doc.querySelectorAll('style, [style]').length, 0);
  });

  it('escapeHtml and wrapText', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&\`</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    assert.equal(escapeHtml('a\u0000b\u0008c'), 'abc');
    assert.deepEqual(wrapText('one two three four', 9), ['one two', 'three', 'four']);
    assert.deepEqual(wrapText('abcdefghijkl', 5), ['abcde', 'fghij', 'kl']);
    assert.equal(wrapText('a b c d e f', 1, 2).length, 2);
  });
});

describe('timeline webview messages', () => {
  it('accepts exactly the three message shapes', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { ok: true, message: { type: 'ready' } });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', line: 12 }), { ok: true, message: { type: 'reveal', line: 12 } });
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    assert.deepEqual(parseWebviewMessage({ type: 'export', format: 'png', data: png }), { ok: true, message: { type: 'export', format: 'png', data: png } });
    assert.equal(parseWebviewMessage({ type: 'export', format: 'svg', data: '<?xml version="1.0"?>\n<svg xmlns="x"></svg>' }).ok, true);
  });

  it('rejects everything else with a reason', () => {
    const bad: unknown[] = [
      null,
      'reveal',
      [],
      42,
      {},
      { type: 'reveal' },
      { type: 'reveal', line: '3' },
      { type: 'reveal', line: -1 },
      { type: 'reveal', line: 1.5 },
      { type: 'reveal', line: Number.NaN },
      { type: 'reveal', line: 3, command: 'workbench.action.terminal.new' },
      { type: 'ready', extra: true },
      { type: 'export', format: 'pdf', data: 'x' },
      { type: 'export', format: 'png', data: 'data:text/html;base64,PHNjcmlwdD4=' },
      { type: 'export', format: 'png', data: 'javascript:alert(1)' },
      { type: 'export', format: 'svg', data: '<html><script>alert(1)</script></html>' },
      { type: 'export', format: 'svg' },
      { type: 'command', command: 'vscode.open' },
      { type: '__proto__' },
    ];
    for (const value of bad) {
      const result = parseWebviewMessage(value);
      assert.equal(result.ok, false, JSON.stringify(value));
      if (!result.ok) assert.ok(result.reason.length > 0);
    }
  });

  it('decodes PNG data URLs', () => {
    assert.deepEqual([...decodePngDataUrl('data:image/png;base64,iVBORw0KGgo=')], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});

describe('timeline webview script (jsdom)', () => {
  function start(name: string) {
    const vm = model(name);
    const page = renderTimelinePage({ cspSource: 'https://webview.test', nonce: 'n', scriptUri: 'https://webview.test/timeline.js', styleUris: [], model: vm, resource: 'file:///x.postmortem.md' });
    const dom = new JSDOM(page, { pretendToBeVisual: true });
    const posted: unknown[] = [];
    let saved: unknown;
    const api: VsCodeApi = { postMessage: (m) => posted.push(m), getState: () => saved, setState: (s) => (saved = s) };
    const app = startTimelineApp(dom.window.document, api);
    return { dom, doc: dom.window.document, posted, app, vm, saved: () => saved };
  }

  it('says ready, keeps the first paint and stores its resource for restore', () => {
    const { posted, doc, saved, app } = start('checkout-latency');
    assert.deepEqual(posted, [{ type: 'ready' }]);
    assert.equal(doc.querySelectorAll('.pm-event').length, 8);
    assert.deepEqual(saved(), { resource: 'file:///x.postmortem.md', locked: false });
    app.dispose();
  });

  it("a long timeline's page holds its first screenful; the script renders the rest, then says ready", () => {
    const events = Array.from({ length: 120 }, (_, i) => `- ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} Step ${i + 1} of the rollback`);
    const vm = modelOf(['---', 'title: Long night', 'date: 2026-03-02', '---', '# Long night', '', '## Timeline', '', ...events, '', '## Action items', '', '- [ ] Add a canary stage — @ana, due 2026-04-01', ''].join('\n'));
    assert.equal(vm.timeline.eventCount, 120);
    const page = renderTimelinePage({ cspSource: 'https://webview.test', nonce: 'n', scriptUri: 'https://webview.test/timeline.js', styleUris: [], model: vm });
    const dom = new JSDOM(page, { pretendToBeVisual: true });
    const doc = dom.window.document;
    assert.equal(doc.querySelectorAll('.pm-rows > li').length, FIRST_PAINT_ROWS);
    assert.ok(doc.querySelector('.pm-rows[data-partial]'));
    assert.equal(doc.querySelector('.pm-actions-section'), null, 'no action items above rows still to come');
    const posted: unknown[] = [];
    const app = startTimelineApp(doc, { postMessage: (m) => posted.push(m), getState: () => undefined, setState: () => undefined });
    assert.equal(doc.querySelectorAll('.pm-event').length, 120);
    assert.equal(doc.querySelector('.pm-rows[data-partial]'), null);
    assert.equal(doc.querySelectorAll('.pm-action').length, 1);
    assert.deepEqual(posted, [{ type: 'ready' }]);
    // The whole timeline, when it is rendered as an update or for the Markdown preview.
    assert.equal(new JSDOM(renderTimelineHtml(vm)).window.document.querySelectorAll('.pm-event').length, 120);
    app.dispose();
  });

  describe('a timeline of more than WINDOWED_TIMELINE_ROWS rows', () => {
    const events = Array.from({ length: 1200 }, (_, i) => `- ${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} Step ${i + 1} of the replay`);
    let vm: TimelineViewModel;
    before(() => {
      vm = modelOf(['---', 'title: Replay', 'date: 2026-03-02', '---', '# Replay', '', '## Timeline', '', ...events, '', '## Action items', '', '- [ ] Cap replay batches — @ana, due 2026-04-01', ''].join('\n'));
      assert.ok(vm.timeline.rows.length > WINDOWED_TIMELINE_ROWS);
    });

    /** Stands in for the browser's IntersectionObserver: the test says which placeholders come into view. */
    class FakeObserver {
      static last: FakeObserver | undefined;
      readonly observed = new Set<Element>();
      constructor(readonly callback: (entries: Array<{ isIntersecting: boolean; target: Element }>) => void) {
        FakeObserver.last = this;
      }
      observe(el: Element) { this.observed.add(el); }
      unobserve(el: Element) { this.observed.delete(el); }
      disconnect() { this.observed.clear(); }
      show(el: Element) { this.callback([{ isIntersecting: true, target: el }]); }
    }

    function open(observer: boolean) {
      const page = renderTimelinePage({ cspSource: 'https://webview.test', nonce: 'n', scriptUri: 'https://webview.test/timeline.js', styleUris: [], model: vm, resource: 'file:///r.postmortem.md' });
      const dom = new JSDOM(page, { pretendToBeVisual: true });
      if (observer) (dom.window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;
      const posted: unknown[] = [];
      const app = startTimelineApp(dom.window.document, { postMessage: (m) => posted.push(m), getState: () => undefined, setState: () => undefined });
      return { dom, doc: dom.window.document, app, posted };
    }
    const rowsIn = (doc: Document) => [...doc.querySelectorAll<HTMLElement>('.pm-event')].map((el) => Number(el.dataset.row));

    it('renders the first block and placeholders; blocks come in as they are seen, highlights bring theirs', () => {
      const { dom, doc, app, posted } = open(true);
      assert.deepEqual(posted, [{ type: 'ready' }]);
      assert.ok(doc.querySelector('.pm-rows[data-windowed]'));
      const blocks = Math.ceil(vm.timeline.rows.length / WINDOW_BLOCK_ROWS);
      assert.equal(doc.querySelectorAll('.pm-row-placeholder').length, blocks - 1);
      assert.ok(rowsIn(doc).every((row) => row < WINDOW_BLOCK_ROWS));
      assert.equal(doc.querySelectorAll('.pm-action').length, 1, 'action items are below the windowed list');
      FakeObserver.last!.show(doc.querySelector('.pm-row-placeholder[data-block="3"]')!);
      assert.ok(rowsIn(doc).some((row) => row >= 300 && row < 400));
      assert.equal(doc.querySelectorAll('.pm-event[tabindex="0"]').length, 1, 'one tabbable event');
      // The rows stay in order: block 3 replaced its own placeholder.
      const order = rowsIn(doc);
      assert.deepEqual(order, [...order].sort((a, b) => a - b));
      const far = vm.timeline.rows[1150];
      assert.equal(far.kind, 'event');
      dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data: { type: 'highlight', line: far.kind === 'event' ? far.line : -1 } }));
      assert.equal(doc.querySelector<HTMLElement>('.is-current')?.dataset.row, '1150');
      // An update keeps the blocks in the page and the highlight.
      dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data: { type: 'update', model: vm, resource: 'file:///r.postmortem.md' } }));
      assert.ok(rowsIn(doc).some((row) => row >= 1100));
      assert.equal(doc.querySelector<HTMLElement>('.is-current')?.dataset.row, '1150');
      app.dispose();
    });

    it('keys reach rows in blocks not in the page; without an IntersectionObserver every block is rendered', () => {
      const windowed = open(true);
      const key = (doc: Document, k: string) => doc.activeElement!.dispatchEvent(new windowed.dom.window.KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
      windowed.doc.querySelector<HTMLElement>('.pm-event')!.focus();
      key(windowed.doc, 'End');
      const lastEvent = vm.timeline.rows.map((r) => r.kind).lastIndexOf('event');
      assert.equal((windowed.doc.activeElement as HTMLElement).dataset.row, String(lastEvent));
      key(windowed.doc, 'Home');
      assert.equal((windowed.doc.activeElement as HTMLElement).dataset.row, String(vm.timeline.rows.findIndex((r) => r.kind === 'event')));
      windowed.app.dispose();

      const plain = open(false);
      assert.equal(plain.doc.querySelectorAll('.pm-row-placeholder').length, 0);
      assert.equal(plain.doc.querySelectorAll('.pm-event').length, 1200);
      plain.app.dispose();
    });
  });

  it('arrow keys move between events, Enter/click reveals the line', () => {
    const { dom, doc, posted, app } = start('checkout-latency');
    const events = () => [...doc.querySelectorAll<HTMLButtonElement>('.pm-event')];
    events()[0].focus();
    const key = (k: string) => doc.activeElement!.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    key('ArrowDown');
    key('ArrowDown');
    assert.equal(doc.activeElement, events()[2]);
    assert.equal(events()[2].tabIndex, 0);
    assert.equal(events().filter((e) => e.tabIndex === 0).length, 1);
    key('End');
    assert.equal(doc.activeElement, events()[7]);
    key('ArrowUp');
    key('Home');
    assert.equal(doc.activeElement, events()[0]);
    events()[2].click();
    assert.deepEqual(posted.at(-1), { type: 'reveal', line: 35 });
    assert.ok(events()[2].classList.contains('is-current'));
    doc.querySelectorAll<HTMLButtonElement>('.pm-action')[1].click();
    assert.deepEqual(posted.at(-1), { type: 'reveal', line: 62 });
    app.dispose();
  });

  it('updates in place from a posted view model, keeping focus and highlight', async () => {
    const { dom, doc, app } = start('checkout-latency');
    const win = dom.window;
    win.dispatchEvent(new win.MessageEvent('message', { data: { type: 'highlight', line: 36 } }));
    assert.equal(doc.querySelector('.is-current')!.getAttribute('data-line'), '36');
    doc.querySelectorAll<HTMLButtonElement>('.pm-event')[4].focus();
    const next = modelOf(fixture('examples/checkout-latency.postmortem.md').replace('Incident channel opened', 'War room opened'));
    win.dispatchEvent(new win.MessageEvent('message', { data: { type: 'update', model: next, locked: true, resource: 'file:///x.postmortem.md' } }));
    assert.match(doc.querySelectorAll('.pm-event')[3].textContent!, /War room opened/);
    assert.equal((doc.activeElement as HTMLElement).dataset.line, '37', 'focus stays on the same event');
    assert.equal(doc.querySelector('.is-current')!.getAttribute('data-line'), '36', 'highlight survives the update');
    assert.ok(doc.querySelector('.pm-locked'));
    // Malformed host messages are ignored.
    win.dispatchEvent(new win.MessageEvent('message', { data: { type: 'update', model: { nope: true } } }));
    win.dispatchEvent(new win.MessageEvent('message', { data: '<img src=x onerror=alert(1)>' }));
    assert.equal(doc.querySelectorAll('.pm-event').length, 8);
    app.dispose();
  });

  it('the SVG export button posts a validated export message', async () => {
    const { doc, posted, app } = start('firmware-ota');
    doc.querySelector<HTMLButtonElement>('[data-action="export"][data-format="svg"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    const message = posted.at(-1);
    const parsed = parseWebviewMessage(message);
    assert.equal(parsed.ok, true);
    assert.ok(parsed.ok && parsed.message.type === 'export' && parsed.message.data.includes('OTA firmware rollout'));
    app.dispose();
  });
});

describe('timeline view: very long timelines', () => {
  it('draws the first MAX_DRAWN_EVENTS events and every phase, and says how many are left out', () => {
    const lines = Array.from({ length: MAX_DRAWN_EVENTS + 999 }, (_, i) => `- 2026-03-14 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} step ${i}`);
    lines[lines.length - 1] = '- 2026-03-15 23:59 [resolved] all clear';
    const text = `---\ndate: 2026-03-14\n---\n# Long\n\n## Timeline\n\n${lines.join('\n')}\n`;
    const view = modelOf(text);
    assert.equal(view.timeline.eventCount, MAX_DRAWN_EVENTS + 1);
    assert.equal(view.timeline.hiddenEventCount, 998);
    const last = timelineEvents(view).at(-1)!;
    assert.equal(last.phase, 'resolved');
    // Rows keep their place in the document's timeline and their line.
    assert.equal(last.index, MAX_DRAWN_EVENTS + 998);
    assert.equal(last.line, text.split('\n').findIndex((l) => l.includes('all clear')));
    const note = `Showing 5,001 of 5,999 events: the timeline draws the first 5,000 and every phase.`;
    assert.ok(hiddenEventsNote(view.timeline)?.startsWith(note));
    assert.ok(body(renderTimelineHtml(view)).querySelector('.pm-timeline .pm-note')?.textContent?.includes(note));
    assert.ok(renderTimelineSvg(view).includes('Showing 5,001 of 5,999 events'));
    assert.equal(hiddenEventsNote(model('checkout-latency').timeline), null);
  });
});

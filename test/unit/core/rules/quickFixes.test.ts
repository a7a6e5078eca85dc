import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/core/analyze';
import type { SectionKind } from '../../../../src/core/model/types';
import { sectionDefinition } from '../../../../src/core/model/sections';
import type { Finding, RuleId } from '../../../../src/core/rules/types';
import { fixture } from '../../helpers';
import { DEFAULT_DUE, sliceRange, applyEdits, where, only, lint, ofRule, applyFix, postmortem } from './helpers';

describe('quick fixes: apply the edits, then re-lint', () => {
  /** The one finding of `rule`, its fix applied as inserted (placeholders as written) and as completed by the user. */
  function fixOne(text: string, rule: RuleId, typed: Record<number, string> = {}, config = only(rule)): { inserted: string; completed: string; finding: Finding } {
    const found = lint(text, config);
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => `${f.rule} ${where(f)}`)));
    assert.equal(found[0].rule, rule);
    return { inserted: applyFix(text, found[0]), completed: applyFix(text, found[0], typed), finding: found[0] };
  }

  /** How the "add missing section" fix writes a section (heading, blank line, skeleton). */
  function block(kind: SectionKind): string {
    const def = sectionDefinition(kind);
    return `## ${def.label}\n\n${def.skeleton}`;
  }

  it('owner: appended to a task item without a tail', () => {
    const text = '## Action Items\n\n- [ ] Add config validation\n';
    const { inserted, completed, finding } = fixOne(text, 'action-item-owner', { 1: '@sam' });
    assert.equal(finding.fixes![0].title, 'Add an owner');
    assert.equal(inserted, '## Action Items\n\n- [ ] Add config validation — @owner\n');
    assert.equal(completed, '## Action Items\n\n- [ ] Add config validation — @sam\n');
    assert.deepEqual(lint(completed, only('action-item-owner')), []);
    assert.equal(analyzeText(completed).doc.actionItems[0].owner, '@sam');
  });

  it('owner: put before an existing " — due ..." tail', () => {
    const text = '## Action Items\n\n- [ ] Write a runbook — due 2026-04-01\n';
    const { inserted, completed } = fixOne(text, 'action-item-owner', { 1: 'owner: Kim Lee' });
    assert.equal(inserted, '## Action Items\n\n- [ ] Write a runbook — @owner, due 2026-04-01\n');
    assert.equal(completed, '## Action Items\n\n- [ ] Write a runbook — owner: Kim Lee, due 2026-04-01\n');
    assert.deepEqual(lint(completed, only('action-item-owner', 'action-item-deadline')), []);
    const item = analyzeText(completed).doc.actionItems[0];
    assert.deepEqual([item.text, item.owner, item.due], ['Write a runbook', 'Kim Lee', '2026-04-01']);
  });

  // Regression: the separator test once matched "\n- " of the next item and inserted past the end of the line.
  it('owner: appended to a task item followed by another list item', () => {
    const text = '## Action Items\n\n- [ ] Add config validation\n- [ ] Write a runbook — @sam, due 2026-04-01\n';
    const found = lint(text, only('action-item-owner'));
    assert.equal(applyFix(text, found[0], { 1: '@kim' }), '## Action Items\n\n- [ ] Add config validation — @kim\n- [ ] Write a runbook — @sam, due 2026-04-01\n');
  });

  it('deadline: appended after an owner, or with a separator when there is none', () => {
    const withOwner = '## Action Items\n\n- [ ] Write a runbook — @sam\n';
    const a = fixOne(withOwner, 'action-item-deadline', { 1: '2026-05-01' });
    assert.equal(a.finding.fixes![0].title, 'Add a deadline');
    assert.equal(a.inserted, `## Action Items\n\n- [ ] Write a runbook — @sam, due ${DEFAULT_DUE}\n`);
    assert.equal(a.completed, '## Action Items\n\n- [ ] Write a runbook — @sam, due 2026-05-01\n');
    assert.deepEqual(lint(a.inserted, only('action-item-deadline', 'action-item-owner')), []);
    assert.equal(analyzeText(a.completed).doc.actionItems[0].due, '2026-05-01');

    const bare = '## Action Items\n\n- [ ] Write a runbook';
    const b = fixOne(bare, 'action-item-deadline');
    assert.equal(b.inserted, `## Action Items\n\n- [ ] Write a runbook — due ${DEFAULT_DUE}`);
    assert.deepEqual(lint(b.inserted, only('action-item-deadline')), []);
  });

  // Regression (fixed; src/core/rules/actionItemDeadline.ts deadlineFix): the deadline goes to the end of the item's FIRST line,
  // i.e. into the middle of a wrapped item's text, instead of after the text/owner.
  it('deadline: appended after the owner of a wrapped task item', () => {
    const text = '## Action Items\n\n- [ ] Add config validation to the\n  deploy pipeline — @sam\n';
    const found = lint(text, only('action-item-deadline'));
    assert.equal(applyFix(text, found[0]), `## Action Items\n\n- [ ] Add config validation to the\n  deploy pipeline — @sam, due ${DEFAULT_DUE}\n`);
  });

  it('owner and deadline: filled into empty table cells', () => {
    const text = '## Action Items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| Add rev C units |  |  | Open |\n';
    const found = lint(text, only('action-item-owner', 'action-item-deadline'));
    assert.deepEqual(found.map((f) => f.rule), ['action-item-owner', 'action-item-deadline']);
    const cells = (t: string) => t.split('\n')[4].split('|').slice(1, -1).map((c) => c.trim());
    const inserted = applyEdits(text, [...found[0].fixes![0].edits, ...found[1].fixes![0].edits]);
    assert.deepEqual(cells(inserted), ['Add rev C units', '@owner', DEFAULT_DUE, 'Open']);
    // One fix after the other, as in the editor, typing into each tab stop.
    const withOwner = applyFix(text, found[0], { 1: 'Tomás Ortega' });
    const [deadline] = lint(withOwner, only('action-item-owner', 'action-item-deadline'));
    assert.equal(deadline.rule, 'action-item-deadline');
    const completed = applyFix(withOwner, deadline, { 1: '2026-05-20' });
    assert.deepEqual(cells(completed), ['Add rev C units', 'Tomás Ortega', '2026-05-20', 'Open']);
    assert.deepEqual(completed.split('\n').slice(0, 4), text.split('\n').slice(0, 4));
    assert.deepEqual(lint(completed, only('action-item-owner', 'action-item-deadline')), []);
    const item = analyzeText(completed).doc.actionItems[0];
    assert.deepEqual([item.owner, item.due, item.done], ['Tomás Ortega', '2026-05-20', false]);
  });

  it('missing section: inserted between its canonical neighbours', () => {
    const text = '# Login outage\n\n## Summary\n\nLogin was down.\n\n## Timeline\n\n- 10:00 — x\n\n## Root Cause\n\ny\n\n## Action Items\n\n- [ ] a — @b, due 2026-04-01\n';
    const { inserted, finding } = fixOne(text, 'required-section');
    assert.equal(finding.fixes![0].title, 'Add the "Impact" section');
    assert.equal(inserted, text.replace('Login was down.\n\n', `Login was down.\n\n${block('impact')}\n\n`));
    assert.deepEqual(lint(inserted, only('required-section')), []);
    const kinds = analyzeText(inserted).doc.allSections.map((s) => s.kind ?? s.heading);
    assert.deepEqual(kinds, ['Login outage', 'summary', 'impact', 'timeline', 'rootCause', 'actionItems']);
  });

  it('missing section: before the first later section when nothing earlier exists, and at the end otherwise', () => {
    const noSummary = '# T\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:00 — x\n\n## Root Cause\n\ny\n\n## Action Items\n\n- [ ] a — @b, due 2026-04-01\n';
    const a = fixOne(noSummary, 'required-section');
    assert.equal(a.inserted, noSummary.replace('# T\n\n', `# T\n\n${block('summary')}\n\n`));
    assert.deepEqual(lint(a.inserted, only('required-section')), []);

    const noActions = '# T\n\n## Summary\n\ns\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:00 — x\n\n## Root Cause\n\ny\n';
    const b = fixOne(noActions, 'required-section');
    assert.equal(b.inserted, `${noActions.trimEnd()}\n\n${block('actionItems')}\n`);
    assert.deepEqual(lint(b.inserted, only('required-section')), []);
  });

  it('missing section: keeps CRLF line endings', () => {
    const text = '# T\r\n\r\n## Summary\r\n\r\ns\r\n\r\n## Timeline\r\n\r\n- 10:00 — x\r\n\r\n## Root Cause\r\n\r\ny\r\n\r\n## Action Items\r\n\r\n- [ ] a — @b, due 2026-04-01\r\n';
    const { inserted } = fixOne(text, 'required-section');
    assert.ok(!/[^\r]\n/.test(inserted), JSON.stringify(inserted));
    assert.ok(inserted.includes(`s\r\n\r\n${block('impact').replace(/\n/g, '\r\n')}\r\n\r\n## Timeline`));
    assert.deepEqual(lint(inserted, only('required-section')), []);
  });

  it('blame wording: the rewording replaces exactly the flagged words', () => {
    const text = postmortem({ summary: 'This was human error.', rootCause: 'The on-call engineer should have checked the config. Dave failed to run the linter.' });
    const found = lint(text);
    // The finding covers the blaming clause; the rewording moves the subject from the person to the system.
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['human error', 'The on-call engineer should have checked the config', 'Dave failed to run']);
    assert.deepEqual(found.map((f) => f.fixes![0].title), ['Reword as "a gap in our safeguards"', 'Reword as "Nothing made sure the config was checked"', 'Reword as "Nothing in the process required anyone to run"']);
    const after = applyEdits(text, found.flatMap((f) => f.fixes![0].edits));
    assert.equal(after, postmortem({ summary: 'This was a gap in our safeguards.', rootCause: 'Nothing made sure the config was checked. Nothing in the process required anyone to run the linter.' }));
    assert.deepEqual(lint(after), []);
  });

  it('blame wording without a checked rewording offers no edit', () => {
    const text = postmortem({ summary: 'Sloppy work from Dave, as usual.' });
    const [finding] = lint(text);
    assert.equal(finding.rule, 'blame-wording');
    assert.equal(finding.blame?.replacement, undefined);
    assert.deepEqual(finding.fixes, []);
  });

  it('needs-work: the Impact section lands between Summary and Timeline', () => {
    const text = fixture('examples/needs-work.postmortem.md');
    const impact = ofRule(lint(text), 'required-section')[0];
    const after = applyFix(text, impact);
    assert.deepEqual(ofRule(lint(after), 'required-section'), []);
    assert.deepEqual(after.split('\n').filter((l) => l.startsWith('## ')), ['## Summary', '## Impact', '## Timeline', '## Root Cause', '## Action Items']);
  });
});

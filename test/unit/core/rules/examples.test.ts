import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/core/analyze';
import { EXAMPLE_TODAY } from '../../../../src/core/rules/examples';
import { RULES } from '../../../../src/core/rules/index';

// remark-lint style: every rule's examples are whole documents run through the whole linter.
describe('rule examples', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const lint = (example: typeof rule.bad) =>
        analyzeText(example.document, { today: EXAMPLE_TODAY, ...(example.maxFileSize ? { maxFileSize: example.maxFileSize } : {}) }).findings.map((f) => `${f.rule}: ${f.message}`);

      it('bad triggers exactly this rule', () => {
        const findings = lint(rule.bad);
        assert.ok(findings.length > 0, `${rule.id}: the bad example triggers nothing`);
        assert.deepEqual(findings.filter((f) => !f.startsWith(`${rule.id}:`)), [], `${rule.id}: the bad example triggers other rules`);
      });

      it('good triggers no rule', () => {
        assert.deepEqual(lint(rule.good), []);
      });
    });
  }
});

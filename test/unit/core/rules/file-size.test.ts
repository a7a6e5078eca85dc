import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/core/analyze';
import { TODAY, where, only } from './helpers';

describe('rule file-size', () => {
  it('reports once, at 1:1, and analyses nothing else', () => {
    const text = 'This was human error.\n'.repeat(10);
    const { findings } = analyzeText(text, { today: TODAY, maxFileSize: 100 });
    assert.deepEqual(findings.map((f) => `${f.rule} ${f.severity} ${where(f)}`), ['file-size info 1:1-1:1']);
    assert.match(findings[0].message, /postmortem\.maxFileSize/);
    assert.deepEqual(analyzeText(text, { today: TODAY, maxFileSize: 1000, config: only('file-size') }).findings, []);
  });
});


import type { Suppression } from './types';
import type { LineIndex } from './text';

const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

/**
 * Reads suppression comments:
 * `<!-- postmortem-disable-next-line rule -->`, `<!-- postmortem-disable rule -->` … `<!-- postmortem-enable rule -->`,
 * `<!-- postmortem-disable-file -->`. No rule names means every rule.
 * `htmlNodes` are the offsets of HTML nodes found by the parser, so comments inside code are ignored.
 */
export function readSuppressions(htmlNodes: Array<{ start: number; value: string }>, lines: LineIndex): Suppression[] {
  const result: Suppression[] = [];
  const open = new Map<string, number>();
  const last = lines.lineCount - 1;
  // In document order: a table's cells may come out of the parser in another order.
  for (const node of [...htmlNodes].sort((a, b) => a.start - b.start)) {
    DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE.exec(node.value))) {
      const line = lines.positionAt(node.start + m.index).line;
      const endLine = lines.positionAt(node.start + m.index + m[0].length).line;
      const rules = m[2].split(/[\s,]+/).filter(Boolean);
      const names = rules.length ? rules : ['*'];
      switch (m[1]) {
        case 'disable-next-line':
          if (endLine < last) for (const rule of names) result.push({ rule, fromLine: endLine + 1, toLine: endLine + 1 });
          break;
        case 'disable-line':
          for (const rule of names) result.push({ rule, fromLine: line, toLine: line });
          break;
        case 'disable-file':
          for (const rule of names) result.push({ rule, fromLine: 0, toLine: last });
          break;
        case 'disable':
          for (const rule of names) if (!open.has(rule)) open.set(rule, line);
          break;
        case 'enable':
          for (const rule of names[0] === '*' ? [...open.keys()] : names) {
            const from = open.get(rule);
            if (from !== undefined) {
              result.push({ rule, fromLine: from, toLine: line });
              open.delete(rule);
            }
          }
          break;
      }
    }
  }
  for (const [rule, from] of open) result.push({ rule, fromLine: from, toLine: last });
  return result;
}

export function isSuppressed(suppressions: Suppression[], rule: string, line: number): boolean {
  return suppressions.some((s) => (s.rule === rule || s.rule === '*') && line >= s.fromLine && line <= s.toLine);
}

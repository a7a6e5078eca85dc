import type { ActionItem, Range } from '../model/types';
import { LineIndex } from '../model/text';

/** What a mark-done edit needs to know about an action item (a model item or an indexed one). */
export type MarkableItem = Pick<ActionItem, 'done' | 'form' | 'textRange' | 'doneMarkerRange'>;

export interface MarkDoneEdit {
  range: Range;
  newText: string;
}

const OPEN_BOX = /^\[ \]$/;
const LIST_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$/;
const UNESCAPED_PIPE = /(?<!\\)\|/;

/**
 * The smallest edit that marks an open action item done, or undefined when it is already done or the
 * text no longer looks like the item (stale positions):
 * - task form: the space in `[ ]` becomes `x`; a plain list item gets `[x] ` before its text;
 * - table form: the Status cell's text becomes `Done` (padding and pipes untouched); a row without a
 *   Status column cannot be marked.
 */
export function markDoneEdit(text: string, item: MarkableItem): MarkDoneEdit | undefined {
  if (item.done) return undefined;
  const lines = new LineIndex(text);
  if (item.form === 'task') {
    if (item.doneMarkerRange) {
      const start = lines.offsetAt(item.doneMarkerRange.start);
      const end = lines.offsetAt(item.doneMarkerRange.end);
      if (!OPEN_BOX.test(text.slice(start, end))) return undefined;
      return { range: lines.range(start + 1, start + 2), newText: 'x' };
    }
    const at = lines.offsetAt(item.textRange.start);
    const lineStart = lines.lineStarts[item.textRange.start.line] ?? 0;
    if (!LIST_PREFIX.test(text.slice(lineStart, at))) return undefined;
    return { range: lines.range(at, at), newText: '[x] ' };
  }
  if (!item.doneMarkerRange) return undefined;
  const start = lines.offsetAt(item.doneMarkerRange.start);
  const end = lines.offsetAt(item.doneMarkerRange.end);
  const current = text.slice(start, end);
  if (current.includes('\n') || UNESCAPED_PIPE.test(current)) return undefined;
  if (start < end) return current === 'Done' ? undefined : { range: lines.range(start, end), newText: 'Done' };
  // An empty Status cell: write into its padding, `|  |` -> `| Done |`.
  const lineStart = lines.lineStarts[item.doneMarkerRange.start.line] ?? 0;
  const pipe = text.lastIndexOf('|', start - 1);
  if (pipe < lineStart || text[start] !== '|') return undefined;
  const padding = start - pipe - 1;
  if (padding === 0) return { range: lines.range(start, start), newText: ' Done ' };
  if (padding === 1) return { range: lines.range(start, start), newText: 'Done ' };
  return { range: lines.range(pipe + 2, pipe + 2), newText: 'Done' };
}

/** Applies an edit to text (for tests and previews). */
export function applyEdit(text: string, edit: MarkDoneEdit): string {
  const lines = new LineIndex(text);
  return text.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + text.slice(lines.offsetAt(edit.range.end));
}

import type { List, ListItem, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ActionItem, ModelProblem } from './types';
import type { LineIndex } from './text';
import { DATE_LIKE_SOURCE, parseDate } from './time';
import { cellContent, type Located, nodeEnd, nodeStart } from './nodes';

export interface ActionContext {
  lines: LineIndex;
  problems: ModelProblem[];
}

const HANDLE = /(?<![\w@.])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)/u;
const OWNER_PHRASE = /\b(?:owner|owned by|assignee|assigned to)\b[ \t]*[:=-]?[ \t]+([^,;()—–|\n]+)/iu;
/** Where a greedy owner capture must stop: a deadline keyword. */
const OWNER_END = /\s(?:due|by|deadline|until)\b/i;
const DUE_PHRASE = new RegExp(String.raw`\b(due(?:\s+date)?(?!\s+to\b)|deadline|target(?:\s+date)?|eta|by|until|before)\b\s*(?:[:=]\s*)?(${DATE_LIKE_SOURCE}|[^\s,;()—–|]+(?:\s+[^\s,;()—–|]+){0,2})`, 'giu');
const TICKETS = /(?<![\w-])(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7})(?![\w-])/g;
const SEPARATOR = /(?<!\s)\s+(?:—|–|--|-)\s+|(?<!\s)\s*\(\s*(?=(?:owner|assignee|assigned|due|@))/i;
const NOT_A_DEADLINE = /^(?:tbd|tba|tbc|n\/a|none|unknown|asap|soon|later|\?+|-+|todo)$/i;
const DONE_STATUS = /^(?:done|complete|completed|closed|fixed|resolved|finished|shipped|merged|yes|y|x|\[x\]|✅|✔|✔️|☑|☑️)$/iu;
const EMPTY_CELL = /^(?:|-+|—|–|tbd|tba|n\/a|none|\?+|unassigned|nobody|todo)$/i;

/** Extracts action items from the blocks of an Action Items section. */
export function extractActionItems(blocks: Located<RootContent>[], ctx: ActionContext): ActionItem[] {
  const items: ActionItem[] = [];
  for (const { node, offset } of blocks) {
    if (node.type === 'list') {
      for (const item of (node as List).children) {
        const action = readListItem(item, offset, ctx);
        if (action) items.push(action);
      }
    } else if (node.type === 'table') {
      for (const item of readTable(node as Table, offset, ctx)) items.push(item);
    }
  }
  return items;
}

function readListItem(item: ListItem, chunkOffset: number, ctx: ActionContext): ActionItem | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const { text } = ctx.lines;
  const start = nodeStart(first, chunkOffset);
  const end = nodeEnd(first, chunkOffset);
  const raw = text.slice(start, end);
  const itemStart = nodeStart(item, chunkOffset);
  const itemEnd = nodeEnd(item, chunkOffset);
  let doneMarkerRange;
  if (item.checked !== null && item.checked !== undefined) {
    const box = text.slice(itemStart, start).lastIndexOf('[');
    if (box !== -1) doneMarkerRange = ctx.lines.range(itemStart + box, itemStart + box + 3);
  }
  const separator = SEPARATOR.exec(raw);
  const taskText = (separator ? raw.slice(0, separator.index) : raw).trim();
  const action: ActionItem = {
    text: plain(taskText),
    owner: null,
    due: null,
    dueRaw: null,
    dueInvalid: false,
    done: item.checked === true,
    tickets: [...raw.matchAll(TICKETS)].map((m) => m[0]),
    range: ctx.lines.range(itemStart, itemEnd),
    textRange: ctx.lines.range(start, start + taskText.length),
    form: 'task',
    ...(doneMarkerRange ? { doneMarkerRange } : {}),
  };
  readOwner(raw, start, action, ctx);
  readDeadline(raw, start, action, ctx, false);
  return action;
}

function readOwner(raw: string, start: number, action: ActionItem, ctx: ActionContext): void {
  const phrase = OWNER_PHRASE.exec(raw);
  const captured = phrase ? phrase[1].slice(0, phrase[1].search(OWNER_END) === -1 ? undefined : phrase[1].search(OWNER_END)) : '';
  if (phrase && !EMPTY_CELL.test(captured.trim())) {
    const name = trimTrailing(captured.trim(), '.)');
    const at = raw.indexOf(name, phrase.index);
    action.owner = name;
    action.ownerRange = ctx.lines.range(start + at, start + at + name.length);
    return;
  }
  const handle = HANDLE.exec(raw);
  if (handle) {
    action.owner = `@${handle[1]}`;
    action.ownerRange = ctx.lines.range(start + handle.index, start + handle.index + handle[0].length);
  }
}

function readDeadline(raw: string, start: number, action: ActionItem, ctx: ActionContext, wholeCell: boolean): void {
  let value: string | undefined;
  let at: number;
  if (wholeCell) {
    value = raw.trim();
    at = raw.indexOf(value);
    if (EMPTY_CELL.test(value)) return;
  } else {
    const dateAtStart = new RegExp(`^(?:${DATE_LIKE_SOURCE})`, 'i');
    let found: { value: string; at: number } | undefined;
    for (const m of raw.matchAll(DUE_PHRASE)) {
      const date = dateAtStart.exec(m[2]);
      // "by" and "before" are ordinary English unless a date follows.
      if (!date && /^(?:by|before|until|eta)$/i.test(m[1])) continue;
      found = { value: trimTrailing(date ? date[0] : m[2], '.)'), at: (m.index ?? 0) + m[0].length - m[2].length };
      break;
    }
    if (!found) return;
    value = found.value;
    at = found.at;
    if (NOT_A_DEADLINE.test(value)) return;
  }
  action.dueRaw = value;
  action.dueRange = ctx.lines.range(start + at, start + at + value.length);
  const parsed = parseDate(value, true);
  if (parsed?.ok) action.due = parsed.iso;
  else {
    action.dueInvalid = true;
    const reason = parsed && !parsed.ok ? `${parsed.reason}` : `\`${value}\` is not a date (write YYYY-MM-DD)`;
    ctx.problems.push({ code: 'action-item-deadline-invalid', message: `Deadline ${reason}.`, range: action.dueRange });
  }
}

const ACTION_COLUMN = /^(?:action|actions|action item|item|task|description|what|corrective action|fix)$/i;
const OWNER_COLUMN = /^(?:owner|owners|assignee|assigned to|who|responsible|dri)$/i;
const DUE_COLUMN = /^(?:due|due date|deadline|when|date|target|target date|eta)$/i;
const STATUS_COLUMN = /^(?:status|done|state|complete|completed)$/i;
const TICKET_COLUMN = /^(?:ticket|issue|link|jira|tracking)$/i;

function readTable(table: Table, chunkOffset: number, ctx: ActionContext): ActionItem[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const names = header.children.map((cell) => toString(cell).trim());
  const col = (re: RegExp) => names.findIndex((n) => re.test(n));
  const actionCol = col(ACTION_COLUMN) >= 0 ? col(ACTION_COLUMN) : 0;
  const ownerCol = col(OWNER_COLUMN);
  const dueCol = col(DUE_COLUMN);
  const statusCol = col(STATUS_COLUMN);
  const ticketCol = col(TICKET_COLUMN);
  const items: ActionItem[] = [];
  for (const row of rows) {
    const action = readTableRow(row, chunkOffset, ctx, { actionCol, ownerCol, dueCol, statusCol, ticketCol });
    if (action) items.push(action);
  }
  return items;
}

interface Columns {
  actionCol: number;
  ownerCol: number;
  dueCol: number;
  statusCol: number;
  ticketCol: number;
}

function readTableRow(row: TableRow, chunkOffset: number, ctx: ActionContext, c: Columns): ActionItem | undefined {
  const { text } = ctx.lines;
  const actionCell = cellContent(row, c.actionCol, chunkOffset, text);
  if (!actionCell || !actionCell.text) return undefined;
  const rowStart = nodeStart(row, chunkOffset);
  const rowEnd = nodeEnd(row, chunkOffset);
  const statusCell = c.statusCol >= 0 ? cellContent(row, c.statusCol, chunkOffset, text) : undefined;
  const status = statusCell?.text ? plain(statusCell.text) : undefined;
  const ticketText = [actionCell.text, c.ticketCol >= 0 ? cellContent(row, c.ticketCol, chunkOffset, text)?.text ?? '' : ''].join(' ');
  const action: ActionItem = {
    text: plain(actionCell.text),
    owner: null,
    due: null,
    dueRaw: null,
    dueInvalid: false,
    done: status !== undefined && DONE_STATUS.test(status),
    tickets: [...ticketText.matchAll(TICKETS)].map((m) => m[0]),
    range: ctx.lines.range(rowStart, rowEnd),
    textRange: ctx.lines.range(actionCell.start, actionCell.end),
    form: 'table',
    ...(status ? { status } : {}),
    ...(statusCell ? { doneMarkerRange: ctx.lines.range(statusCell.start, statusCell.end) } : {}),
  };
  const ownerCell = c.ownerCol >= 0 ? cellContent(row, c.ownerCol, chunkOffset, text) : undefined;
  if (ownerCell) {
    // For an empty Owner cell the range still says where an owner goes.
    action.ownerRange = ctx.lines.range(ownerCell.start, ownerCell.end);
    if (!EMPTY_CELL.test(plain(ownerCell.text))) action.owner = plain(ownerCell.text);
  } else if (c.ownerCol === -1) {
    readOwner(actionCell.text, actionCell.start, action, ctx);
  }
  const dueCell = c.dueCol >= 0 ? cellContent(row, c.dueCol, chunkOffset, text) : undefined;
  if (dueCell) {
    action.dueRange = ctx.lines.range(dueCell.start, dueCell.end);
    readDeadline(plainKeepLength(dueCell.text), dueCell.start, action, ctx, true);
  }
  else if (c.dueCol === -1) readDeadline(actionCell.text, actionCell.start, action, ctx, false);
  return action;
}

/** Markdown emphasis and code marks removed, whitespace folded. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*|__|`|~~/g, '').replace(/\\\|/g, '|').replace(/\s+/g, ' ').trim();
}

function plainKeepLength(markdown: string): string {
  return markdown.replace(/\*\*|__|`/g, (m) => ' '.repeat(m.length));
}

/** Drops trailing characters from a set with a loop (a `[.)]+$` regex is quadratic on long runs). */
function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

// Action items as people list them: the top-level entries of the lists under a follow-up heading or
// a bold label (sub-bullets are details of their parent), the rows of a table whose columns are found
// by their header or their content, and, in a follow-up section without lists, its paragraphs. Done
// markers: `[x]`, ✅, ~~struck~~, `(Completed)`, `DONE`, a Done/Fixed status cell, a "Completed"
// sub-heading. Issue and pull request links are tickets.
import type { Block, TableCell } from './blocks';
import { type InlineText, oneLineText, sliceInline, sourceSpan, trimInline } from './inline';
import { headingWords, matchSectionHeading } from './sections';
import type { LineIndex } from './text';
import { labelKind, leadingLabel } from './timeline';
import { DATE_LIKE_SOURCE, parseDate } from './time';
import type { ActionItem, FoundPart, ModelProblem, Range, Section } from './types';
import { maxOf } from '../util/arrays';
import { trimTrailing } from '../util/strings';
import { sentenceSpans } from '../util/sentences';

export interface ActionContext {
  lines: LineIndex;
  problems: ModelProblem[];
}

const HANDLE = /(?<![\w@.])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)/u;
const OWNER_PHRASE = /\b(?:owners?|owned by|assignee|assigned to|responsible|dri)\b(?:[ \t]*[:=][ \t]*|[ \t]+(?:-[ \t]+)?)([^,;()—–|\n\s][^,;()—–|\n]*)/iu;
/** Where a greedy owner capture must stop: a deadline keyword. */
const OWNER_END = /\s(?:due|by|deadline|until)\b/i;
// Compiled once, not per item or cell: a date at the start of a due phrase's value, anywhere, a whole cell.
const DATE_AT_START = new RegExp(`^(?:${DATE_LIKE_SOURCE})`, 'i');
const DATE_ANYWHERE = new RegExp(`(?:${DATE_LIKE_SOURCE})`);
const DATE_CELL = new RegExp(`^(?:${DATE_LIKE_SOURCE})$`, 'i');
const DUE_PHRASE = new RegExp(String.raw`\b(due(?:\s+date)?(?!\s+to\b)|deadline|target(?:\s+date)?|eta|by|until|before)\b\s*(?:[:=]\s*)?(${DATE_LIKE_SOURCE}|[^\s,;()—–|]+(?:\s+[^\s,;()—–|]+){0,2})`, 'giu');
const TICKETS = /(?<![\w-])(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7}|[\w.-]{1,40}\/[\w.-]{1,60}#\d{1,7})(?![\w-])/g;
const TICKET_URL = /\/(?:issues|pull|pulls|merge_requests|tickets?)\/\d+|\/browse\/[A-Z][A-Z0-9]+-\d+|\/-\/(?:issues|merge_requests)\/\d+/i;
const SEPARATOR = /(?<!\s)\s+(?:—|–|--|-)\s+|(?<!\s)\s*\(\s*(?=(?:owner|assignee|assigned|due|@))/i;
const NOT_A_DEADLINE = /^(?:tbd|tba|tbc|n\/a|none|unknown|asap|soon|later|\?+|-+|todo)$/i;
/** A check mark, as a character or as GitHub's emoji shortcode (":white_check_mark:" renders as ✅). */
const CHECK_MARK = String.raw`(?:✅|✔️?|☑️?|✓|:(?:white_check_mark|heavy_check_mark|ballot_box_with_check):)`;
// A word needs its end ("done", not "donezo"); a check mark may have a word after it ("✅ Done").
const DONE_STATUS = new RegExp(String.raw`^(?:(?:done|complete|completed|closed|fixed|resolved|finished|shipped|merged|implemented|deployed|yes|y|x|utført|gjort|ferdig)(?:\b|$)|\[x\]|${CHECK_MARK})`, 'iu');
const EMPTY_CELL = /^(?:|-+|—|–|tbd|tba|n\/a|none|\?+|unassigned|nobody|todo)$/i;
/** Done markers at the start or end of an item's text. */
const DONE_START = new RegExp(String.raw`^\s*(?:${CHECK_MARK}|\[(?:x|done)\]|(?:DONE|Done|Completed?|Fixed)\s*(?:[:\-–—]|\s(?=in\b)))\s*`, 'u');
const DONE_END = new RegExp(String.raw`(?<!\s)\s*(?:\(\s*(?:done|completed?|fixed|resolved|merged|shipped|implemented|finished)\b[^()]{0,40}\)|\[\s*(?:done|completed?)\s*\]|${CHECK_MARK})[\s.]*$`, 'iu');
/** A closing sentence that says the item is done: "… as the right user. We already implemented that now." */
const DONE_AFTER = /(?:^|[.!;]\s+)(?:we(?:\s+have|'ve|’ve)?\s+already\s+(?:implemented|done|fixed|shipped|deployed|added|made|put\s+in\s+place|rolled\s+out)|(?:this|that|it)(?:\s+is|\s+was|\s+has\s+been|'s|’s)\s+(?:now\s+|already\s+)?(?:done|implemented|fixed|in\s+place|deployed|shipped|live)|already\s+(?:done|implemented|fixed|in\s+place))\b[^.!?]{0,30}[.!]?\s*$/i;
const DONE_WORD = /\bDONE\b(?!\s+(?:by|before|when|if))/;
/**
 * A follow-up written as already done: "Added alerting…", "EIP-6110 is updated…", "We have extended…".
 * Not "Created a ticket to…" (the work is tracked, not done).
 */
const DONE_TENSE = new RegExp(
  [
    // "We enabled …", "The team then raised …", "Execution clients implemented …", "We have extended …"
    // (A capitalised subject is not itself a participle, nor ends in "of"/"for": "Automated scheduled testing of …", "Implementation of automated testing" are plans.)
    String.raw`^(?:we|they|i|the\s+[\w-]+(?:\s+[\w-]+)?|(?![\p{L}]+ed\s)[\p{Lu}][\w.-]*(?:\s+(?!(?:of|for|to)\s)[\w.-]+){0,2})\s+(?:then\s+|also\s+|already\s+|now\s+|since\s+|(?:have|has|'ve)\s+(?:(?:now|already|also)\s+|for\s+[\w ]{1,20}?\s+)?)?(?:[a-z]{3,}ed|got|made|wrote|ran|took|built|put|sent|gave|began|set|kept|found|moved)\b`,
    // "EIP-6110 is updated …", "The cookie was rescoped …"
    // …after an opening phrase ("Immediately upon confirmation, access to new runs was restricted"), with an adverb ("were temporarily disabled").
    String.raw`^(?:[^,.;:]{1,80},\s+)?(?:[\p{L}\p{N}][\w.'’-]*\s+){1,8}(?:was|were|has been|have been|is now|are now|is|are)\s+(?:now\s+|also\s+|[a-z]{3,}ly\s+)?(?!going\b|being\b|not\b)[a-z]+ed\b(?!\s+to\s+be)`,
    // "The labels now act on validated commits": what the system does now.
    String.raw`^(?:[\p{L}\p{N}][\w.'’-]*\s+){1,6}(?<!\b(?:is|are|was|were|be|been)\s+)now\s+(?!have\b|has\b|need|must|should|will|can\b|could|plan|want)[a-z]{3,}\b`,
    // "Added alerting …", "Got guidance …"
    String.raw`^(?:added|implemented|fixed|updated|enabled|disabled|removed|migrated|rotated|deployed|increased|decreased|switched|moved|rescoped|extended|established|documented|wrote|merged|shipped|released|replaced|upgraded|introduced|configured|automated|published|revoked|reverted|got|requested|raised)\s(?![a-z]+ed\s)`,
  ].join('|'),
  'iu',
);
/** Work begun or promised later in the item: "We have started improving our playbooks", "…; we are going to remove them". */
const STILL_TO_DO = /\b(?:(?:have|has)\s+(?:only\s+)?(?:started|begun)|(?:we|the\s+team)\s+(?:are|is)\s+(?:going\s+to|working\s+on|planning\s+to)|(?:we|the\s+team)\s+(?:will|plan\s+to|intend\s+to))\b/i;
/** Words that make a sentence a plan, whatever verb forms follow ("We will set up automated alerts"). */
const NOT_YET_DONE = /\b(?:will|shall|'ll|should|must|would|going to|plan(?:s|ned)? to|needs? to|consider|recommend(?:s|ed)?)\b/i;
const TRACKED_ONLY = /^(?:(?:created|opened|filed|raised|logged)\s+(?:a|an)\s+(?:ticket|issue|card|task|epic|story|jira)|(?:a\s+)?(?:tickets?|issues?|cards?|jira)\s+(?:(?:was|were|has been|have been)\s+)?(?:raised|created|opened|filed|logged)\b)/i;
/** Talk about the work is not the work: "Team discussed about having closer inspection…". */
const ONLY_TALKED = /^(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:discussed|talked|considered|proposed|suggested|debated)\b/iu;
const NOT_DONE = /\((?:in progress|wip|todo|to do|pending|ongoing|open|planned)\)/i;
/** A done marker at the end of the text ("… (Completed)", "… ✅"), looked for in its last characters only. */
function doneAtEnd(text: string): { index: number; 0: string } | undefined {
  const from = Math.max(0, text.length - 80);
  const m = DONE_END.exec(text.slice(from));
  return m ? { index: from + m.index, 0: m[0] } : undefined;
}

/** Subsections of a follow-up section that hold something else. */
const OTHER_KINDS: ReadonlySet<string> = new Set(['timeline', 'lessonsLearned', 'summary', 'impact']);
/** "Fixes", "Resolution": what fixed the incident (while "Mitigation" is a kind of follow-up there). */
const FIX_CUES: ReadonlySet<string> = new Set(['fix', 'the fix', 'resolution', 'how we fixed it', 'how it was fixed', 'remediation steps taken', 'immediate actions', 'resolution and recovery']);
/** A paragraph of a follow-up section is an item when it says what will (or should) be done… */
const INTENT = /\b(?:will|should|shall|must|could|plan(?:s|ned)?\s+to|need(?:s|ed)?\s+to|going to|intend|consider|entertain|propos(?:e|ed|al)|recommend|(?:have|has)\s+(?:already\s+)?(?:taken|added|implemented|started|created|extended|established|updated|introduced|begun)|(?:we(?:'re|’re|\s+are)|the\s+team\s+is)\s+(?:now\s+|currently\s+|also\s+|actively\s+)?(?:building|adding|creating|implementing|introducing|developing|writing|working\s+on|rolling\s+out|setting\s+up|migrating|automating))\b|^(?:add|create|implement|introduce|set up|update|document|write|ensure|make|move|review|improve|investigate|automate|monitor|alert|enable|require)\b/i;
/** …and not when it only says there is nothing to do, or argues a counterfactual. */
const NOT_AN_ITEM = /^(?:none|n\/a|nothing|tbd|todo|no\s|it(?:'s| is) (?:unclear|not clear)|if\s|had\s|this (?:was|is) (?:not|no))/i;
/** A reference cell that is only a done word (often a link's text: "[Utført](…/commit/…)"). */
const DONE_REFERENCE = new RegExp(String.raw`^(?:done|completed?|closed|fixed|resolved|merged|shipped|utført|gjort|ferdig|${CHECK_MARK})\.?$`, 'iu');
/** A line that is only a done word ("✅ Done:", "**Completed**", "Gjort:"), above the list it marks. */
const DONE_GROUP_LABEL = /^(?:done|completed?|finished|fixed|already done|gjort|utført|ferdig)$/i;
const GROUP_DONE = /^(?:done|completed?|finished|closed|resolved|already (?:done|completed|fixed)|actions? taken|fixed|gjort|utført|ferdig)(?![\p{L}])/iu;

/** Regions to read: follow-up sections, and the blocks nested in (or following) a follow-up label. */
interface Region {
  from: number;
  to: number;
  /** A block whose own text (after its label) is the one item of the region. */
  labelItem?: number;
  /** The item is the block's whole text (a commitment), not what follows a label. */
  whole?: boolean;
  /** Items of this region are done ("**Actions taken:**"). */
  done?: string;
  /** The item is this sentence of the block (plain-text offsets). */
  span?: [number, number];
  /** Under a label such as "**Actions taken:**": its paragraphs are items whatever their wording. */
  labelled?: boolean;
  /** A follow-up section whose heading asks what could be done: its entries are proposals. */
  proposed?: boolean;
}

/** "What could be done to avoid this?", "What should we change?", "How can we prevent it?": a heading asking for proposals. */
const PROPOSAL_HEADING = /\b(?:could|should|would|might|can)\s+(?:we|be|have)\b/i;

/** "We've since made a PR to …", "We have since added an alert …": follow-up work already done, told after the incident. */
const DONE_SINCE = /^(?:we(?:'ve|’ve|\s+have)|the\s+team\s+has)\s+since\s+(?:made|added|created|opened|filed|submitted|updated|fixed|changed|implemented|introduced|set\s+up|written|documented|deployed|rolled\s+out|migrated|moved|enabled|configured|improved|raised|increased)\b/i;

/** Words that may open a commitment before its subject: "Lastly,", "Going forward,". */
const FOLLOW_UP_LEAD = /^(?:lastly|additionally|also|finally|next|going forward|in the future|moving forward|in addition|as a follow[- ]up),?\s+/i;
/** "We will …", "We'll …", "We are going to …", after FOLLOW_UP_LEAD if there is one. */
const COMMITMENT_BODY = /^(?:we\s+(?:will|are going to|plan to|intend to|are planning to|are committed to)|we'll|we're going to)\s+\p{L}/iu;
/** Length of the lead words ("Going forward, ") that open `text`, or 0. */
const leadLength = (text: string): number => FOLLOW_UP_LEAD.exec(text)?.[0].length ?? 0;
const isCommitment = (text: string): boolean => COMMITMENT_BODY.test(text.slice(leadLength(text)));
/** An entry of a checklist about the write-up, not the system: "Sections above are filled out", "Incident title … is cleaned up". */
const WRITE_UP_CHECK = /^(?:(?:all\s+)?(?:the\s+)?sections?\s+(?:above|below)\s+(?:are|have\s+been)\s+(?:filled|completed|written)|(?:the\s+)?incident\s+title\b|(?:all\s+)?(?:the\s+)?actionable\s+items\s+(?:above|below)\b|(?:the\s+)?incident\s+has\s+been\s+dealt\s+with\b)|\b(?:after[- ]action|incident|post-?mortem)\s+report\s+(?:is|has\s+been)\s+(?:cleaned|written|reviewed|published|shared)\b|\b(?:this|the)\s+(?:report|document|post-?mortem|write-?up)\s+(?:is|has\s+been)\s+(?:reviewed|published|shared|cleaned|completed)\b/i;
/** "We will focus on the default network for the remainder of the post-mortem" ("remainer", as one real post-mortem spells it), "we'll describe the bug below": a promise about the write-up, not work. */
const ABOUT_THE_TEXT = /\b(?:rest|remainder|remainer)\s+of\s+(?:this|the)\s+(?:post|post-?mortem|document|report|write-?up|article|blog)\b|\bin\s+this\s+(?:post|section|document|report|write-?up|article)\b|\bin\s+the\s+(?:next|following)\s+section\b|^(?:[\p{L} ,]{0,30})?(?:we\s+(?:will|are going to)|we'll|we're going to)\s+(?:now\s+|first\s+|briefly\s+)?(?:describe|explain|outline|summari[sz]e|recap|elaborate\s+on|go\s+into)\s+[^.;]{0,80}?\b(?:below|later(?:\s+in\s+this)?|further\s+down)\b/iu;
/** "We will post updates as they become available", "we will continue to monitor": a status page's promise to keep people informed while it lasts, not follow-up work. */
const STATUS_PROMISE = /\b(?:post|provide|share|publish)\s+(?:an?\s+|more\s+|further\s+|another\s+|the\s+next\s+)?updates?\b(?=[^.;]{0,40}\b(?:here|this\s+page|available|shortly|soon)\b)|\bas\s+(?:more\s+)?(?:information|details)\s+(?:becomes?|is|are)\s+available\b|\bkeep\s+(?:you|everyone|users|customers|people)\s+(?:updated|informed|posted|in\s+the\s+loop)\b|\bcontinue\s+to\s+monitor(?:\s+(?:the\s+situation|for\s+(?:further\s+|any\s+)?(?:issues|problems|errors)|closely))?\s*[.!]?\s*$|\bmonitor(?:ing)?\s+the\s+situation\b|\blet\s+(?:you|everyone|users|customers)\s+know\b|\bupdate\s+this\s+(?:page|post|status)\b/i;
/** "To prevent similar issues in the future, we've made a few changes:" before a list: the list's entries are the follow-ups. */
/** The column of a follow-up table that holds the items. */
const ITEM_COLUMN = /^(?:action\s*items?|follow[- ]?ups?|follow[- ]?up\s+(?:items?|actions?|tasks?)|remediation\s+(?:items?|actions?|tasks?)|corrective\s+actions?|preventive\s+actions?|next\s+steps?)$/i;
const FOLLOW_UP_INTRO = /\b(?:to (?:prevent|avoid|reduce the (?:risk|chance|likelihood) of)\b[^:]{0,80}\b(?:again|recurr\w*|similar|happening|future)|(?:prevent|avoid)(?:ing)? (?:this|similar|a recurrence|recurrences?|such)\b|going forward|moving forward|next steps|follow[- ]ups?\b|action items|remediation (?:steps|items|plan)|(?:will|are going to|plan to)\b[^:.]{0,40}\b(?:address|do|implement|tackle|work on|take on|complete)\b[^:.]{0,20}\bthe following)\b[^:]{0,120}:$/iu;
/** "The bugs found in this incident will be added as static test cases": work promised in the passive. */
const PASSIVE_COMMITMENT = /^(?:(?:lastly|additionally|also|finally|going forward|in the future|moving forward|in addition),?\s+)?(?:the|these|this|those|a|an|all|our|more|new)\s(?:[\p{L}\p{N}'’-]+\s){0,8}?(?:will|is going to|are going to)\s+be\s+(?:added|created|implemented|introduced|updated|documented|written|extended|improved|automated|monitored|migrated|moved|replaced|rotated|tested|enabled|enforced|set up|scheduled|reviewed|published|built|deployed|rolled out)\b/iu;
/** Verbs that open a sub-heading naming follow-up work: "#### Increase Clarity of Assertions". */
const ACTION_VERBS = new Set(
  'adjust align apply deal get pass put rework reuse take try archive assign backup benchmark block conduct delete disable drop give hire hold inform label measure page perform profile prototype purchase record renew reproduce research send setup survey tag train warn add adopt alert allow analyse analyze announce ask audit automate avoid backfill backport build bump cache cap change check clarify clean communicate configure consolidate contact coordinate create decide define deploy deprecate design develop discuss document draft drain enable enforce ensure escalate establish evaluate expand explore extend finalize fix follow harden implement improve include increase integrate introduce investigate isolate keep limit look lower make merge migrate monitor move notify patch pause pin plan prepare prevent prioritize provide publish raise reach reconcile reduce refactor remove replace require restore restrict retry review revisit rewrite rotate run scale schedule separate set share simplify split standardise standardize start stop streamline support switch sync talk test throttle track tune update upgrade use validate verify write'.split(' '),
);

/** Section kind around each block (kinded sections are disjoint, so this is linear). */
function kindsOf(blocks: Block[], sections: Section[]): Array<Section['kind']> {
  const kinds: Array<Section['kind']> = new Array(blocks.length).fill(undefined);
  for (const s of sections) if (s.kind) for (let b = s.block; b < s.blockEnd; b++) kinds[b] = s.kind;
  return kinds;
}

/** A titled item whose details follow as a list: "Jump Server Access: Configure external jump server access, allowing:". */
const TITLED_ITEM_INTRO = /^\p{Lu}[\p{L}\p{N}'’-]*(?:\s\p{Lu}[\p{L}\p{N}'’-]*){0,3}:\s+\p{L}[^:]*:$/u;

/** A label naming a document of follow-ups ("Follow-up roadmap", "Action items doc"). */
const POINTER_LABEL = /\b(?:roadmap|docs?|documents?|tracker|epic|board|page|notes|plan|planning|spreadsheet|sheet|dashboard|log|link|links|file)\W*$/i;
/** A paragraph that introduces a legend ("Types:", "action items should have assigned priority:"), not a list of follow-ups. */
const LEGEND_INTRO = /\b(?:types?|categor(?:y|ies)|priorit(?:y|ies)|legend|levels?|severit(?:y|ies)|statuse?s?|labels?)\s*:\s*$/i;

/** A paragraph that turns to the reader ("Here are a few things you can do to protect your account:"): the list after it is advice, not the team's follow-ups. */
const READER_ADVICE_INTRO = /\b(?:you|users|customers)\s+(?:can|could|should|may|might|must)\b[^:]*:\s*$|\bwe\s+(?:recommend|encourage|advise|suggest|urge)\s+(?:that\s+)?(?:you|all\s+users|users|customers)\b[^:]*:\s*$/i;

/** A legend's entry: a term of up to three words, a dash or colon, its meaning ("P0 - Critical for the release"). */
const LEGEND_ENTRY = /^[\p{L}\p{N}_-]{1,20}(?:\s[\p{L}\p{N}_-]{1,20}){0,2}\s*[-–—:]\s+\S/u;

export function extractActionItems(blocks: Block[], sections: Section[], ctx: ActionContext): { items: ActionItem[]; found: FoundPart[] } {
  const regions: Region[] = [];
  const found: FoundPart[] = [];
  const covered = new Uint8Array(blocks.length);
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    if (section.kind !== 'actionItems') continue;
    if (covered[section.block]) continue;
    // A subsection of another kind ("### Identified Problems:") is left out: its entries are not follow-ups.
    let from = section.block + 1;
    // "What could be done to avoid this in future?": its entries are proposals, open unless marked done.
    const proposed = PROPOSAL_HEADING.test(section.heading) ? { proposed: true } : {};
    for (let j = i + 1; j < sections.length && sections[j].block < section.blockEnd; j++) {
      const inner = sections[j];
      if (!inner.kind || inner.kind === 'actionItems' || inner.block < from) continue;
      if (inner.block > from) regions.push({ from, to: inner.block, ...proposed });
      from = inner.blockEnd;
    }
    if (from < section.blockEnd) regions.push({ from, to: section.blockEnd, ...proposed });
    for (let b = section.block; b < section.blockEnd; b++) covered[b] = 1;
  }
  for (let b = 0; b < blocks.length; b++) {
    if (covered[b]) continue;
    const block = blocks[b];
    if (labelKind(block) !== 'actionItems') continue;
    const lead = leadingLabel(block)!;
    const rest = trimInline(sliceInline(block.inline, lead.end, block.inline.text.length));
    const done = /\b(?:taken|done|completed?|finished)\b/i.test(lead.text) ? lead.text : undefined;
    // "- Follow-up roadmap: `docs/planning/….md`" among the references: where the follow-ups are written, not one of them.
    if (POINTER_LABEL.test(lead.text) && /^\S+$/.test(rest.text.trim())) continue;
    found.push({ kind: 'actionItems', how: 'label', block: b, label: lead.text });
    let end = b + 1;
    while (end < blocks.length && blocks[end].start < block.end) end++;
    const nestedItems = blocks.slice(b + 1, end).some((x) => x.kind === 'listItem' || x.kind === 'table');
    if (!nestedItems && rest.text) {
      // "**Action taken:** This disclosure process is now documented": the label's own text is the item.
      regions.push({ from: b, to: b + 1, labelItem: b, ...(done ? { done } : {}) });
      covered[b] = 1;
      continue;
    }
    if (!nestedItems) {
      // "- **Review actions**:" with the list after it: up to the next heading or label.
      while (end < blocks.length && blocks[end].kind !== 'heading' && !labelKind(blocks[end]) && !(blocks[end].listDepth < block.listDepth)) end++;
    }
    regions.push({ from: b + 1, to: end, labelled: true, ...(done ? { done } : {}) });
    for (let c = b; c < end; c++) covered[c] = 1;
  }
  const kindOf = kindsOf(blocks, sections);
  // A table headed like a list of follow-ups ("| Action Item | Owner |") is one wherever it is.
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (covered[b] || block.kind !== 'table' || block.quoteDepth > 0 || kindOf[b] === 'timeline') continue;
    if (!(block.header ?? []).some((cell) => ITEM_COLUMN.test(cell.inline.text.replace(/[*_`]/g, '').trim()))) continue;
    regions.push({ from: b, to: b + 1, labelled: true });
    covered[b] = 1;
    found.push({ kind: 'actionItems', how: 'content', block: b, label: 'a table of action items' });
  }
  // Commitments are action items wherever they are written: "We will add monitoring for replica lag."
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (covered[b] || (block.kind !== 'listItem' && block.kind !== 'paragraph') || block.quoteDepth > 0) continue;
    if (kindOf[b] === 'timeline') continue;
    const text = block.inline.text;
    const sentences = block.kind === 'paragraph' ? sentenceSpans(text) : [];
    const last = sentences.length ? text.slice(sentences[sentences.length - 1][0], sentences[sentences.length - 1][1]).trim() : '';
    if (/:$/.test(last) && (isCommitment(last) || FOLLOW_UP_INTRO.test(last)) && (blocks[b + 1]?.kind === 'listItem' || blocks[b + 1]?.kind === 'table') && !covered[b + 1]) {
      // "Going forward, we will do the following:" and a list (or "…created follow up action items:" and a table): the
      // entries are the items (in any section).
      let end = b + 1;
      if (blocks[end].kind === 'table') end++;
      else while (end < blocks.length && blocks[end].kind === 'listItem') end++;
      regions.push({ from: b + 1, to: end, labelled: true });
      covered.fill(1, b, end);
      continue;
    }
    if (kindOf[b] === 'summary' || kindOf[b] === 'impact') continue;
    if (block.kind === 'listItem') {
      if (!isCommitment(text) || ABOUT_THE_TEXT.test(text) || STATUS_PROMISE.test(text)) continue;
      regions.push({ from: b, to: b + 1, labelItem: b, whole: true });
      covered[b] = 1;
      continue;
    }
    // In a paragraph, each sentence that promises work is an item of its own.
    let promised = 0;
    for (const span of sentences) {
      const sentence = text.slice(span[0], span[1]).trim();
      // "…we will do the following:" introduces the items; "we will be notified" promises nothing.
      if (/:\s*$/.test(sentence) || /\bwill be (?:let|able|notified|alerted|informed|told)\b/i.test(sentence) || ABOUT_THE_TEXT.test(sentence) || STATUS_PROMISE.test(sentence)) continue;
      const done = DONE_SINCE.exec(sentence);
      if (!done && !isCommitment(sentence) && !PASSIVE_COMMITMENT.test(sentence)) continue;
      regions.push({ from: b, to: b + 1, labelItem: b, whole: true, span, ...(done ? { done: done[0] } : {}) });
      promised++;
    }
    if (promised) covered[b] = 1;
  }
  regions.sort((a, b) => a.from - b.from);
  const items: ActionItem[] = [];
  for (const region of regions) {
    const first = items.length;
    readRegion(region, blocks, ctx, items);
    // A proposal reads like a report ("Automated integration testing for …"): only an explicit mark makes it done.
    if (region.proposed) for (let k = first; k < items.length; k++) reopenPastTense(items[k]);
  }
  return { items, found };
}

/** An item taken as done only because it reads in the past tense is open again (where the wording cannot say it is done). */
function reopenPastTense(item: ActionItem): void {
  if (item.doneMarker !== 'past tense') return;
  item.done = false;
  delete item.doneMarker;
}

function readRegion(region: Region, blocks: Block[], ctx: ActionContext, items: ActionItem[]): void {
  const { from, to } = region;
  let topDepth = Infinity;
  let hasStructure = false;
  for (let b = from; b < to; b++) {
    const block = blocks[b];
    if (block.kind === 'listItem' && block.quoteDepth === 0) topDepth = Math.min(topDepth, block.listDepth);
    if (block.kind === 'listItem' || block.kind === 'table') hasStructure = true;
  }
  // Which stretches between sub-headings hold a list or a table: prose under a sub-heading of its own is read even
  // when another sub-heading of the section holds a list ("### Prevention" in prose beside "### Detection" as a list).
  const listedHere = new Uint8Array(to - from);
  if (hasStructure) {
    let start = from;
    let listed = false;
    for (let b = from; b <= to; b++) {
      if (b === to || blocks[b].kind === 'heading') {
        if (listed) listedHere.fill(1, start - from, b - from);
        start = b;
        listed = false;
      } else if (blocks[b].kind === 'listItem' || blocks[b].kind === 'table') listed = true;
    }
  }
  if (region.labelItem !== undefined) {
    // "- **Review actions**: We switched to a token (Done)": the label's own text is the item.
    const label = blocks[region.labelItem];
    const lead = region.whole ? undefined : leadingLabel(label);
    const rest = region.span ? trimInline(sliceInline(label.inline, region.span[0], region.span[1])) : lead ? trimInline(sliceInline(label.inline, lead.end, label.inline.text.length)) : label.inline;
    if (rest.text) {
      const [start, end] = region.span ? sourceSpan(rest, 0, rest.text.length) : [label.start, label.end];
      const item = listItem(region.labelItem, label, ctx, { inline: rest, start, end });
      // A promise is open work: "will be added" is not past tense.
      if (region.whole) reopenPastTense(item);
      if (label.kind === 'paragraph') item.form = 'paragraph';
      if (!item.done && region.done) markDone(item, region.done);
      items.push(item);
    }
    return;
  }
  let groupDone: string | undefined = region.done;
  let groupDepth = 0;
  /** Where the list after a "✅ Done:" line ends, or -1. */
  let doneGroupEnd = -1;
  const firstItem = items.length;
  const skipped = new Uint8Array(to - from);
  /** Items of a group label ("Short term:", "**Completed**") are the group's nested items. */
  const groupItems = new Set<number>();
  const doneGroups = new Map<number, string>();
  for (let b = from; b < to; b++) {
    const block = blocks[b];
    // Past the list of a "✅ Done:" line, before anything else reads this block (a "### Completed" heading sets its own group).
    if (doneGroupEnd !== -1 && b >= doneGroupEnd) {
      groupDone = region.done;
      doneGroupEnd = -1;
    }
    if (skipped[b - from]) continue;
    if (block.kind === 'heading') {
      // "### Fixes" (what resolved the incident) or "### Lessons" inside a follow-up section: not follow-ups.
      // A sub-heading written as a sentence names a topic of the follow-ups ("### Deleting things can have unintended
      // consequences"), not another part, unless its words name one strongly.
      const other = matchSectionHeading(block.inline.text);
      const topic = other !== undefined && other.score < 3.5 && headingWords(block.inline.text).length > 4;
      if (other && !topic && (OTHER_KINDS.has(other.kind) || (other.kind === 'resolution' && FIX_CUES.has(other.cue))) && !GROUP_DONE.test(block.inline.text.trim())) {
        let skipTo = b + 1;
        while (skipTo < to && !(blocks[skipTo].kind === 'heading' && (blocks[skipTo].depth ?? 6) <= (block.depth ?? 6))) skipTo++;
        skipped.fill(1, b - from, skipTo - from);
        continue;
      }
      // "### Completed" marks the items under it done, up to a heading of the same level.
      if (groupDone && groupDepth && (block.depth ?? 6) <= groupDepth) groupDone = region.done;
      if (GROUP_DONE.test(block.inline.text.trim())) {
        groupDone = block.inline.text.trim();
        groupDepth = block.depth ?? 6;
      }
      continue;
    }
    if (block.quoteDepth > 0) continue;
    if (block.kind === 'table') {
      readTable(b, block, ctx, items, groupDone);
      continue;
    }
    // "Here are a few things you can do to help protect your account:" and a list: advice to the reader, not follow-ups.
    if (block.kind === 'paragraph' && READER_ADVICE_INTRO.test(block.inline.text) && blocks[b + 1]?.kind === 'listItem') {
      let c = b + 1;
      while (c < to && blocks[c].kind === 'listItem') c++;
      skipped.fill(1, b + 1 - from, c - from);
      continue;
    }
    // "Action items fall under three types. Types:" and a list of the types: a legend, not follow-ups.
    if (block.kind === 'paragraph' && LEGEND_INTRO.test(block.inline.text) && blocks[b + 1]?.kind === 'listItem') {
      let c = b + 1;
      while (c < to && blocks[c].kind === 'listItem') c++;
      if (blocks.slice(b + 1, c).every((entry) => entry.listDepth > blocks[b + 1].listDepth || LEGEND_ENTRY.test(entry.inline.text))) {
        skipped.fill(1, b + 1 - from, c - from);
        continue;
      }
    }
    // "✅ Done:" or "**Completed**" on a line of its own above a list: that list's items are done.
    if (block.kind === 'paragraph' && block.inline.text.length <= 40 && blocks[b + 1]?.kind === 'listItem') {
      const label = trimTrailing(block.inline.text.replace(/^[\p{Extended_Pictographic}\uFE0F\s*_]+/u, ''), '*_: ');
      if (DONE_GROUP_LABEL.test(label)) {
        groupDone = block.inline.text.trim();
        let c = b + 1;
        while (c < to && (blocks[c].kind === 'listItem' || blocks[c].listDepth > 0)) c++;
        doneGroupEnd = c;
        continue;
      }
    }
    // "We've established guiding criteria for disabling the system:" and a list of the criteria: one item; so is
    // "Jump Server Access: Configure external jump server access, allowing:" and the list of what it allows.
    const intro = block.kind === 'paragraph' && /:\s*$/.test(block.inline.text) && blocks[b + 1]?.kind === 'listItem';
    if (intro && ((region.labelled && /^(?:we|we've|we're|our|the team)\b/i.test(block.inline.text.trim())) || TITLED_ITEM_INTRO.test(block.inline.text.trim()))) {
      const item = listItem(b, block, ctx, { inline: trimInline(block.inline), start: block.start, end: block.end });
      item.form = 'paragraph';
      if (!item.done && groupDone) markDone(item, groupDone);
      items.push(item);
      let c = b + 1;
      while (c < to && blocks[c].kind === 'listItem') c++;
      skipped.fill(1, b + 1 - from, c - from);
      continue;
    }
    if (block.kind === 'listItem') {
      const top = block.listDepth === topDepth || groupItems.has(b);
      if (!top) continue;
      const nested = hasNestedItems(b, blocks);
      if (nested && isGroupLabel(block)) {
        // A group: its nested items are the items.
        const done = GROUP_DONE.test(block.inline.text.replace(/[*_:]/g, '').trim());
        for (let c = b + 1; c < blocks.length && blocks[c].start < block.end; c++) {
          if (blocks[c].kind !== 'listItem' || blocks[c].parent !== b) continue;
          groupItems.add(c);
          if (done) doneGroups.set(c, trimTrailing(block.inline.text, ': '));
        }
        continue;
      }
      if (/^(?:n\/a|none|nothing|tbd|todo|-+|—)\.?$/i.test(block.inline.text.trim())) continue;
      const item = listItem(b, block, ctx);
      const group = doneGroups.get(b) ?? groupDone;
      if (!item.done && group) markDone(item, group);
      items.push(item);
    }
  }
  // A template's checklist for the write-up itself ("Sections above are filled out", "All actionable items above have linked
  // GitHub Issues"): when every entry is one, none is follow-up work.
  if (items.length - firstItem >= 2 && items.slice(firstItem).every((item) => WRITE_UP_CHECK.test(item.text))) items.length = firstItem;
  // "Ed to create …" beside "Ed and Caroline to write …" are minutes; a lone "Alerts to page the on-call" names a thing.
  const minutes = items.slice(firstItem).filter((item) => MINUTES_OWNERS.has(item)).length;
  if (minutes < 2) for (const item of items.slice(firstItem)) if (SINGLE_NAME_OWNERS.has(item)) dropOwner(item);
  if (!hasStructure && readHeadingItems(from, to, blocks, skipped, ctx, items, groupDone)) return;
  // A follow-up section written as paragraphs: each one that says what will be done, or points to the issue that
  // tracks the work ("[This issue](…/issues/6451) tracks that effort"), is an item; so is such a pointing paragraph
  // under a sub-heading of its own beside a list.
  const listed = items.length;
  for (let b = from; b < to; b++) {
    const block = blocks[b];
    if (block.kind !== 'paragraph' || skipped[b - from] || listedHere[b - from]) continue;
    const text = block.inline.text.trim();
    if (/:\s*$/.test(text) || text.split(/\s+/).length < 4 || NOT_AN_ITEM.test(text)) continue;
    const tracked = block.inline.links.some((link) => TICKET_URL.test(link.url));
    // Beside a list, prose is commentary on it unless it points to the issue that tracks its own work.
    if (hasStructure ? !tracked : !region.labelled && !INTENT.test(text) && !tracked) continue;
    // A paragraph written one sentence per line: each line is an item of its own.
    for (const [start, end] of sentenceLines(block.inline.text) ?? [[0, block.inline.text.length]]) {
      const inline = trimInline(sliceInline(block.inline, start, end));
      const whole = start === 0 && end === block.inline.text.length;
      const [s, e] = whole ? [block.start, block.end] : sourceSpan(inline, 0, inline.text.length);
      const item = listItem(b, block, ctx, { inline, start: s, end: e });
      item.form = 'paragraph';
      if (!item.done && region.done) markDone(item, region.done);
      items.push(item);
    }
  }
  // Prose items beside listed ones: all in the order of the document.
  if (listed > firstItem && items.length > listed) {
    const ordered = items.slice(firstItem).sort((a, b) => a.block - b.block);
    for (let k = 0; k < ordered.length; k++) items[firstItem + k] = ordered[k];
  }
}

/**
 * The lines of a paragraph written one sentence per line ("A temporary exclusion was added.⏎Cloud Platform
 * 3.0 will contain…"): at least two lines, each but the last ending a sentence, each starting with a capital
 * and at least four words long. Soft-wrapped prose (lines that end mid-sentence) gives undefined.
 */
const CONTINUES = /^(?:it|its|this|that|these|those|they|there|then|however|but|and|or|so|also|thus|hence|therefore|otherwise|instead|here)\b/i;

function sentenceLines(text: string): Array<[number, number]> | undefined {
  if (!text.includes('\n')) return undefined;
  const spans: Array<[number, number]> = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    spans.push([start, end]);
    if (nl === -1) break;
    start = nl + 1;
  }
  const ok = spans.every(([a, b], i) => {
    const line = text.slice(a, b).trim();
    return /^[\p{Lu}\p{N}]/u.test(line) && line.split(/\s+/).length >= 4 && (i === spans.length - 1 || /[.!?]$/.test(line));
  });
  if (!ok) return undefined;
  // A line that refers back ("It probably increases CI time…") goes on with the line before it.
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    if (merged.length && CONTINUES.test(text.slice(span[0], span[1]).trim())) merged[merged.length - 1][1] = span[1];
    else merged.push(span);
  }
  return merged.length >= 2 ? merged : undefined;
}

/**
 * A follow-up section whose sub-headings name the work ("#### Increase Clarity of Assertions", prose
 * below): each sub-heading that opens with a verb is an item, and the prose is its detail. Returns
 * whether the region is written that way.
 */
function readHeadingItems(from: number, to: number, blocks: Block[], skipped: Uint8Array, ctx: ActionContext, items: ActionItem[], groupDone: string | undefined): boolean {
  let depth = Infinity;
  for (let b = from; b < to; b++) if (blocks[b].kind === 'heading' && !skipped[b - from]) depth = Math.min(depth, blocks[b].depth ?? 6);
  const headings: number[] = [];
  for (let b = from; b < to; b++) if (blocks[b].kind === 'heading' && !skipped[b - from] && blocks[b].depth === depth) headings.push(b);
  const named = headings.filter((b) => {
    const first = /^[\p{L}]+/u.exec(blocks[b].inline.text.replace(/^[^\p{L}]+/u, ''))?.[0].toLowerCase();
    return first !== undefined && ACTION_VERBS.has(first) && !GROUP_DONE.test(blocks[b].inline.text.trim());
  });
  // Titles of work with their prose below ("### Mirror production closer in the CI cycle", "### Better documentation"):
  // two or more short sub-headings, none of them another kind of section, are the items.
  const titled = headings.length >= 2 && headings.every((b) => blocks[b].inline.text.split(/\s+/).length <= 12 && !matchSectionHeading(blocks[b].inline.text) && !GROUP_DONE.test(blocks[b].inline.text.trim()));
  if (named.length === 0 && !titled) return false;
  for (const b of named.length ? named : headings) {
    const block = blocks[b];
    const item = listItem(b, block, ctx, { inline: trimInline(block.inline), start: block.start, end: block.end });
    item.form = 'heading';
    if (!item.done && groupDone) markDone(item, groupDone);
    items.push(item);
  }
  return true;
}

function dropOwner(item: ActionItem): void {
  item.owner = null;
  delete item.ownerRange;
}

/** Written as already done, and not as a plan or an imperative ("Scale coreDNS dynamically based on…"). */
function readsAsDone(text: string): boolean {
  if (!DONE_TENSE.test(text) || TRACKED_ONLY.test(text) || ONLY_TALKED.test(text) || NOT_DONE.test(text)) return false;
  const opening = text.split(/\s+/).slice(0, 12).join(' ');
  if (NOT_YET_DONE.test(opening) || STILL_TO_DO.test(text)) return false;
  // "Always set a billing alert …", "Regularly perform tested backups": an imperative after an adverb.
  const first = /^(?:(?:always|never|also|regularly|periodically|please|immediately|consistently|automatically|proactively)\s+)?([\p{L}]+)/iu.exec(text.trim())?.[1].toLowerCase();
  return first === undefined || !ACTION_VERBS.has(first);
}

function hasNestedItems(b: number, blocks: Block[]): boolean {
  for (let c = b + 1; c < blocks.length && blocks[c].start < blocks[b].end; c++) if (blocks[c].kind === 'listItem' && blocks[c].parent === b) return true;
  return false;
}

/** "Short term:", "**Completed**", "Engineering" above a nested list. */
function isGroupLabel(block: Block): boolean {
  const text = block.inline.text.trim();
  if (!text) return true;
  // "We've established guiding criteria for disabling the system:" is an item with its details below.
  if (/^(?:we|we've|we're|our|i|the team)\b/i.test(text)) return false;
  // "A better process for flagging erupting fires quickly:" names one item, and the list below is its detail.
  if (/^(?:a|an)\s/i.test(text)) return false;
  if (/:$/.test(text) && text.split(/\s+/).length <= 8) return true;
  if (block.leadEmphasis > 0 && block.leadEmphasis >= trimTrailing(text, ': ').length - 1 && text.split(/\s+/).length <= 6) return true;
  return text.split(/\s+/).length <= 3 && !/[.!?]$/.test(text) && matchSectionHeading(text) !== undefined;
}

function markDone(item: ActionItem, marker: string): void {
  item.done = true;
  item.doneMarker = marker;
}

function listItem(b: number, block: Block, ctx: ActionContext, override?: { inline: InlineText; start: number; end: number }): ActionItem {
  const { lines } = ctx;
  const inline = override?.inline ?? block.inline;
  const start = override?.start ?? block.start;
  const end = override?.end ?? block.end;
  let text = inline;
  let doneMarker: string | undefined;
  if (block.checked === true) doneMarker = '[x]';
  const lead = DONE_START.exec(text.text);
  if (lead && !doneMarker) {
    doneMarker = lead[0].trim();
    text = trimInline(sliceInline(text, lead[0].length, text.text.length));
  }
  const tail = doneAtEnd(text.text);
  if (tail && !NOT_DONE.test(text.text)) {
    doneMarker ??= tail[0].trim();
  }
  if (!doneMarker && inline.struck) doneMarker = '~~struck~~';
  if (!doneMarker && DONE_WORD.test(text.text) && !NOT_DONE.test(text.text)) doneMarker = 'DONE';
  if (!doneMarker && block.checked !== false && readsAsDone(text.text)) doneMarker = 'past tense';
  if (!doneMarker && block.checked !== false && !NOT_DONE.test(text.text)) {
    const after = DONE_AFTER.exec(text.text.slice(Math.max(0, text.text.length - 120)));
    if (after) doneMarker = after[0].replace(/^[\s.!;]+/, '').trim();
  }
  const plain = oneLineText(text.text);
  const { from: taskFrom, to: taskTo } = taskSpan(plain, tail ? tail.index : plain.length);
  const taskPlain = plain.slice(taskFrom, taskTo).trim();
  const at = taskPlain ? plain.indexOf(taskPlain, taskFrom) : -1;
  const [taskStart, taskStop] = taskPlain ? sourceSpan(text, at, at + taskPlain.length) : [start, start];
  let doneMarkerRange: Range | undefined;
  if (block.checked !== null && block.checked !== undefined) {
    const box = ctx.lines.text.slice(block.start, Math.min(block.end, block.start + 40)).indexOf('[');
    if (box !== -1) doneMarkerRange = lines.range(block.start + box, block.start + box + 3);
  }
  const action: ActionItem = {
    text: cleanText(taskPlain || plain),
    owner: null,
    due: null,
    dueRaw: null,
    dueInvalid: false,
    done: doneMarker !== undefined,
    tickets: ticketsOf(text),
    range: lines.range(start, end),
    textRange: lines.range(taskStart, taskStop),
    form: 'task',
    block: b,
    ...(doneMarker ? { doneMarker } : {}),
    ...(doneMarkerRange ? { doneMarkerRange } : {}),
  };
  readOwner(text, action, ctx);
  readDeadline(text, action, ctx, false);
  return action;
}

/**
 * The task proper: the text before a separator that introduces the owner or the deadline
 * ("Add alerting — @sam, due 2026-04-01"), or after a leading ticket ("#27110 - Test the plugins").
 */
function taskSpan(plain: string, end: number): { from: number; to: number } {
  let from = 0;
  const ticket = /^(?:[\w.-]{1,40}\/[\w.-]{1,60}#\d{1,7}|#\d{1,7}|[A-Z][A-Z0-9]{1,9}-\d{1,7})\s*(?:[-–—:]\s+)/.exec(plain);
  if (ticket) from = ticket[0].length;
  const rest = plain.slice(from, end);
  const separator = SEPARATOR.exec(rest);
  if (separator) {
    const tail = rest.slice(separator.index + separator[0].length);
    if (/^\(|^\s*@|\b(?:owners?|assignee|assigned|due|deadline|by\s+\d)|^[\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+)?\s*(?:[,;(]|$)/u.test(tail) || DATE_ANYWHERE.test(tail)) return { from, to: from + separator.index };
  }
  return { from, to: end };
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function ticketsOf(inline: InlineText): string[] {
  const found = [...inline.text.matchAll(TICKETS)].map((m) => m[0]);
  for (const link of inline.links) {
    if (!TICKET_URL.test(link.url)) continue;
    const label = inline.text.slice(link.start, link.end).trim();
    found.push(/^(?:#\d+|[A-Z][A-Z0-9]+-\d+)$/.test(label) ? label : link.url);
  }
  return [...new Set(found)];
}

/** "Ed to …", "Ed and Caroline to …", "Developers to …": capitalised names (or one plural) before "to" and a verb. */
const OWNER_TO = /^(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?(?:(?:\s*,\s*|\s+(?:and|&)\s+)\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?){0,3})\s+to\s+(\p{Ll}[\p{Ll}-]+)\b/u;
/** Openings that take "to" without naming anyone: "Need to …", "Time to …", "Steps to …". */
const NOT_AN_OWNER_TO = /^(?:Leads?|Results?|Causes?|Relates?|Belongs?|Applies|Refers?|Need|Needs|Going|Time|Ways?|Steps?|How|Plans?|Continue|Up|Due|Unable|Able|Failed|Back|Refer|Reply|Response|Responses|Changes?|Access|Updates?|Improvements?|Links?|Moving|Trying|Try|Want|Wants|Nothing|Something|Everything|Nobody|Somebody|Everyone|Someone|Anyone|We|They|It|This|That|There|Work|Tasks?|Ticket|Tickets|Option|Options|Also|Then|Next|Later|Today|Tomorrow)(?:\s|$)/;
/** Verbs of assigned work beyond ACTION_VERBS: "to come up with", "to chase", "to own". */
const ASSIGNED_VERBS = new Set(['come', 'chase', 'own', 'organise', 'organize', 'arrange', 'book', 'sort', 'speak', 'liaise', 'confirm', 'find', 'pick', 'work']);
/** People by their role, as one word: "Developers to come up with …". */
const PLURAL_ROLES = /^(?:Developers|Devs|Engineers|SREs|Admins|Operators|Maintainers|Reviewers|Testers|Designers|Managers)$/;
/** Items whose owner is written in the minutes' form ("Ed to …", "Ed and Caroline to …"). */
const MINUTES_OWNERS = new WeakSet<ActionItem>();
/** …of them, those whose owner is one capitalised word ("Ed to create …"): an owner only when another item of the list has the form. */
const SINGLE_NAME_OWNERS = new WeakSet<ActionItem>();
/** "The drand team will patch …", "Platform team is going to …": a team that opens the item as the one who will do it. */
const SUBJECT_TEAM = /^((?:[Tt]he|[Oo]ur)\s+(?:[\p{L}\p{N}-]+\s+){1,2}?(?:[Tt]eam|[Ss]quad)|(?!(?:A|An|Each|Every|Which|What|This|That|These|Those|Any|No|Some|One|Another|The|Our|Their|Its|Your|His|Her|My)\s)\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*)?\s+(?:[Tt]eam|[Ss]quad))\s+(?:will|shall|is going to|plans? to)\s/u;

function readOwner(inline: InlineText, action: ActionItem, ctx: ActionContext): void {
  const raw = inline.text;
  const phrase = OWNER_PHRASE.exec(raw);
  const stop = phrase ? phrase[1].search(OWNER_END) : -1;
  const captured = phrase ? phrase[1].slice(0, stop === -1 ? undefined : stop) : '';
  if (phrase && !EMPTY_CELL.test(captured.trim())) {
    const name = trimTrailing(captured.trim(), '.)');
    const at = raw.indexOf(name, phrase.index);
    setOwner(action, name, inline, ctx, at, at + name.length);
    return;
  }
  const handle = HANDLE.exec(raw);
  if (handle) {
    setOwner(action, `@${handle[1]}`, inline, ctx, handle.index, handle.index + handle[0].length);
    return;
  }
  // Minutes' form: "Ed to create some docs around incidents", "Ed and Caroline to write a list …", "Developers to come up with …".
  const assigned = OWNER_TO.exec(raw);
  // One word ending in "s" is a plural thing ("Alerts to page …", "Dashboards to track …") unless it is a role.
  const single = assigned !== null && !/\s/.test(assigned[1]) && !PLURAL_ROLES.test(assigned[1]);
  if (assigned && !(single && (/s$/.test(assigned[1]) || /^\p{Lu}+$/u.test(assigned[1]))) && !ACTION_VERBS.has(assigned[1].split(/\s+/)[0].toLowerCase()) && !NOT_AN_OWNER_TO.test(assigned[1]) && (ACTION_VERBS.has(assigned[2]) || ASSIGNED_VERBS.has(assigned[2]))) {
    setOwner(action, assigned[1], inline, ctx, assigned.index, assigned.index + assigned[1].length);
    MINUTES_OWNERS.add(action);
    // One word may be a thing ("Runbook to restore …", "CI to run …"): kept only where the form recurs in the list.
    if (single) SINGLE_NAME_OWNERS.add(action);
    return;
  }
  // After the same lead words as a commitment: "Going forward, the platform team will …".
  const lead = leadLength(raw);
  const team = SUBJECT_TEAM.exec(raw.slice(lead));
  if (team) {
    const at = lead + team.index;
    setOwner(action, team[1], inline, ctx, at, at + team[1].length);
    return;
  }
  // Meeting-notes forms at the end: "Move incident reports to team manual [DB]", "… [CF to write story]",
  // "Define acceptance tests : Chris F create story".
  const tail = TRAILING_OWNER.exec(raw);
  const name = tail?.[1] ?? tail?.[2];
  if (!tail || !name || NOT_AN_OWNER.test(name)) return;
  const at = tail.index + tail[0].indexOf(name);
  setOwner(action, name, inline, ctx, at, at + name.length);
}

/** The owner, and where it is written: `[from, to)` of the item's plain text, mapped back to the document. */
function setOwner(action: ActionItem, owner: string, inline: InlineText, ctx: ActionContext, from: number, to: number): void {
  action.owner = owner;
  const [s, e] = sourceSpan(inline, from, to);
  action.ownerRange = ctx.lines.range(s, e);
}

/** "[DB]", "[Chris F]", "[CF to write story]" ending an item, or " : Shared", " : Chris F create story" after it. */
const TRAILING_OWNER = /\[(\p{Lu}{2,4}|\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{L}'’-]*)?)(?:\s+to\s[^\]]{1,40})?\](?:\s*\[[^\]]{1,12}\])?\s*$|(?<=\S)\s:\s+(\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,2})(?:\s+\p{Ll}[^:]{0,40})?\s*$/u;
/** Bracketed tags that are not people: status, priority, severity, technology. */
const NOT_AN_OWNER = /^(?:WIP|TODO|DONE|TBD|TBA|NA|P[0-4]|SEV\d?|API|DNS|AWS|GCP|SSO|CI|CD|UI|UX|PR|MR|SLA|SLO|SLI|URL|HTTP|SQL|DB\s?\d|Draft|Done|Fixed|Open|Closed|Blocked|Optional|Later|Update|Edit|Note|Existing|New|Story|Ticket|Backlog|See|In|Needs|Pending|Ongoing|Complete|Completed|Started|Planned|Yes|No)$/;

function readDeadline(inline: InlineText, action: ActionItem, ctx: ActionContext, wholeCell: boolean): void {
  const raw = inline.text;
  let value: string | undefined;
  let at: number;
  if (wholeCell) {
    value = raw.trim();
    at = raw.indexOf(value);
    if (EMPTY_CELL.test(value)) return;
  } else {
    let match: { value: string; at: number } | undefined;
    for (const m of raw.matchAll(DUE_PHRASE)) {
      const date = DATE_AT_START.exec(m[2]);
      // "by" and "before" are ordinary English unless a date follows.
      if (!date && /^(?:by|before|until|eta)$/i.test(m[1])) continue;
      match = { value: trimTrailing(date ? date[0] : m[2], '.)'), at: (m.index ?? 0) + m[0].length - m[2].length };
      break;
    }
    if (!match) return;
    value = match.value;
    at = match.at;
    if (NOT_A_DEADLINE.test(value)) return;
  }
  action.dueRaw = value;
  const [s, e] = sourceSpan(inline, at, at + value.length);
  action.dueRange = ctx.lines.range(s, e);
  const parsed = parseDate(value, true);
  if (parsed?.ok) action.due = parsed.iso;
  else {
    action.dueInvalid = true;
    const reason = parsed && !parsed.ok ? `${parsed.reason}` : `\`${value}\` is not a date (write YYYY-MM-DD)`;
    ctx.problems.push({ code: 'action-item-deadline-invalid', message: `Deadline ${reason}.`, range: action.dueRange });
  }
}

// The Norwegian words are those of NAV's template (Aksjon | Type | Eier | Referanse; "Utført" when done).
const ACTION_HEADER = /^(?:action|actions|action items?|item|items|task|tasks|description|what|corrective action|fix|follow[- ]?ups?|remediation|issue|aksjon|aksjoner|aksjonspunkt|tiltak|oppgave)$/i;
const OWNER_HEADER = /^(?:owners?|assignees?|assigned(?: to)?|who|responsible|dri|lead|team|person|eier|ansvarlig)$/i;
const DUE_HEADER = /^(?:due|due date|deadline|when|date|target|target date|eta|by|frist)$/i;
const STATUS_HEADER = /^(?:status|done|state|complete|completed|progress|resolved\??|utført)$/i;
const TICKET_HEADER = /^(?:ticket|tickets|issue|issues|link|links|jira|tracking|pr|prs|pull request|bug|reference|referanse|lenke|sak)$/i;

function readTable(b: number, block: Block, ctx: ActionContext, items: ActionItem[], groupDone: string | undefined): void {
  const header = (block.header ?? []).map((c) => c.inline.text.replace(/[*_`]/g, '').trim());
  const rows = block.rows ?? [];
  if (rows.length === 0) return;
  const width = maxOf(rows, (r) => r.length, header.length);
  const share = (c: number, test: (text: string, cell: TableCell) => boolean) => {
    let n = 0;
    let filled = 0;
    for (const row of rows) {
      const cell = row[c];
      if (!cell || !cell.inline.text.trim()) continue;
      filled++;
      if (test(cell.inline.text.trim(), cell)) n++;
    }
    return filled ? n / filled : 0;
  };
  const byHeader = (re: RegExp) => header.findIndex((h) => re.test(h));
  const byContent = (test: (text: string, cell: TableCell) => boolean, not: number[]) => {
    let best = -1;
    let bestShare = 0.5;
    for (let c = 0; c < width; c++) {
      if (not.includes(c)) continue;
      const s = share(c, test);
      if (s >= bestShare) {
        best = c;
        bestShare = s;
      }
    }
    return best;
  };
  let statusCol = byHeader(STATUS_HEADER);
  let dueCol = byHeader(DUE_HEADER);
  let ownerCol = byHeader(OWNER_HEADER);
  let ticketCol = byHeader(TICKET_HEADER);
  let actionCol = byHeader(ACTION_HEADER);
  const used = () => [statusCol, dueCol, ownerCol, ticketCol, actionCol].filter((c) => c >= 0);
  if (statusCol === -1) statusCol = byContent((t) => DONE_STATUS.test(t) || /^(?:open|todo|to do|in progress|wip|not started|planned|pending)$/i.test(t), used());
  if (dueCol === -1) dueCol = byContent((t) => DATE_CELL.test(t), used());
  if (ownerCol === -1) ownerCol = byContent((t) => /^@[\w.-]+(?:[,\s]+@[\w.-]+)*$/.test(t), used());
  if (ticketCol === -1) ticketCol = byContent((t, cell) => /^(?:#\d+|[A-Z][A-Z0-9]+-\d+)$/.test(t) || cell.inline.links.some((l) => TICKET_URL.test(l.url)), used());
  if (actionCol === -1) {
    // The column with the longest texts.
    let longest = -1;
    let length = 0;
    for (let c = 0; c < width; c++) {
      if (used().includes(c)) continue;
      let total = 0;
      for (const row of rows) total += row[c]?.inline.text.length ?? 0;
      if (total > length) {
        longest = c;
        length = total;
      }
    }
    actionCol = longest === -1 ? 0 : longest;
  }
  rows.forEach((row, r) => {
    const actionCell = row[actionCol];
    if (!actionCell || !actionCell.inline.text.trim()) return;
    const [rowStart, rowEnd] = block.rowSpans?.[r] ?? [block.start, block.end];
    const statusCell = statusCol >= 0 ? row[statusCol] : undefined;
    const status = statusCell?.inline.text.trim() ? oneLineText(statusCell.inline.text).trim() : undefined;
    const ticketCell = ticketCol >= 0 ? row[ticketCol] : undefined;
    const tickets = [...ticketsOf(actionCell.inline), ...(ticketCell ? ticketsOf(ticketCell.inline) : [])];
    const referenceText = ticketCell ? oneLineText(ticketCell.inline.text).trim() : '';
    if (ticketCell && tickets.length === 0 && ticketCell.inline.text.trim() && !EMPTY_CELL.test(ticketCell.inline.text.trim()) && !DONE_REFERENCE.test(referenceText)) tickets.push(ticketCell.inline.text.trim());
    const lead = DONE_START.exec(actionCell.inline.text);
    const tail = doneAtEnd(actionCell.inline.text);
    // "[Utført](…/commit/81103ba)", "[Done](…/pull/12)": the reference cell's link says the work is done.
    const referenceDone = statusCol === -1 && DONE_REFERENCE.test(referenceText) ? referenceText : undefined;
    const doneMarker = status && DONE_STATUS.test(status) ? status : lead ? lead[0].trim() : tail && !NOT_DONE.test(actionCell.inline.text) ? tail[0].trim() : actionCell.inline.struck ? '~~struck~~' : (referenceDone ?? groupDone);
    const text = cleanText(oneLineText(actionCell.inline.text.slice(lead ? lead[0].length : 0, tail ? tail.index : undefined)));
    const action: ActionItem = {
      text,
      owner: null,
      due: null,
      dueRaw: null,
      dueInvalid: false,
      done: doneMarker !== undefined,
      tickets: [...new Set(tickets)],
      range: ctx.lines.range(rowStart, rowEnd),
      textRange: ctx.lines.range(actionCell.start, actionCell.end),
      form: 'table',
      block: b,
      ...(doneMarker ? { doneMarker } : {}),
      ...(status ? { status } : {}),
      ...(statusCell ? { doneMarkerRange: ctx.lines.range(statusCell.start, statusCell.end) } : {}),
    };
    const ownerCell = ownerCol >= 0 ? row[ownerCol] : undefined;
    if (ownerCell) {
      // For an empty Owner cell the range still says where an owner goes.
      action.ownerRange = ctx.lines.range(ownerCell.start, ownerCell.end);
      const owner = cleanText(oneLineText(ownerCell.inline.text));
      if (!EMPTY_CELL.test(owner)) action.owner = owner;
    } else if (ownerCol === -1) {
      readOwner(actionCell.inline, action, ctx);
    }
    const dueCell = dueCol >= 0 ? row[dueCol] : undefined;
    if (dueCell) {
      action.dueRange = ctx.lines.range(dueCell.start, dueCell.end);
      readDeadline(dueCell.inline, action, ctx, true);
    } else if (dueCol === -1) readDeadline(actionCell.inline, action, ctx, false);
    items.push(action);
  });
}


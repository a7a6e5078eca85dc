// markdown-it plugin for VS Code's built-in Markdown preview (`extendMarkdownIt`): on a post-mortem it
// renders the front matter as the incident header (title, badges, key-time tiles, blast radius) and
// draws the Timeline section as the visual timeline, with the timeline preview's own renderers. No
// `vscode` import: the unit tests run it on plain markdown-it.
//
// VS Code parses with an empty env and passes the document URI (`env.currentDocument`) only to the
// renderer, so the parse step analyses a document that looks like a post-mortem and leaves one hidden
// token with the result; the render step decides (file name, or content markers when there is none)
// and swaps the tokens. Anything that goes wrong falls back to the plain render.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { analyzeText } from '../../core/analyze';
import { todayIso } from '../../core/model/time';
import { buildTimelineViewModel, renderIncidentHeaderHtml, renderTimelineSectionHtml, type TimelineViewModel } from '../../core/timelineView/index';
import { pushAll } from '../../core/util/arrays';

export const POSTMORTEM_TOKEN = 'pm_postmortem';
/** Larger sources are left to the plain render (the preview must stay fast while typing). */
const MAX_SOURCE = 2_000_000;

interface PostmortemMeta {
  model: TimelineViewModel;
  /** Last line (0-based) of the front matter, or -1. */
  frontMatterEnd: number;
  /** Timeline heading line and the first line after its section, or null. */
  timeline: { headingLine: number; depth: number } | null;
  /** The content alone says "post-mortem" (front matter with incident keys, or Timeline + Action Items sections). */
  markers: boolean;
}

export interface PostmortemPluginOptions {
  /** Called with errors the plugin swallowed (the preview then shows the plain render). */
  onError?: (error: unknown) => void;
  /** Today's date for overdue states (tests). */
  today?: () => string;
}

/** YAML front matter (`---`) or TOML (`+++`, as Hugo writes it): its text in group 1 or 2. */
const FRONT_MATTER = /^(?:---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)|\+\+\+[ \t]*\n([\s\S]*?)\n\+\+\+)[ \t]*(?:\n|$)/;
const INCIDENT_KEYS = /^(?:severity|incident|id|detected|mitigated|resolved|started|impact)[ \t]*[:=]/m;
const TIMELINE_HEADING = /^#{1,6}[ \t]+(?:incident[ \t]+)?timeline\b/im;

/** A cheap look before any analysis: could this source be a post-mortem at all? */
export function mayBePostmortem(src: string): boolean {
  return FRONT_MATTER.test(src) || TIMELINE_HEADING.test(src);
}

function uriPath(doc: unknown): string | undefined {
  if (!doc) return undefined;
  if (typeof doc === 'string') return doc;
  if (typeof doc === 'object') {
    const d = doc as { path?: unknown; fsPath?: unknown };
    if (typeof d.path === 'string') return d.path;
    if (typeof d.fsPath === 'string') return d.fsPath;
  }
  return undefined;
}

/** Render-time decision: the file name when the env names the document, else the content markers. */
export function isPostmortemRender(meta: Pick<PostmortemMeta, 'markers'>, env: unknown): boolean {
  const e = (env ?? {}) as { currentDocument?: unknown; postmortem?: unknown };
  if (e.postmortem === true) return true;
  if (e.postmortem === false) return false;
  const path = uriPath(e.currentDocument);
  if (path && /\.postmortem\.md$/i.test(path)) return true;
  return meta.markers;
}

function analyse(src: string, today: string): PostmortemMeta {
  const analysis = analyzeText(src, { today });
  const { doc } = analysis;
  const section = doc.allSections.find((s) => s.kind === 'timeline');
  const fm = FRONT_MATTER.exec(src);
  const kinds = new Set(doc.allSections.map((s) => s.kind));
  const markers = Boolean(fm && INCIDENT_KEYS.test(fm[1] ?? fm[2])) || (kinds.has('timeline') && kinds.has('actionItems'));
  return {
    model: buildTimelineViewModel(analysis, { today }),
    frontMatterEnd: doc.frontMatterRange ? doc.frontMatterRange.end.line : -1,
    timeline: section ? { headingLine: section.headingRange.start.line, depth: section.depth } : null,
    markers,
  };
}

/** Index of the first top-level token at or after `from` that starts after line `line`. */
function firstTopLevelAfter(tokens: Token[], from: number, line: number): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level === 0 && t.nesting !== -1 && t.map && t.map[0] > line) return i;
  }
  return tokens.length;
}

function htmlToken(proto: Token, content: string): Token {
  const T = proto.constructor as new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;
  const token = new T('html_block', '', 0);
  token.content = content;
  token.block = true;
  return token;
}

/** The post-mortem token stream: header in place of the front matter, timeline in place of its section body. */
export function transformTokens(tokens: Token[], meta: PostmortemMeta): Token[] {
  const rest = tokens.filter((t) => t.type !== POSTMORTEM_TOKEN);
  if (rest.length === 0 && meta.frontMatterEnd < 0) return rest;
  const proto = tokens[0];
  const out: Token[] = [];
  let i = 0;
  if (meta.frontMatterEnd >= 0) {
    // Drop what markdown-it made of the front matter (a `front_matter` token in VS Code; hr + text elsewhere).
    i = firstTopLevelAfter(rest, 0, meta.frontMatterEnd);
    pushAll(out, rest.slice(0, i).filter((t) => t.type === 'front_matter'));
  }
  out.push(htmlToken(proto, `<div class="pm-md">${renderIncidentHeaderHtml(meta.model)}</div>`));
  const tl = meta.timeline;
  if (!tl || meta.model.timeline.eventCount === 0) {
    pushAll(out, rest.slice(i));
    return out;
  }
  const open = rest.findIndex((t, k) => k >= i && t.type === 'heading_open' && t.map?.[0] === tl.headingLine);
  if (open < 0) {
    pushAll(out, rest.slice(i));
    return out;
  }
  let close = open;
  while (close < rest.length && rest[close].type !== 'heading_close') close++;
  let end = close + 1;
  while (end < rest.length && !(rest[end].type === 'heading_open' && rest[end].level === 0 && Number(rest[end].tag.slice(1)) <= tl.depth)) end++;
  pushAll(out, rest.slice(i, close + 1));
  out.push(htmlToken(proto, `<div class="pm-md pm-md-timeline">${renderTimelineSectionHtml(meta.model)}</div>`));
  pushAll(out, rest.slice(end));
  return out;
}

export function postmortemMarkdownItPlugin(md: MarkdownIt, options: PostmortemPluginOptions = {}): MarkdownIt {
  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // never let reporting break the preview
    }
  };
  md.core.ruler.push('postmortem', (state) => {
    try {
      const src = state.src;
      if (src.length > MAX_SOURCE || !mayBePostmortem(src)) return;
      const meta = analyse(src, options.today?.() ?? todayIso());
      const token = new state.Token(POSTMORTEM_TOKEN, '', 0);
      token.hidden = true;
      token.meta = meta;
      state.tokens.unshift(token);
    } catch (error) {
      report(error);
    }
  });
  md.renderer.rules[POSTMORTEM_TOKEN] = () => '';
  const render = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, opts, env) => {
    const first = tokens[0];
    if (!first || first.type !== POSTMORTEM_TOKEN) return render(tokens, opts, env);
    try {
      const meta = first.meta as PostmortemMeta;
      if (!isPostmortemRender(meta, env)) return render(tokens, opts, env);
      return render(transformTokens(tokens, meta), opts, env);
    } catch (error) {
      report(error);
      return render(tokens, opts, env);
    }
  };
  return md;
}

/**
 * Optional renderers: the stakeholder summary (src/core/summary/) and the timeline preview
 * (src/core/timelineView/) are written in parallel with these tests. They are loaded dynamically
 * and by feature detection, so the fuzz and XSS suites run (and say what they skipped) whether or
 * not the modules exist yet, and do not tie the type-check to their in-progress signatures.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Analysis } from '../../src/core/analyze';

export type SummaryFormat = 'md' | 'html' | 'text';

export interface Renderers {
  /** Renders the stakeholder summary of an analysis in one format. */
  summary?: (analysis: Analysis, format: SummaryFormat, today: string) => string;
  /** Timeline preview body (HTML fragment). */
  timelineHtml?: (analysis: Analysis, today: string) => string;
  /** Standalone timeline SVG. */
  timelineSvg?: (analysis: Analysis, today: string) => string;
  /** The timeline view model (what the extension posts to the webview). */
  timelineModel?: (analysis: Analysis, today: string) => unknown;
  /** The whole timeline webview document (CSP, styles, state JSON, script). */
  timelinePage?: (analysis: Analysis, today: string, page: { cspSource: string; nonce: string; scriptUri: string; styleUris: string[] }) => string;
  /** Which renderers were found, e.g. `summary:html via renderSummary`. */
  found: string[];
  /** Why a renderer is missing. */
  missing: string[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

type AnyFn = (...args: unknown[]) => unknown;
type Module = Record<string, unknown>;

async function load(relative: string): Promise<Module | undefined> {
  const file = join(ROOT, relative);
  if (!existsSync(file)) return undefined;
  return (await import(pathToFileURL(file).href)) as Module;
}

async function loadFirst(candidates: string[]): Promise<{ path: string; module: Module } | undefined> {
  for (const path of candidates) {
    const module = await load(path);
    if (module) return { path, module };
  }
  return undefined;
}

function fn(module: Module | undefined, ...names: string[]): { name: string; f: AnyFn } | undefined {
  for (const name of names) {
    const f = module?.[name];
    if (typeof f === 'function') return { name, f: f as AnyFn };
  }
  return undefined;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { output?: unknown }).output === 'string') return (value as { output: string }).output;
  throw new Error(`renderer returned ${typeof value}, not a string`);
}

let cached: Promise<Renderers> | undefined;

export function loadRenderers(): Promise<Renderers> {
  cached ??= discover();
  return cached;
}

async function discover(): Promise<Renderers> {
  const found: string[] = [];
  const missing: string[] = [];
  const result: Renderers = { found, missing };

  // ── Timeline preview: view model + HTML + SVG.
  const viewModel = await load('src/core/timelineView/viewModel.ts');
  const build = fn(viewModel, 'buildTimelineViewModel');
  if (!build) missing.push('timeline view model (src/core/timelineView/viewModel.ts buildTimelineViewModel)');
  else {
    const toModel = (analysis: Analysis, today: string) => build.f(analysis, { today });
    result.timelineModel = toModel;
    const html = fn(await load('src/core/timelineView/html.ts'), 'renderTimelineHtml');
    if (html) {
      result.timelineHtml = (analysis, today) => asText(html.f(toModel(analysis, today), {}));
      found.push('timeline:html via renderTimelineHtml');
    } else missing.push('timeline HTML renderer (src/core/timelineView/html.ts renderTimelineHtml)');
    const svg = fn(await load('src/core/timelineView/svg.ts'), 'renderTimelineSvg');
    if (svg) {
      result.timelineSvg = (analysis, today) => asText(svg.f(toModel(analysis, today), {}));
      found.push('timeline:svg via renderTimelineSvg');
    } else missing.push('timeline SVG renderer (src/core/timelineView/svg.ts renderTimelineSvg)');
    const page = fn(await load('src/core/timelineView/page.ts'), 'renderTimelinePage');
    if (page) {
      result.timelinePage = (analysis, today, options) => asText(page.f({ ...options, model: toModel(analysis, today), resource: 'file:///x.postmortem.md' }));
      found.push('timeline:page via renderTimelinePage');
    } else missing.push('timeline webview page (src/core/timelineView/page.ts renderTimelinePage)');
  }

  // ── Stakeholder summary. Accepted shapes (first found wins):
  //   summarize(analysis, { format, today }) / renderSummary(analysis, format, options) → string | { output }
  //   buildSummary(analysis, options) + render{Markdown,Html,Text}(summary) or renderSummary(summary, format)
  const summaryModule = await loadFirst(['src/core/summary/index.ts', 'src/core/summary/summary.ts', 'src/core/summary/render.ts', 'src/core/summary/renderers.ts']);
  if (!summaryModule) {
    missing.push('stakeholder summary (no src/core/summary/index.ts, summary.ts, render.ts or renderers.ts)');
    return result;
  }
  const m = summaryModule.module;
  const extra: Module = {};
  for (const file of ['render.ts', 'renderers.ts', 'markdown.ts', 'html.ts', 'text.ts', 'build.ts']) Object.assign(extra, (await load(`src/core/summary/${file}`)) ?? {});
  const all: Module = { ...extra, ...m };
  const oneCall = fn(all, 'summarize', 'generateSummary', 'summarizeAnalysis', 'createSummary');
  const build2 = fn(all, 'buildSummary', 'buildStakeholderSummary');
  const perFormat: Record<SummaryFormat, ReturnType<typeof fn>> = {
    md: fn(all, 'renderSummaryMarkdown', 'renderMarkdown', 'summaryToMarkdown', 'renderSummaryMd'),
    html: fn(all, 'renderSummaryHtml', 'renderHtml', 'summaryToHtml'),
    text: fn(all, 'renderSummaryText', 'renderText', 'summaryToText', 'renderPlainText'),
  };
  const renderByFormat = fn(all, 'renderSummary');
  if (oneCall) {
    // `showNotes` puts the notes for the author into the page too: the most document text reaches the HTML.
    result.summary = (analysis, format, today) => asText(oneCall.f(analysis, { format, today, showNotes: true }));
    found.push(`summary via ${summaryModule.path} ${oneCall.name}(analysis, { format, today, showNotes: true })`);
  } else if (build2 && (perFormat.html || renderByFormat)) {
    result.summary = (analysis, format, today) => {
      const summary = build2.f(analysis, { today });
      const r = perFormat[format];
      return asText(r ? r.f(summary) : renderByFormat!.f(summary, format));
    };
    found.push(`summary via ${summaryModule.path} ${build2.name} + ${perFormat.html?.name ?? renderByFormat?.name}`);
  } else if (renderByFormat) {
    result.summary = (analysis, format, today) => asText(renderByFormat.f(analysis, format, { today }));
    found.push(`summary via ${summaryModule.path} renderSummary(analysis, format, { today })`);
  } else {
    missing.push(`stakeholder summary renderer (exports of ${summaryModule.path}: ${Object.keys(m).join(', ')})`);
  }
  return result;
}

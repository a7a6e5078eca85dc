/**
 * A webview-like page for the timeline preview outside VS Code: the page the extension builds
 * (renderTimelinePage: CSP with nonce, codicons, timeline.css, bundled dist/media/timeline.js), served
 * from a loopback HTTP server that plays the part of `webview.cspSource`, plus the CSS variables a
 * VS Code theme would define. Used by test/unit/timelineBrowser.test.ts and by benchmarks (first paint).
 *
 *   const server = await startTimelineServer();
 *   const url = server.addPage('checkout', buildTimelinePageHtml(analysis, { baseUrl: server.url, today }));
 *   await page.goto(url);
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../../src/core/analyze';
import { renderTimelinePage } from '../../src/core/timelineView/page';
import { buildTimelineViewModel, type TimelineViewModel } from '../../src/core/timelineView/viewModel';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TIMELINE_SCRIPT = join(REPO_ROOT, 'dist', 'media', 'timeline.js');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export type ThemeKind = 'light' | 'dark';

/** A representative subset of the variables VS Code defines on the webview's <html> (Light/Dark Modern). */
const THEMES: Record<ThemeKind, Record<string, string>> = {
  light: {
    'font-family': "system-ui, 'Segoe UI', Ubuntu, 'Droid Sans', sans-serif",
    'font-size': '13px',
    'editor-font-family': "'Droid Sans Mono', 'DejaVu Sans Mono', monospace",
    'editor-background': '#ffffff',
    foreground: '#3b3b3b',
    descriptionForeground: '#5f6a79',
    errorForeground: '#f85149',
    focusBorder: '#005fb8',
    'widget-border': '#e5e5e5',
    'panel-border': '#e5e5e5',
    'editorWidget-background': '#f8f8f8',
    'textBlockQuote-background': '#f8f8f8',
    'textCodeBlock-background': '#f2f2f2',
    'button-secondaryBackground': '#e5e5e5',
    'button-secondaryForeground': '#3b3b3b',
    'button-secondaryHoverBackground': '#cccccc',
    'button-border': '#0000001a',
    'list-hoverBackground': '#f2f2f2',
    'list-inactiveSelectionBackground': '#e4e6f1',
    'editorIndentGuide-activeBackground1': '#939393',
    'editorWarning-foreground': '#bf8803',
    'editorError-foreground': '#e51400',
    'charts-red': '#e51400',
    'charts-orange': '#d18616',
    'charts-yellow': '#bf8803',
    'charts-green': '#388a34',
    'charts-blue': '#1a85ff',
    'charts-foreground': '#616161',
  },
  dark: {
    'font-family': "system-ui, 'Segoe UI', Ubuntu, 'Droid Sans', sans-serif",
    'font-size': '13px',
    'editor-font-family': "'Droid Sans Mono', 'DejaVu Sans Mono', monospace",
    'editor-background': '#1f1f1f',
    foreground: '#cccccc',
    descriptionForeground: '#9d9d9d',
    errorForeground: '#f85149',
    focusBorder: '#0078d4',
    'widget-border': '#313131',
    'panel-border': '#2b2b2b',
    'editorWidget-background': '#202020',
    'textBlockQuote-background': '#2b2b2b',
    'textCodeBlock-background': '#2b2b2b',
    'button-secondaryBackground': '#313131',
    'button-secondaryForeground': '#cccccc',
    'button-secondaryHoverBackground': '#3c3c3c',
    'button-border': '#ffffff12',
    'list-hoverBackground': '#2a2d2e',
    'list-inactiveSelectionBackground': '#37373d',
    'editorIndentGuide-activeBackground1': '#707070',
    'editorWarning-foreground': '#cca700',
    'editorError-foreground': '#f14c4c',
    'charts-red': '#f14c4c',
    'charts-orange': '#d18616',
    'charts-yellow': '#cca700',
    'charts-green': '#89d185',
    'charts-blue': '#3794ff',
    'charts-foreground': '#cccccc',
  },
};

/** The theme's variables on :root, as VS Code puts them on the webview's <html>. */
export function themeCss(theme: ThemeKind): string {
  const vars = Object.entries(THEMES[theme])
    .map(([name, value]) => `  --vscode-${name}: ${value};`)
    .join('\n');
  return `:root {\n${vars}\n}\n`;
}

export interface TimelinePageOptions {
  /** Origin serving the assets; plays `webview.cspSource`. */
  baseUrl: string;
  today: string;
  theme?: ThemeKind;
  nonce?: string;
  locked?: boolean;
  /** HTML inserted right after <body> (used to check that the CSP blocks injected inline scripts). */
  inject?: string;
}

/** View model + page, exactly as the extension builds them (see src/extension/preview/preview.ts). */
export function buildTimelinePageHtml(analysis: Analysis, options: TimelinePageOptions): string {
  return buildTimelinePageFromModel(buildTimelineViewModel(analysis, { today: options.today }), options);
}

export function buildTimelinePageFromModel(model: TimelineViewModel, options: TimelinePageOptions): string {
  const base = options.baseUrl.replace(/\/$/, '');
  const theme = options.theme ?? 'light';
  const html = renderTimelinePage({
    cspSource: base,
    nonce: options.nonce ?? 'bm9uY2UtZm9yLXRlc3Rz',
    scriptUri: `${base}/dist/media/timeline.js`,
    styleUris: [`${base}/theme-${theme}.css`, `${base}/dist/media/codicon.css`, `${base}/media/timeline.css`],
    model,
    locked: options.locked === true,
    resource: 'file:///workspace/incident.postmortem.md',
    bodyClass: `vscode-${theme}`,
  });
  return options.inject ? html.replace(/<body([^>]*)>/, (m) => `${m}\n${options.inject}`) : html;
}

/** A synthetic incident with `count` timeline events over several days (day subheadings, phases, quiet gaps). */
export function generateIncident(count: number): string {
  const lines = [
    '---',
    `title: Synthetic incident with ${count} timeline events`,
    'severity: SEV3',
    'status: draft',
    'date: 2026-01-05',
    'impact: Background job latency above SLO for a subset of tenants',
    '---',
    '',
    `# Synthetic incident with ${count} timeline events`,
    '',
    '## Summary',
    '',
    'A generated document used to measure the timeline preview.',
    '',
    '## Timeline',
    '',
    'All times UTC.',
  ];
  let day = 0;
  let minutes = 8 * 60;
  let currentDay = -1;
  const phaseAt = new Map([
    [Math.floor(count * 0.05), 'started'],
    [Math.floor(count * 0.15), 'detected'],
    [Math.floor(count * 0.7), 'mitigated'],
    [count - 1, 'resolved'],
  ]);
  for (let i = 0; i < count; i++) {
    // Mostly 1-6 minute steps, now and then a long quiet period.
    minutes += i % 97 === 96 ? 300 + (i % 5) * 60 : 1 + ((i * 7) % 6);
    while (minutes >= 1440) {
      minutes -= 1440;
      day++;
    }
    if (day !== currentDay) {
      currentDay = day;
      const date = new Date(Date.UTC(2026, 0, 5 + day)).toISOString().slice(0, 10);
      lines.push('', `### ${date}`, '');
    }
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    const phase = phaseAt.get(i);
    lines.push(`- ${hh}:${mm} — ${phase ? `[${phase}] ` : ''}Event ${i + 1}: worker pool ${i % 17} reports queue depth ${(i * 37) % 900} on shard ${i % 11}`);
  }
  lines.push('', '## Action Items', '', '- [ ] Add queue depth alerting per shard — @ops, due 2026-02-01', '- [x] Scale worker pool — @oncall, due 2026-01-06', '');
  return lines.join('\n');
}

export interface TimelineServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Serves `html` at `/<name>.html`; returns its URL. */
  addPage(name: string, html: string): string;
  close(): Promise<void>;
}

const STATIC: Record<string, { file: string; type: string }> = {
  '/dist/media/timeline.js': { file: 'dist/media/timeline.js', type: 'text/javascript' },
  '/dist/media/codicon.css': { file: 'dist/media/codicon.css', type: 'text/css' },
  '/dist/media/codicon.ttf': { file: 'dist/media/codicon.ttf', type: 'font/ttf' },
  '/media/timeline.css': { file: 'media/timeline.css', type: 'text/css' },
};

/** Loopback server for the page, its assets (from the repository) and the theme stylesheets. */
export async function startTimelineServer(): Promise<TimelineServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
    const page = /^\/([\w-]+)\.html$/.exec(path);
    if (page && pages.has(page[1])) return send(200, 'text/html; charset=utf-8', pages.get(page[1])!);
    const theme = /^\/theme-(light|dark)\.css$/.exec(path);
    if (theme) return send(200, 'text/css', themeCss(theme[1] as ThemeKind));
    const asset = STATIC[path];
    if (asset && existsSync(join(REPO_ROOT, asset.file))) return send(200, asset.type, readFileSync(join(REPO_ROOT, asset.file)));
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    addPage(name, html) {
      pages.set(name, html);
      return `${url}/${name}.html`;
    },
    close: () => new Promise<void>((resolveClose) => server.close(() => resolveClose())),
  };
}

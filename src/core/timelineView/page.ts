// The whole webview document: strict CSP with a nonce, the stylesheets and the bundled script, the
// first paint (renderTimelineHtml) and the view model as inert JSON for the script.
import { escapeHtml, jsonForScript } from '../util/escape';
import { FIRST_PAINT_ROWS, renderTimelineHtml } from './html';
import type { TimelineViewModel } from './viewModel';

export interface TimelinePageOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** URI of the bundled `dist/media/timeline.js`. */
  scriptUri: string;
  /** Stylesheets (codicon.css, timeline.css, ...), in order. */
  styleUris: string[];
  model: TimelineViewModel;
  locked?: boolean;
  /** Document URI, kept in the webview state for restore after reload. */
  resource?: string;
  /** Body class (`vscode-light`, `vscode-dark`); VS Code sets it itself in a real webview. */
  bodyClass?: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource}; font-src ${cspSource}; script-src 'nonce-${nonce}';`;
}

/** A random nonce (base64url, 128 bits) from the Web Crypto API (Node 20 and web workers). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function renderTimelinePage(options: TimelinePageOptions): string {
  const e = escapeHtml;
  const state = { model: options.model, locked: options.locked === true, resource: options.resource ?? '' };
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(options.cspSource, options.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    ...options.styleUris.map((href) => `<link rel="stylesheet" href="${e(href)}">`),
    `<title>${e(`Timeline: ${options.model.title}`)}</title>`,
    '</head>',
    `<body${options.bodyClass ? ` class="${e(options.bodyClass)}"` : ''}>`,
    // The first screenful of rows only: a 2,000-event page parsed its megabyte of rows before the first paint.
    `<div id="pm-root">${renderTimelineHtml(options.model, { locked: options.locked === true, firstRows: FIRST_PAINT_ROWS })}</div>`,
    `<div id="pm-status" class="pm-visually-hidden" role="status" aria-live="polite"></div>`,
    `<script type="application/json" id="pm-state" nonce="${e(options.nonce)}">${jsonForScript(state)}</script>`,
    `<script defer nonce="${e(options.nonce)}" src="${e(options.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

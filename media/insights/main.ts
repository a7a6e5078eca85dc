// Insights dashboard webview: bars, points and file names post "open" to the extension (click, Enter
// or Space); an "update" message replaces the page body and keeps the focus on the same bar.
import type { DashboardHostMessage, DashboardMessage } from '../../src/core/insights/messages';

declare function acquireVsCodeApi(): { postMessage(message: DashboardMessage): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('pm-root');
const status = document.getElementById('pm-status');

function activate(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target.closest('[data-key],[data-file]') : null;
  if (!el) return false;
  const key = el.getAttribute('data-key');
  const file = el.getAttribute('data-file');
  if (key) vscode.postMessage({ type: 'openKey', key });
  else if (file) vscode.postMessage({ type: 'openFile', file });
  if (status) status.textContent = `Opening ${el.getAttribute('aria-label') ?? el.textContent ?? ''}`;
  return true;
}

root?.addEventListener('click', (event) => {
  if (activate(event.target)) event.preventDefault();
});
root?.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target;
  // <button data-file> clicks itself on Enter/Space; SVG buttons need the key handled here.
  if (target instanceof Element && target.closest('[data-key]') && activate(target)) event.preventDefault();
});

window.addEventListener('message', (event: MessageEvent<DashboardHostMessage>) => {
  const message = event.data;
  if (!root || message?.type !== 'update' || typeof message.body !== 'string') return;
  const focused = document.activeElement?.getAttribute('data-key');
  const open = [...root.querySelectorAll('details')].map((d) => d.open);
  root.innerHTML = message.body;
  root.querySelectorAll('details').forEach((d, i) => (d.open = open[i] ?? false));
  if (focused) (root.querySelector(`[data-key="${CSS.escape(focused)}"]`) as HTMLElement | SVGElement | null)?.focus();
});

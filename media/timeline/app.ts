// The timeline webview's behaviour: renders view models with the same pure renderer the first paint
// used, keeps keyboard focus and the editor highlight, reveals clicked events, exports SVG/PNG.
// Talks to the extension only through the message schema in src/core/timelineView/messages.ts.
import { PARTIAL_ROWS_SELECTOR, renderTimelineHtml, WINDOW_BLOCK_ROWS, WINDOWED_ROWS_SELECTOR, WINDOWED_TIMELINE_ROWS } from '../../src/core/timelineView/html';
import type { ExportFormat, HostMessage, WebviewMessage } from '../../src/core/timelineView/messages';
import { renderTimelineSvg } from '../../src/core/timelineView/svg';
import type { TimelineViewModel } from '../../src/core/timelineView/viewModel';
import { createRowWindow, type RowWindow } from './window';

export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

interface PageState {
  model: TimelineViewModel | null;
  locked: boolean;
  resource: string;
}

const GROUPS = ['.pm-event', '.pm-action'] as const;
/** Canvas limits: keep PNG exports within what browsers can allocate. */
const MAX_CANVAS_SIDE = 16_000;

export interface TimelineApp {
  render(model: TimelineViewModel, locked?: boolean): void;
  highlight(line: number): void;
  exportAs(format: ExportFormat): Promise<void>;
  readonly state: PageState;
  dispose(): void;
}

function readInitialState(doc: Document): PageState {
  const node = doc.getElementById('pm-state');
  try {
    const parsed = node?.textContent ? (JSON.parse(node.textContent) as Partial<PageState>) : {};
    return { model: parsed.model ?? null, locked: parsed.locked === true, resource: typeof parsed.resource === 'string' ? parsed.resource : '' };
  } catch {
    return { model: null, locked: false, resource: '' };
  }
}

function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  switch (v.type) {
    case 'update':
      return typeof v.model === 'object' && v.model !== null && Array.isArray((v.model as TimelineViewModel).timeline?.rows);
    case 'highlight':
      return typeof v.line === 'number';
    case 'requestExport':
      return v.format === 'svg' || v.format === 'png';
    default:
      return false;
  }
}

export function startTimelineApp(doc: Document, api: VsCodeApi): TimelineApp {
  // Constructors from the document's own window (the app also runs under jsdom in unit tests).
  const win = doc.defaultView ?? window;
  const root = doc.getElementById('pm-root') ?? doc.body.appendChild(doc.createElement('div'));
  const status = doc.getElementById('pm-status');
  const state = readInitialState(doc);
  let currentLine: number | null = null;
  let index: { line: number; end: number; el: HTMLElement }[] | null = null;
  let exporting = false;
  /** A long timeline's rows near the viewport (window.ts), and the one tabbable event row in it. */
  let rowWindow: RowWindow | undefined;
  let tabbableRow: string | undefined;

  const announce = (text: string) => {
    if (status) status.textContent = text;
  };

  const saveState = () => {
    try {
      api.setState({ resource: state.resource, locked: state.locked });
    } catch {
      /* state is a convenience for restore; never fatal */
    }
  };

  const items = (group: string): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>(group));

  const buildIndex = () => {
    index = [];
    for (const group of GROUPS) {
      for (const el of items(group)) index.push({ line: Number(el.dataset.line), end: Number(el.dataset.endLine ?? el.dataset.line), el });
    }
    return index;
  };

  const markCurrent = (el: HTMLElement) => {
    el.classList.add('is-current');
    el.setAttribute('aria-current', 'true');
  };

  const setCurrent = (line: number | null, scroll: boolean) => {
    for (const el of root.querySelectorAll<HTMLElement>('.is-current')) {
      el.classList.remove('is-current');
      el.removeAttribute('aria-current');
    }
    currentLine = line;
    if (line === null) return;
    const inPage = () => (index ?? buildIndex()).find((entry) => line >= entry.line && line <= entry.end);
    let match = inPage();
    if (!match && rowWindow && state.model) {
      // An event outside the window: bring its block into the page.
      const row = state.model.timeline.rows.findIndex((r) => r.kind === 'event' && line >= r.line && line <= r.endLine);
      if (row >= 0) rowWindow.ensureAround(row);
      match = inPage();
    }
    if (!match) return;
    markCurrent(match.el);
    if (scroll && typeof match.el.scrollIntoView === 'function') {
      const rect = match.el.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > win.innerHeight) match.el.scrollIntoView({ block: 'nearest' });
    }
  };

  /** Roving tabindex: one tabbable item per group. */
  const makeTabbable = (el: HTMLElement) => {
    const group = GROUPS.find((g) => el.matches(g));
    if (!group) return;
    if (group === '.pm-event') tabbableRow = el.dataset.row;
    for (const other of items(group)) other.tabIndex = other === el ? 0 : -1;
  };

  /** Rows the window just put in the page get the roving tabindex and the highlight of those already there. */
  const onRowsChanged = (added: Element[]) => {
    index = null;
    for (const li of added) {
      for (const el of li.querySelectorAll<HTMLElement>('.pm-event')) {
        if (tabbableRow !== undefined) el.tabIndex = el.dataset.row === tabbableRow ? 0 : -1;
        const line = Number(el.dataset.line);
        if (currentLine !== null && currentLine >= line && currentLine <= Number(el.dataset.endLine ?? line)) markCurrent(el);
      }
    }
  };

  /** The timeline rows, all of them or (long timelines) a window of them kept near the viewport. */
  const renderRows = (model: TimelineViewModel, locked: boolean, keepRow: number) => {
    const previous = rowWindow;
    rowWindow = undefined;
    previous?.dispose();
    const windowed = !model.empty && model.timeline.rows.length > WINDOWED_TIMELINE_ROWS;
    root.innerHTML = renderTimelineHtml(model, { locked, windowed });
    index = null;
    const list = windowed ? root.querySelector<HTMLElement>(WINDOWED_ROWS_SELECTOR) : null;
    if (!list) return;
    // An update keeps the blocks that were in the page (and their heights), so the scroll position stays where it was.
    const initial = previous?.renderedBlocks() ?? [];
    if (keepRow >= 0) initial.push(Math.floor(keepRow / WINDOW_BLOCK_ROWS));
    rowWindow = createRowWindow(list, model, { onChange: onRowsChanged, measured: previous?.measured, initial });
  };

  const render = (model: TimelineViewModel, locked = state.locked) => {
    const active = doc.activeElement instanceof win.HTMLElement && root.contains(doc.activeElement) ? doc.activeElement : null;
    const focusGroup = active ? GROUPS.find((g) => active.matches(g)) : undefined;
    const focusLine = active?.dataset.line;
    const focusAction = active?.dataset.action ? `[data-action="${active.dataset.action}"][data-format="${active.dataset.format ?? ''}"]` : undefined;
    state.model = model;
    state.locked = locked;
    const focusRow = focusGroup === '.pm-event' && focusLine !== undefined ? model.timeline.rows.findIndex((r) => r.kind === 'event' && String(r.line) === focusLine) : -1;
    renderRows(model, locked, focusRow);
    if (currentLine !== null) setCurrent(currentLine, false);
    if (focusGroup && focusLine !== undefined) {
      const again = items(focusGroup).find((el) => el.dataset.line === focusLine);
      if (again) {
        makeTabbable(again);
        again.focus({ preventScroll: true });
      }
    } else if (focusAction) {
      root.querySelector<HTMLElement>(focusAction)?.focus({ preventScroll: true });
    }
  };

  const reveal = (el: HTMLElement) => {
    const line = Number(el.dataset.line);
    if (!Number.isInteger(line) || line < 0) return;
    makeTabbable(el);
    setCurrent(line, false);
    api.postMessage({ type: 'reveal', line });
  };

  const theme = (): 'light' | 'dark' => {
    const cls = doc.body.classList;
    return cls.contains('vscode-dark') || cls.contains('vscode-high-contrast') ? (cls.contains('vscode-high-contrast-light') ? 'light' : 'dark') : 'light';
  };

  const toPng = (svg: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const image = new win.Image();
      image.onload = () => {
        try {
          const width = image.naturalWidth || 960;
          const height = image.naturalHeight || 600;
          const scale = Math.max(0.1, Math.min(2, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height));
          const canvas = doc.createElement('canvas');
          canvas.width = Math.max(1, Math.floor(width * scale));
          canvas.height = Math.max(1, Math.floor(height * scale));
          const context = canvas.getContext('2d');
          if (!context) throw new Error('no 2D canvas');
          context.drawImage(image, 0, 0, canvas.width, canvas.height);
          resolve(canvas.toDataURL('image/png'));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      image.onerror = () => reject(new Error('the SVG could not be drawn'));
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    });

  const exportAs = async (format: ExportFormat) => {
    if (!state.model || exporting) return;
    exporting = true;
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-action="export"]')) b.disabled = true;
    try {
      const svg = renderTimelineSvg(state.model, { theme: theme() });
      const data = format === 'svg' ? svg : await toPng(svg);
      api.postMessage({ type: 'export', format, data });
      announce(`Timeline ${format.toUpperCase()} ready to save`);
    } catch (error) {
      announce(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
      console.warn('Postmortem timeline export failed', error);
    } finally {
      exporting = false;
      for (const b of root.querySelectorAll<HTMLButtonElement>('[data-action="export"]')) b.disabled = false;
    }
  };

  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof win.Element ? event.target : null;
    const action = target?.closest<HTMLElement>('[data-action="export"]');
    if (action && root.contains(action)) {
      const format = action.dataset.format === 'png' ? 'png' : 'svg';
      void exportAs(format);
      return;
    }
    const item = target?.closest<HTMLElement>('.pm-event, .pm-action');
    if (item && root.contains(item)) reveal(item);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target instanceof win.HTMLElement ? event.target : null;
    if (!target) return;
    const group = GROUPS.find((g) => target.matches(g));
    if (!group) return;
    if (rowWindow && group === '.pm-event' && state.model) {
      // The rows a key can reach: the neighbouring blocks, or the first or last one.
      const rows = state.model.timeline.rows;
      if (event.key === 'Home') rowWindow.ensureAround(rows.findIndex((r) => r.kind === 'event'));
      else if (event.key === 'End') {
        let last = rows.length - 1;
        while (last > 0 && rows[last].kind !== 'event') last--;
        rowWindow.ensureAround(last);
      }
      else if (target.dataset.row !== undefined) rowWindow.ensureAround(Number(target.dataset.row));
    }
    const list = items(group);
    const at = list.indexOf(target);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(list.length - 1, at + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, at - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = list.length - 1;
        break;
      case 'PageDown':
        next = Math.min(list.length - 1, at + 10);
        break;
      case 'PageUp':
        next = Math.max(0, at - 10);
        break;
      default:
        return;
    }
    event.preventDefault();
    const el = list[next];
    if (!el) return;
    makeTabbable(el);
    el.focus();
    if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  };

  const onMessage = (event: MessageEvent) => {
    const message: unknown = event.data;
    if (!isHostMessage(message)) return;
    switch (message.type) {
      case 'update':
        if (typeof message.resource === 'string' && message.resource !== state.resource) currentLine = null;
        state.resource = typeof message.resource === 'string' ? message.resource : state.resource;
        render(message.model, message.locked === true);
        saveState();
        break;
      case 'highlight':
        setCurrent(Number.isInteger(message.line) && message.line >= 0 ? message.line : null, true);
        break;
      case 'requestExport':
        void exportAs(message.format);
        break;
    }
  };

  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKeyDown);
  win.addEventListener('message', onMessage);

  // First paint came with the page (same renderer); render when it is missing, or when the page holds only the
  // first screenful of a long timeline (renderTimelinePage; main.ts starts the app once that is painted).
  if (state.model && (!root.querySelector('.pm') || root.querySelector(PARTIAL_ROWS_SELECTOR))) render(state.model, state.locked);
  saveState();
  api.postMessage({ type: 'ready' });

  return {
    render,
    highlight: (line: number) => setCurrent(line, true),
    exportAs,
    state,
    dispose() {
      root.removeEventListener('click', onClick);
      root.removeEventListener('keydown', onKeyDown);
      win.removeEventListener('message', onMessage);
      rowWindow?.dispose();
    },
  };
}

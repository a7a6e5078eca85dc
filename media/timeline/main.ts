// Entry of the timeline webview script, bundled by esbuild to dist/media/timeline.js (IIFE).
import { PARTIAL_ROWS_SELECTOR } from '../../src/core/timelineView/html';
import { startTimelineApp, type VsCodeApi } from './app';

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

/** Outside VS Code (benchmarks, tests without a stub) messages go nowhere. */
const detachedApi: VsCodeApi = {
  postMessage: () => undefined,
  getState: () => undefined,
  setState: () => undefined,
};

const start = () => startTimelineApp(document, typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : detachedApi);

// A long timeline's page holds its first screenful (renderTimelinePage): the app (reading the state, rendering the
// rest) starts after that has been painted. A hidden page gets no frames, hence the timer as well.
if (document.querySelector(PARTIAL_ROWS_SELECTOR)) {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
} else start();

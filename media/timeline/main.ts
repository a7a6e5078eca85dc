// Entry of the timeline webview script, bundled by esbuild to dist/media/timeline.js (IIFE).
import { startTimelineApp, type VsCodeApi } from './app';

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

/** Outside VS Code (benchmarks, tests without a stub) messages go nowhere. */
const detachedApi: VsCodeApi = {
  postMessage: () => undefined,
  getState: () => undefined,
  setState: () => undefined,
};

startTimelineApp(document, typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : detachedApi);

// Timeline preview core: view model, renderers (HTML body, standalone SVG, webview page) and the
// webview message schema. Pure TypeScript; used by the extension, the webview script and tests.
export { escapeHtml, jsonForScript } from '../util/escape';
export * from './html';
export * from './messages';
export * from './page';
export * from './svg';
export * from './viewModel';
export { hiddenEventsNote, MAX_DRAWN_EVENTS } from './labels';

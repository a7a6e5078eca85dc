// Messages between the timeline webview and the extension host. What comes from the webview is
// untrusted input: parseWebviewMessage accepts exactly three shapes and rejects everything else.
import type { TimelineViewModel } from './viewModel';

export type ExportFormat = 'svg' | 'png';

/** Webview -> extension. */
export type WebviewMessage = { type: 'ready' } | { type: 'reveal'; line: number } | { type: 'export'; format: ExportFormat; data: string };

/** Extension -> webview. */
export type HostMessage =
  | { type: 'update'; model: TimelineViewModel; locked: boolean; resource: string }
  | { type: 'highlight'; line: number }
  | { type: 'requestExport'; format: ExportFormat };

/** Largest export payload accepted from the webview (characters). */
export const MAX_EXPORT_CHARS = 64 * 1024 * 1024;
const MAX_LINE = 10_000_000;

export type ParseResult = { ok: true; message: WebviewMessage } | { ok: false; reason: string };

function keysAre(value: Record<string, unknown>, allowed: string[]): boolean {
  const keys = Object.keys(value);
  return keys.length === allowed.length && keys.every((k) => allowed.includes(k));
}

/** Validates a message posted by the webview against the schema; anything else is rejected with a reason. */
export function parseWebviewMessage(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not an object' };
  const v = value as Record<string, unknown>;
  switch (v.type) {
    case 'ready':
      return keysAre(v, ['type']) ? { ok: true, message: { type: 'ready' } } : { ok: false, reason: 'unexpected fields on ready' };
    case 'reveal':
      if (!keysAre(v, ['type', 'line'])) return { ok: false, reason: 'reveal takes exactly {type, line}' };
      if (typeof v.line !== 'number' || !Number.isInteger(v.line) || v.line < 0 || v.line > MAX_LINE) return { ok: false, reason: 'reveal.line must be a non-negative integer' };
      return { ok: true, message: { type: 'reveal', line: v.line } };
    case 'export': {
      if (!keysAre(v, ['type', 'format', 'data'])) return { ok: false, reason: 'export takes exactly {type, format, data}' };
      if (v.format !== 'svg' && v.format !== 'png') return { ok: false, reason: 'export.format must be svg or png' };
      if (typeof v.data !== 'string') return { ok: false, reason: 'export.data must be a string' };
      if (v.data.length > MAX_EXPORT_CHARS) return { ok: false, reason: 'export.data is too large' };
      if (v.format === 'png' && !/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/.test(v.data)) return { ok: false, reason: 'export.data must be a PNG data URL' };
      if (v.format === 'svg' && !/^(?:<\?xml[^>]*\?>\s*)?<svg[\s>]/.test(v.data)) return { ok: false, reason: 'export.data must be an SVG document' };
      return { ok: true, message: { type: 'export', format: v.format, data: v.data } };
    }
    default:
      return { ok: false, reason: `unknown message type ${JSON.stringify(String(v.type)).slice(0, 40)}` };
  }
}

/** Bytes of a validated PNG data URL (works in Node and in the web extension host). */
export function decodePngDataUrl(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

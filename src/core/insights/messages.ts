// Messages between the insights dashboard webview and the extension, checked on arrival.
export type DashboardMessage =
  /** A bar or point: the post-mortems behind `key` (a key of the charts' files map). */
  | { type: 'openKey'; key: string }
  /** A file named in the page (oldest open item, follow-ups). */
  | { type: 'openFile'; file: string };

export type DashboardHostMessage = { type: 'update'; body: string };

export function parseDashboardMessage(raw: unknown): DashboardMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'openKey' && typeof m.key === 'string' && m.key.length < 1000) return { type: 'openKey', key: m.key };
  if (m.type === 'openFile' && typeof m.file === 'string' && m.file.length < 4096) return { type: 'openFile', file: m.file };
  return undefined;
}

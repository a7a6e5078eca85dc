// Standalone SVG of the timeline for export (and, through a canvas in the webview, PNG). Fixed colours
// (no CSS variables: the file is viewed outside VS Code); every document string escaped.
import type { Phase } from '../model/types';
import { escapeHtml } from '../util/escape';
import { BAND_NAMES, type BandKind, hiddenEventsNote, PHASE_NAMES } from './labels';
import type { TimelineViewModel } from './viewModel';

export interface TimelineSvgOptions {
  theme?: 'light' | 'dark';
  width?: number;
}

interface Palette {
  background: string;
  surface: string;
  foreground: string;
  muted: string;
  border: string;
  rail: string;
  red: string;
  orange: string;
  yellow: string;
  green: string;
  blue: string;
}

const PALETTES: Record<'light' | 'dark', Palette> = {
  light: { background: '#ffffff', surface: '#f6f8fa', foreground: '#1f2328', muted: '#59636e', border: '#d1d9e0', rail: '#afb8c1', red: '#cf222e', orange: '#bc4c00', yellow: '#9a6700', green: '#1a7f37', blue: '#0969da' },
  dark: { background: '#1f1f1f', surface: '#2b2b2b', foreground: '#e6e6e6', muted: '#9d9d9d', border: '#3c3c3c', rail: '#5a5a5a', red: '#f85149', orange: '#f0883e', yellow: '#d29922', green: '#3fb950', blue: '#4daafc' },
};

const e = escapeHtml;
const FONT = `-apple-system, 'Segoe UI', 'Helvetica Neue', Helvetica, Arial, sans-serif`;
const MONO = `'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace`;

function n(value: unknown): number {
  const v = Number(value);
  return Number.isFinite(v) ? Math.round(v * 10) / 10 : 0;
}

/** Greedy word wrap by an estimated character width (no text metrics outside a browser). */
/** A cut index that never splits a surrogate pair (emoji and other astral characters). */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return at > 1 && code >= 0xd800 && code <= 0xdbff ? at - 1 : Math.max(1, at);
}

export function wrapText(text: string, maxChars: number, maxLines = 6): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    let w = word;
    while (w.length > maxChars) {
      if (current) {
        lines.push(current);
        current = '';
      }
      const cut = safeCut(w, maxChars);
      lines.push(w.slice(0, cut));
      w = w.slice(cut);
    }
    if (!current) current = w;
    else if (current.length + 1 + w.length <= maxChars) current += ` ${w}`;
    else {
      lines.push(current);
      current = w;
    }
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1];
    kept[maxLines - 1] = `${last.slice(0, safeCut(last, Math.max(0, maxChars - 1)))}…`;
    return kept;
  }
  return lines.length ? lines : [''];
}

export function renderTimelineSvg(model: TimelineViewModel, options: TimelineSvgOptions = {}): string {
  const c = PALETTES[options.theme === 'dark' ? 'dark' : 'light'];
  const W = Math.max(480, Math.round(options.width ?? 960));
  const pad = 32;
  const out: string[] = [];
  const bandColor: Record<BandKind, string> = { undetected: c.red, responding: c.orange, recovering: c.green };
  const phaseColor: Record<Phase, string> = { started: c.red, detected: c.orange, mitigated: c.blue, resolved: c.green };
  const toneColor: Record<string, string> = { critical: c.red, high: c.orange, medium: c.yellow, low: c.blue, neutral: c.muted };
  const chars = (px: number, size: number) => Math.max(8, Math.floor(px / (size * 0.56)));
  let y = pad;

  // Title and meta line.
  for (const line of wrapText(model.title, chars(W - 2 * pad, 22), 3)) {
    y += 28;
    out.push(`<text x="${pad}" y="${y}" font-size="22" font-weight="600" fill="${c.foreground}">${e(line)}</text>`);
  }
  y += 24;
  const meta: string[] = [];
  if (model.severity) meta.push(`<tspan fill="${toneColor[model.severity.tone] ?? c.muted}" font-weight="700">${e(model.severity.label)}</tspan>`);
  if (model.status) meta.push(`<tspan>${e(model.status.label)}</tspan>`);
  if (model.incidentId) meta.push(`<tspan>${e(model.incidentId)}</tspan>`);
  if (model.date) meta.push(`<tspan>${e(model.date)}</tspan>`);
  meta.push(`<tspan>${e(model.zoneLabel)}</tspan>`);
  out.push(`<text x="${pad}" y="${y}" font-size="13" fill="${c.muted}">${meta.join(`<tspan> · </tspan>`)}</text>`);

  // Metric tiles.
  y += 20;
  const gapX = 12;
  const tileW = (W - 2 * pad - gapX * (model.tiles.length - 1)) / Math.max(1, model.tiles.length);
  model.tiles.forEach((tile, i) => {
    const x = pad + i * (tileW + gapX);
    out.push(`<rect x="${n(x)}" y="${y}" width="${n(tileW)}" height="68" rx="6" fill="${c.surface}" stroke="${c.border}"/>`);
    out.push(`<text x="${n(x + 12)}" y="${y + 20}" font-size="11" font-weight="600" fill="${c.muted}" letter-spacing="0.5">${e(tile.abbr.toUpperCase())}</text>`);
    out.push(`<text x="${n(x + 12)}" y="${y + 44}" font-size="20" font-weight="600" fill="${tile.minutes === null ? c.muted : c.foreground}">${e(tile.value)}</text>`);
    out.push(`<text x="${n(x + 12)}" y="${y + 60}" font-size="10.5" fill="${c.muted}">${e(wrapText(tile.detail, chars(tileW - 24, 10.5), 1)[0])}</text>`);
  });
  y += 68;

  // Blast radius.
  if (model.impact) {
    y += 30;
    out.push(`<text x="${pad}" y="${y}" font-size="11" font-weight="600" fill="${c.muted}" letter-spacing="0.5">BLAST RADIUS</text>`);
    for (const line of wrapText(model.impact, chars(W - 2 * pad, 13.5), 4)) {
      y += 20;
      out.push(`<text x="${pad}" y="${y}" font-size="13.5" fill="${c.foreground}">${e(line)}</text>`);
    }
  }

  // Timeline heading and legend.
  y += 40;
  out.push(`<text x="${pad}" y="${y}" font-size="16" font-weight="600" fill="${c.foreground}">Timeline</text>`);
  let lx = pad + 90;
  for (const band of model.timeline.bands) {
    out.push(`<rect x="${lx}" y="${y - 10}" width="10" height="10" rx="2" fill="${bandColor[band.kind] ?? c.rail}"/>`);
    const label = BAND_NAMES[band.kind] ?? band.label;
    out.push(`<text x="${lx + 16}" y="${y}" font-size="11.5" fill="${c.muted}">${e(label)}</text>`);
    lx += 16 + label.length * 6.2 + 18;
  }
  y += 16;
  const hidden = hiddenEventsNote(model.timeline);
  if (hidden) {
    for (const line of wrapText(hidden, chars(W - 2 * pad, 12), 2)) {
      y += 18;
      out.push(`<text x="${pad}" y="${y}" font-size="12" fill="${c.muted}">${e(line)}</text>`);
    }
    y += 8;
  }

  const timeX = pad + 64;
  const railX = pad + 84;
  const textX = pad + 106;
  const textChars = chars(W - pad - textX, 13);
  if (model.empty) {
    y += 24;
    out.push(`<text x="${pad}" y="${y}" font-size="14" font-weight="600" fill="${c.foreground}">${e(model.empty.title)}</text>`);
    for (const line of wrapText(model.empty.body, chars(W - 2 * pad, 13), 3)) {
      y += 20;
      out.push(`<text x="${pad}" y="${y}" font-size="13" fill="${c.muted}">${e(line)}</text>`);
    }
    for (const line of model.empty.example.split('\n')) {
      y += 18;
      out.push(`<text x="${pad + 12}" y="${y}" font-size="12" font-family="${MONO}" fill="${c.foreground}">${e(line)}</text>`);
    }
    y += 8;
  } else {
    const segments: { from: number; to: number; band: BandKind | null; dashed: boolean }[] = [];
    const addSegment = (from: number, to: number, band: BandKind | null, dashed = false) => {
      if (to <= from) return;
      const last = segments[segments.length - 1];
      if (last && last.band === band && last.dashed === dashed && Math.abs(last.to - from) < 0.5) last.to = to;
      else segments.push({ from, to, band, dashed });
    };
    const body: string[] = [];
    let firstDot: number | undefined;
    let lastDot = y;
    const dot = (cy: number) => {
      firstDot ??= cy;
      lastDot = cy;
    };
    for (const row of model.timeline.rows) {
      const gap = Math.max(0, n(row.gap));
      addSegment(y, y + gap, row.gapBand);
      y += gap;
      const rowTop = y;
      if (row.kind === 'event') {
        const phase = row.phase && PHASE_NAMES[row.phase] ? row.phase : null;
        const phaseName = phase ? `${PHASE_NAMES[phase]}${row.phaseInferred ? ' (inferred)' : ''}` : '';
        const badge = phase ? `${phaseName} · ` : '';
        const lines = wrapText(badge + (row.text || '(no description)'), textChars, 4);
        let ty = rowTop + 19;
        body.push(`<text x="${timeX}" y="${ty}" font-size="12" font-family="${MONO}" text-anchor="end" fill="${row.timeInvalid ? c.red : c.muted}"${row.timeInvalid ? ' text-decoration="line-through"' : ''}>${e(row.time)}</text>`);
        lines.forEach((line, i) => {
          if (i === 0 && phase && line.startsWith(badge)) {
            body.push(`<text x="${textX}" y="${ty}" font-size="13" fill="${c.foreground}"><tspan fill="${phaseColor[phase]}" font-weight="700">${e(PHASE_NAMES[phase])}</tspan>${row.phaseInferred ? `<tspan fill="${c.muted}"> (inferred)</tspan>` : ''}<tspan fill="${c.muted}"> · </tspan>${e(line.slice(badge.length))}</text>`);
          } else {
            body.push(`<text x="${textX}" y="${ty}" font-size="13" fill="${c.foreground}">${e(line)}</text>`);
          }
          ty += 18;
        });
        for (const problem of row.problems) {
          for (const line of wrapText(`${problem.severity === 'error' ? '✖' : '▲'} ${problem.message}`, chars(W - pad - textX, 12), 3)) {
            body.push(`<text x="${textX}" y="${ty}" font-size="12" fill="${problem.severity === 'error' ? c.red : c.orange}">${e(line)}</text>`);
            ty += 17;
          }
        }
        const height = Math.max(n(row.height), ty - 19 - rowTop + 25);
        const cy = rowTop + 15;
        dot(cy);
        if (phase) body.push(`<circle cx="${railX}" cy="${cy}" r="7" fill="${phaseColor[phase]}" stroke="${c.background}" stroke-width="2.5"/>`);
        else body.push(`<circle cx="${railX}" cy="${cy}" r="4.5" fill="${c.background}" stroke="${row.problems.length ? c.orange : c.muted}" stroke-width="2"/>`);
        addSegment(rowTop, rowTop + height, row.band);
        y = rowTop + height;
      } else if (row.kind === 'phase') {
        const color = phaseColor[row.phase] ?? c.muted;
        dot(rowTop + 14);
        body.push(`<text x="${timeX}" y="${rowTop + 18}" font-size="12" font-family="${MONO}" text-anchor="end" fill="${c.muted}">${e(row.time)}</text>`);
        body.push(`<rect x="${railX - 6}" y="${rowTop + 8}" width="12" height="12" fill="${color}" transform="rotate(45 ${railX} ${rowTop + 14})"/>`);
        body.push(`<text x="${textX}" y="${rowTop + 18}" font-size="12.5" fill="${c.muted}"><tspan fill="${color}" font-weight="700">${e(PHASE_NAMES[row.phase] ?? row.label)}</tspan> · from the document header</text>`);
        addSegment(rowTop, rowTop + n(row.height), row.band);
        y = rowTop + n(row.height);
      } else if (row.kind === 'break') {
        addSegment(rowTop, rowTop + n(row.height), row.band, true);
        body.push(`<text x="${textX}" y="${rowTop + 24}" font-size="12" font-style="italic" fill="${c.muted}">⋯ ${e(row.label)}</text>`);
        y = rowTop + n(row.height);
      } else if (row.kind === 'day') {
        addSegment(rowTop, rowTop + n(row.height), row.band);
        body.push(`<line x1="${pad}" y1="${rowTop + 20}" x2="${W - pad}" y2="${rowTop + 20}" stroke="${c.border}"/>`);
        const label = e(row.label);
        body.push(`<rect x="${textX - 8}" y="${rowTop + 9}" width="${n(row.label.length * 7.4 + 16)}" height="22" rx="11" fill="${c.surface}" stroke="${c.border}"/>`);
        body.push(`<text x="${textX}" y="${rowTop + 24}" font-size="12.5" font-weight="600" fill="${c.foreground}">${label}</text>`);
        y = rowTop + n(row.height);
      }
    }
    // Band tints behind the rows, then the rail, then the rows.
    const clip = (v: number) => Math.min(lastDot, Math.max(firstDot ?? lastDot, v));
    for (const s of segments) {
      s.from = clip(s.from);
      s.to = clip(s.to);
    }
    for (const s of segments) if (s.band && s.to > s.from) out.push(`<rect x="${pad - 8}" y="${n(s.from)}" width="${W - 2 * pad + 16}" height="${n(s.to - s.from)}" fill="${bandColor[s.band]}" fill-opacity="0.07"/>`);
    out.push(`<line x1="${railX}" y1="${n(firstDot ?? lastDot)}" x2="${railX}" y2="${n(lastDot)}" stroke="${c.rail}" stroke-width="2"/>`);
    for (const s of segments) {
      if (s.to <= s.from) continue;
      if (s.dashed) out.push(`<line x1="${railX}" y1="${n(s.from)}" x2="${railX}" y2="${n(s.to)}" stroke="${c.background}" stroke-width="4" stroke-dasharray="3 4"/>`);
      else if (s.band) out.push(`<line x1="${railX}" y1="${n(s.from)}" x2="${railX}" y2="${n(s.to)}" stroke="${bandColor[s.band]}" stroke-width="4"/>`);
    }
    for (const part of body) out.push(part);
  }

  // Action items.
  const { actions } = model;
  y += 36;
  out.push(`<text x="${pad}" y="${y}" font-size="16" font-weight="600" fill="${c.foreground}">Action items</text>`);
  out.push(`<text x="${pad + 120}" y="${y}" font-size="12" fill="${c.muted}">${e(`${actions.open} open · ${actions.done} done${actions.overdue ? ` · ${actions.overdue} overdue` : ''}`)}</text>`);
  y += 10;
  const stateColor: Record<string, string> = { done: c.green, overdue: c.red, 'due-soon': c.yellow, open: c.muted };
  const stateMark: Record<string, string> = { done: '✓', overdue: '!', 'due-soon': '◷', open: '○' };
  if (actions.items.length === 0) {
    y += 22;
    out.push(`<text x="${pad}" y="${y}" font-size="13" fill="${c.muted}">No action items yet.</text>`);
  }
  for (const item of actions.items) {
    y += 24;
    const color = stateColor[item.state] ?? c.muted;
    out.push(`<text x="${pad + 6}" y="${y}" font-size="14" font-weight="700" text-anchor="middle" fill="${color}">${stateMark[item.state] ?? '○'}</text>`);
    for (const [i, line] of wrapText(item.text, chars(W - 2 * pad - 24, 13), 3).entries()) {
      if (i) y += 18;
      out.push(`<text x="${pad + 24}" y="${y}" font-size="13" fill="${c.foreground}"${item.state === 'done' ? ` fill-opacity="0.7"` : ''}>${e(line)}</text>`);
    }
    y += 18;
    out.push(`<text x="${pad + 24}" y="${y}" font-size="11.5" fill="${c.muted}">${e(`${item.owner ?? 'no owner'} · ${item.dueLabel} · `)}<tspan fill="${color}">${e(item.stateLabel)}</tspan></text>`);
  }
  y += pad;

  const H = Math.ceil(y);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${e(FONT)}" role="img" aria-labelledby="pm-svg-title">` +
    `<title id="pm-svg-title">${e(`Timeline: ${model.title}`)}</title>` +
    `<rect width="100%" height="100%" fill="${c.background}"/>` +
    out.join('') +
    `</svg>\n`
  );
}

import type { Node as YamlNode } from 'yaml';
import { isMap, isScalar, isSeq, parseDocument } from '../util/yaml';
import type { DocStatus, Metadata, MetadataField, ModelProblem, Severity, TimeValue } from './types';
import { parseDate, parseTimeValue } from './time';
import type { LineIndex } from './text';

type MetadataKey = keyof Metadata;

/** Accepted key spellings (lower case, spaces/underscores/hyphens folded) -> canonical key. */
const KEY_SYNONYMS: Record<string, MetadataKey> = {
  title: 'title', name: 'title',
  id: 'id', incident: 'id', incidentid: 'id', incidentnumber: 'id', ticket: 'id',
  severity: 'severity', sev: 'severity', priority: 'severity', level: 'severity',
  status: 'status', state: 'status', documentstatus: 'status',
  date: 'date', incidentdate: 'date', day: 'date',
  authors: 'authors', author: 'authors', owner: 'authors', owners: 'authors', writtenby: 'authors',
  facilitator: 'facilitator', facilitators: 'facilitator', incidentcommander: 'facilitator',
  started: 'started', start: 'started', starttime: 'started', began: 'started', impactstart: 'started',
  detected: 'detected', detection: 'detected', detectedat: 'detected', detectiontime: 'detected',
  mitigated: 'mitigated', mitigation: 'mitigated', mitigatedat: 'mitigated',
  resolved: 'resolved', resolution: 'resolved', resolvedat: 'resolved', ended: 'resolved', end: 'resolved',
  impact: 'impact', blastradius: 'impact', customerimpact: 'impact',
  review: 'review', followup: 'review', followupreview: 'review', reviewdate: 'review',
  timezone: 'timezone', tz: 'timezone', zone: 'timezone', timezoneused: 'timezone',
  tags: 'tags', tag: 'tags', labels: 'tags', keywords: 'tags',
  services: 'services', service: 'services', affectedservices: 'services', components: 'services', component: 'services', systems: 'services',
};

export function canonicalMetadataKey(key: string): MetadataKey | undefined {
  return KEY_SYNONYMS[key.toLowerCase().replace(/[\s_-]+/g, '')];
}

const SEVERITIES: Record<string, Severity> = {
  sev1: 'SEV1', sev2: 'SEV2', sev3: 'SEV3', sev4: 'SEV4', sev5: 'SEV5',
  p0: 'P0', p1: 'P1', p2: 'P2', p3: 'P3', p4: 'P4',
  critical: 'critical', high: 'high', medium: 'medium', low: 'low',
};

export function normalizeSeverity(raw: string): Severity | undefined {
  return SEVERITIES[raw.trim().toLowerCase().replace(/[\s_-]+/g, '')];
}

const STATUSES: Record<string, DocStatus> = {
  draft: 'draft', wip: 'draft',
  inreview: 'in-review', review: 'in-review', underreview: 'in-review',
  final: 'final', published: 'final', complete: 'final', completed: 'final',
};

export function normalizeStatus(raw: string): DocStatus | undefined {
  return STATUSES[raw.trim().toLowerCase().replace(/[\s_-]+/g, '')];
}

export const SEVERITY_VALUES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'P0', 'P1', 'P2', 'P3', 'P4', 'critical', 'high', 'medium', 'low'];
export const STATUS_VALUES = ['draft', 'in-review', 'final'];

export interface RawEntry {
  key: MetadataKey;
  raw: string;
  list?: string[];
  start: number;
  end: number;
  source: MetadataField['source'];
}

/**
 * Front matter longer than this is not read: a post-mortem's metadata is a few hundred characters, and the YAML parser keeps
 * a node per key and value (200,000 keys cost hundreds of MB).
 */
export const MAX_FRONT_MATTER = 64 * 1024;

/** Reads YAML front matter (`content` starts at document offset `contentOffset`). */
export function readFrontMatter(content: string, contentOffset: number, lines: LineIndex, problems: ModelProblem[]): RawEntry[] {
  const entries: RawEntry[] = [];
  if (content.length > MAX_FRONT_MATTER) {
    problems.push(frontMatterTooLong(content.length, contentOffset, lines));
    return entries;
  }
  // Flat `key: value` lines are read without the yaml package: loading and compiling it is most of a cold first analysis's
  // front matter cost. Anything else (quotes with escapes, block scalars, nesting, anchors, numbers, booleans) goes to the package.
  return readFlatYaml(content, contentOffset) ?? readYamlFrontMatter(content, contentOffset, lines, problems);
}

/** Reads YAML front matter with the yaml package (every form; readFrontMatter tries the flat form first). */
export function readYamlFrontMatter(content: string, contentOffset: number, lines: LineIndex, problems: ModelProblem[]): RawEntry[] {
  const entries: RawEntry[] = [];
  let doc;
  try {
    // The yaml package does not take a lone \r as a line break; \n has the same length, so offsets hold.
    doc = parseDocument(content.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    problems.push({ code: 'front-matter-yaml', message: `Front matter is not valid YAML: ${(error as Error).message}`, range: lines.range(contentOffset, contentOffset) });
    return entries;
  }
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    const message = error.message.split('\n')[0];
    problems.push({ code: 'front-matter-yaml', message: `Front matter is not valid YAML: ${message}`, range: lines.range(contentOffset + start, contentOffset + Math.max(end, start + 1)) });
  }
  if (doc.errors.length > 0 && !isMap(doc.contents)) return entries;
  if (doc.contents !== null && !isMap(doc.contents)) {
    problems.push({ code: 'front-matter-yaml', message: 'Front matter should be a list of `key: value` lines.', range: lines.range(contentOffset, contentOffset + content.trimEnd().length) });
    return entries;
  }
  if (!isMap(doc.contents)) return entries;
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    if (!isScalar(keyNode)) continue;
    const key = canonicalMetadataKey(String(keyNode.value));
    if (!key) continue;
    const valueNode = pair.value as YamlNode | null;
    if (!valueNode || !valueNode.range) continue;
    const [vs, ve] = valueNode.range;
    if (isSeq(valueNode)) {
      const list = valueNode.items.map((item) => (isScalar(item) ? String(item.value ?? '') : String(item))).filter((s) => s.trim() !== '');
      entries.push({ key, raw: list.join(', '), list, start: contentOffset + vs, end: contentOffset + ve, source: 'frontMatter' });
    } else if (isScalar(valueNode)) {
      const value = valueNode.value;
      // `resolved: true` (a status page's flag) is not a key time written wrongly.
      if (typeof value === 'boolean' && (key === 'started' || key === 'detected' || key === 'mitigated' || key === 'resolved')) continue;
      const raw = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
      entries.push({ key, raw, start: contentOffset + vs, end: contentOffset + ve, source: 'frontMatter' });
    }
  }
  return entries;
}

/** A key of the flat form: a word, its spaces, hyphens and underscores. */
const FLAT_KEY = /^([A-Za-z][A-Za-z0-9 _-]*?):(?: +|$)/;
/** Plain scalars the YAML core schema reads as something other than a string (or may): left to the yaml package. */
const NOT_A_STRING = /^(?:[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;
/** A plain scalar that stays a plain one-line string: no indicator first, no ": " or " #" inside, no flow characters. */
const PLAIN = /^(?![-?:,[\]{}#&*!|>'"%@`])[^\t:#,[\]{}]*(?::(?! |$)[^\t:#,[\]{}]*)*$/;

/** One scalar of the flat form (quotes included), read as the yaml package reads it; undefined to defer to the package. */
function flatScalar(text: string, inFlow: boolean): string | undefined {
  if (text.length >= 2 && text[0] === '"' && text[text.length - 1] === '"') {
    const inner = text.slice(1, -1);
    return /["\\]/.test(inner) ? undefined : inner;
  }
  if (text.length >= 2 && text[0] === "'" && text[text.length - 1] === "'") {
    const inner = text.slice(1, -1);
    return inner.includes("'") ? undefined : inner;
  }
  if (!text || !PLAIN.test(text) || NOT_A_STRING.test(text) || / #/.test(text) || (inFlow && /[[\]{},:]/.test(text))) return undefined;
  return text;
}

function onlyPlainCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/**
 * The front matter as the yaml package reads it, when every line is blank, a comment, or `key: value` with a plain or simply quoted
 * string or a one-line flow list of such strings; undefined otherwise (the package reads it).
 */
export function readFlatYaml(content: string, contentOffset: number): RawEntry[] | undefined {
  // Line breaks other than \n, tabs, controls, a BOM and surrogates are the package's to judge.
  if (content.length > 4096 || !onlyPlainCharacters(content)) return undefined;
  const entries: RawEntry[] = [];
  let offset = 0;
  for (const line of content.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const m = FLAT_KEY.exec(line);
    if (!m || / $/.test(m[1]) || /^(?:true|false|null|yes|no|on|off|y|n)$/i.test(m[1])) return undefined;
    const rest = line.slice(m[0].length);
    let cut = rest.length;
    while (cut > 0 && rest.charCodeAt(cut - 1) === 0x20) cut--;
    const value = rest.slice(0, cut);
    if (!value) return undefined;
    const start = lineStart + m[0].length;
    const key = canonicalMetadataKey(m[1]);
    if (value[0] === '[') {
      if (value[value.length - 1] !== ']') return undefined;
      const inner = value.slice(1, -1);
      if (/[[\]{}]/.test(inner) || /,\s*$/.test(inner)) return undefined;
      const list: string[] = [];
      if (inner.trim() !== '') {
        for (const part of inner.split(',')) {
          const item = flatScalar(part.trim(), true);
          if (item === undefined) return undefined;
          if (item.trim() !== '') list.push(item);
        }
      }
      if (key) entries.push({ key, raw: list.join(', '), list, start: contentOffset + start, end: contentOffset + start + value.length, source: 'frontMatter' });
      continue;
    }
    const scalar = flatScalar(value, false);
    if (scalar === undefined) return undefined;
    if (key) entries.push({ key, raw: scalar, start: contentOffset + start, end: contentOffset + start + value.length, source: 'frontMatter' });
  }
  return entries;
}

/**
 * Reads TOML front matter (`+++`), the flat `key = value` form Hugo and Zola sites use: strings,
 * dates, numbers, booleans and arrays of strings; tables (`[params]`) are skipped.
 */
export function readTomlFrontMatter(content: string, contentOffset: number, lines: LineIndex, problems: ModelProblem[]): RawEntry[] {
  if (content.length > MAX_FRONT_MATTER) {
    problems.push(frontMatterTooLong(content.length, contentOffset, lines));
    return [];
  }
  const entries: RawEntry[] = [];
  let offset = 0;
  let inTable = false;
  for (const line of content.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    if (/^\[{1,2}[^\]]*\]{1,2}$/.test(trimmed)) {
      inTable = true;
      continue;
    }
    const m = /^([A-Za-z0-9_-]+|"[^"]*")\s*=\s*(.*?)\s*$/.exec(line.length > 2000 ? '' : line);
    if (!m) {
      problems.push({ code: 'front-matter-yaml', message: 'Front matter is not valid TOML: expected `key = value`.', range: lines.range(contentOffset + lineStart, contentOffset + lineStart + line.length) });
      continue;
    }
    if (inTable) continue;
    const key = canonicalMetadataKey(m[1].replace(/^"|"$/g, ''));
    if (!key) continue;
    const valueText = m[2].replace(/(?<!\s)\s+#.*$/, '');
    const valueStart = contentOffset + lineStart + line.indexOf(m[2], m[1].length);
    let raw: string;
    let list: string[] | undefined;
    if (/^\[.*\]$/.test(valueText)) {
      list = [...valueText.slice(1, -1).matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((x) => x[1] ?? x[2]).filter((x) => x.trim() !== '');
      raw = list.join(', ');
    } else {
      const quoted = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(valueText);
      raw = quoted ? (quoted[1] !== undefined ? quoted[1].replace(/\\(["\\])/g, '$1') : quoted[2]) : valueText;
    }
    entries.push({ key, raw, ...(list ? { list } : {}), start: valueStart, end: valueStart + valueText.length, source: 'frontMatter' });
  }
  return entries;
}

const KEY_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z /_-]{0,30}?)[ \t]*(?:(?:\*\*|__)[ \t]*:|:[ \t]*(?:\*\*|__)|:)[ \t]*(.*?)[ \t]*$/;

/** Reads `**Severity:** SEV1` / `Status: Draft` lines from the given line span. */
export function readKeyLines(lines: LineIndex, fromLine: number, toLine: number): RawEntry[] {
  const entries: RawEntry[] = [];
  for (let line = fromLine; line <= toLine && line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (text.length > 300) continue;
    const m = KEY_LINE.exec(text);
    if (!m || !m[2]) continue;
    const key = canonicalMetadataKey(m[1]);
    if (!key) continue;
    // A trailing backslash is a Markdown hard line break (`**Date**: 30th January 2023\`), not part of the value.
    const value = m[2].replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').replace(/\\$/, '').trim();
    const valueStart = lines.lineStarts[line] + text.lastIndexOf(m[2]) + (m[2].length - m[2].replace(/^(?:\*\*|__)/, '').length);
    entries.push({ key, raw: value, start: valueStart, end: valueStart + value.length, source: 'keyLine' });
  }
  return entries;
}

function splitPeople(raw: string): string[] {
  return raw.split(/,|;|\band\b|&/).map((s) => s.trim()).filter(Boolean);
}

const INCIDENT_STATE = /^(?:resolved|closed|fixed|mitigated|monitoring|ongoing|investigating|identified|open|active)\.?$/i;

/** Turns raw entries into typed metadata; earlier entries win (front matter before key lines). */
export function buildMetadata(entries: RawEntry[], lines: LineIndex, problems: ModelProblem[]): Metadata {
  const metadata: Metadata = {};
  const set = <K extends MetadataKey>(key: K, field: Metadata[K]) => {
    if (metadata[key] === undefined) metadata[key] = field;
  };
  const dateEntry = entries.find((e) => e.key === 'date');
  const zoneEntry = entries.find((e) => e.key === 'timezone');
  let baseDate: string | undefined;
  for (const entry of entries) {
    const range = lines.range(entry.start, entry.end);
    const field = { raw: entry.raw, range, source: entry.source };
    const raw = entry.raw.trim();
    if (metadata[entry.key] !== undefined) continue;
    // `**Status**: we are still investigating` is prose, not a value to check.
    if (entry.source === 'keyLine' && (entry.key === 'severity' || entry.key === 'status') && raw.split(/\s+/).length > 3) continue;
    // `**Status**: Resolved` above a published post-mortem is the incident's state, not the document's.
    if (entry.source === 'keyLine' && entry.key === 'status' && INCIDENT_STATE.test(raw)) continue;
    switch (entry.key) {
      case 'severity': {
        const value = normalizeSeverity(raw);
        if (value) set('severity', { ...field, value });
        else problems.push({ code: 'front-matter-severity', message: `\`${raw}\` is not a severity; use one of ${SEVERITY_VALUES.join(', ')}.`, range });
        break;
      }
      case 'status': {
        const value = normalizeStatus(raw);
        if (value) set('status', { ...field, value });
        else problems.push({ code: 'front-matter-status', message: `\`${raw}\` is not a status; use draft, in-review or final.`, range });
        break;
      }
      case 'date':
      case 'review': {
        // A date with its time, as Jekyll and Hugo write it ("2021-02-26 16:07:00 +0000"), is that date.
        const parsed = parseDate(raw.replace(/^(\d{4}-\d{2}-\d{2})\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|UTC|[+-]\d{2}:?\d{2}))?$/i, '$1').replace(/T.*$/, ''), true);
        if (parsed?.ok) {
          set(entry.key, { ...field, value: parsed.iso });
          if (entry.key === 'date') baseDate = parsed.iso;
        } else if (entry.key === 'date' || /\d/.test(raw)) {
          const reason = parsed && !parsed.ok ? parsed.reason : `\`${raw}\` is not a date (expected YYYY-MM-DD)`;
          problems.push({ code: 'front-matter-date', message: `${capitalize(entry.key)}: ${reason}.`, range, field: entry.key });
        }
        break;
      }
      case 'authors':
      case 'facilitator':
        set(entry.key, { ...field, value: entry.list ?? splitPeople(raw) });
        break;
      case 'timezone':
        set('timezone', { ...field, value: raw });
        break;
      case 'tags':
      case 'services':
        set(entry.key, { ...field, value: entry.list ?? raw.split(/[,;]/).map((s) => s.trim()).filter(Boolean) });
        break;
      case 'started':
      case 'detected':
      case 'mitigated':
      case 'resolved':
        break; // after the date is known
      default:
        set(entry.key, { ...field, value: raw });
    }
  }
  if (!baseDate && dateEntry === undefined) baseDate = undefined;
  const zone = zoneEntry?.raw.trim() || undefined;
  for (const entry of entries) {
    if (entry.key !== 'started' && entry.key !== 'detected' && entry.key !== 'mitigated' && entry.key !== 'resolved') continue;
    if (metadata[entry.key] !== undefined) continue;
    // `**Resolution**: we re-applied the Terraform state` tells how, not when.
    if (entry.source === 'keyLine' && !/^\W{0,3}\d/.test(entry.raw.trim())) continue;
    // `resolved = true` (status-page front matter: StatusKit, cState) says that it happened, not when: no time, and no error.
    if (/^(?:true|false)$/i.test(entry.raw.trim())) continue;
    const range = lines.range(entry.start, entry.end);
    const parsed = parseTimeValue(entry.raw, baseDate, zone);
    if (parsed?.ok) {
      metadata[entry.key] = { raw: entry.raw, range, source: entry.source, value: parsed.value } as MetadataField<TimeValue>;
    } else if (entry.raw.trim()) {
      const reason = parsed && !parsed.ok ? parsed.reason : `\`${entry.raw.trim()}\` is not a time (expected YYYY-MM-DDTHH:MM or HH:MM)`;
      problems.push({ code: 'front-matter-date', message: `${capitalize(entry.key)}: ${reason}.`, range, field: entry.key });
    }
  }
  return metadata;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function frontMatterTooLong(length: number, contentOffset: number, lines: LineIndex): ModelProblem {
  return {
    code: 'front-matter-yaml',
    message: `Front matter has ${Math.round(length / 1024).toLocaleString('en')} K characters, more than the ${MAX_FRONT_MATTER / 1024} K read; it is not read (keep metadata to a few keys; move long content below the front matter).`,
    range: lines.range(contentOffset, lines.lineStarts[lines.positionAt(contentOffset).line + 1] ?? contentOffset),
  };
}

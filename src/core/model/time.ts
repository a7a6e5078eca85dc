import type { TimeValue } from './types';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export type DateParse = { ok: true; iso: string } | { ok: false; reason: string };

/** Reads `2026-03-14` strictly, or in tolerant mode also `Apr 1, 2026`, `1 April 2026`, `2026/04/01`. */
export function parseDate(text: string, tolerant = true): DateParse | undefined {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ?? (tolerant ? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s) : null);
  if (m) return checked(+m[1], +m[2], +m[3], s);
  if (!tolerant) return undefined;
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? checked(+m[3], month, +m[2], s) : undefined;
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthNumber(m[2]);
    return month ? checked(+m[3], month, +m[1], s) : undefined;
  }
  return undefined;
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((full) => full.startsWith(lower) && (lower.length === 3 || lower === full || (lower === 'sept' && full === 'september')));
  return index === -1 ? undefined : index + 1;
}

function checked(year: number, month: number, day: number, raw: string): DateParse {
  return isValidDate(year, month, day) ? { ok: true, iso: isoDate(year, month, day) } : { ok: false, reason: `${raw} is not a real date` };
}

/** Source of a regex that finds date-like text (valid or not) for deadline and timeline parsing. */
export const DATE_LIKE_SOURCE =
  String.raw`\d{4}-\d{1,2}-\d{1,2}|\d{4}\/\d{1,2}\/\d{1,2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?,?\s+\d{4}`;

/** Zone names that stand for a region whose offset changes with daylight saving time. */
const REGION_ZONES: Record<string, string> = {
  ET: 'America/New_York', EASTERN: 'America/New_York', PT: 'America/Los_Angeles', PACIFIC: 'America/Los_Angeles',
  CT: 'America/Chicago', CENTRAL: 'America/Chicago', MT: 'America/Denver', MOUNTAIN: 'America/Denver',
};

/** How a zone's text reads: a fixed offset in minutes, an IANA name whose offset depends on the instant, or not a zone. */
type ZoneReading = { offset: number } | { name: string } | undefined;

/** Readings and formatters by zone text, bounded: zone texts come from documents. */
const ZONE_READINGS = new Map<string, ZoneReading>();
const FORMATTERS = new Map<string, Intl.DateTimeFormat | null>();
const MAX_CACHED_ZONES = 256;

function readZone(zone: string): ZoneReading {
  const z = zone.trim().replace(/\s+/g, '');
  if (/^(?:z|utc|gmt)$/i.test(z)) return { offset: 0 };
  const m = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (m) {
    const hours = +m[2];
    const minutes = m[3] ? +m[3] : 0;
    if (hours > 14 || minutes > 59) return undefined;
    return { offset: (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) };
  }
  const abbreviation = ZONE_ABBREVIATIONS[z.toUpperCase()];
  if (abbreviation !== undefined) return { offset: abbreviation };
  const name = REGION_ZONES[z.toUpperCase()] ?? z;
  return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/.test(name) ? { name } : undefined;
}

function formatterOf(name: string): Intl.DateTimeFormat | null {
  let formatter = FORMATTERS.get(name);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    } catch {
      formatter = null;
    }
    if (FORMATTERS.size < MAX_CACHED_ZONES) FORMATTERS.set(name, formatter);
  }
  return formatter;
}

/** Zone text -> offset in minutes at the given UTC instant. Accepts `Z`, `UTC`, `GMT`, `+02:00`, `+0200`, `UTC+2`, abbreviations, IANA names. */
export function zoneOffsetMinutes(zone: string, atUtc: number): number | undefined {
  let reading = ZONE_READINGS.get(zone);
  if (reading === undefined && !ZONE_READINGS.has(zone)) {
    reading = readZone(zone);
    if (ZONE_READINGS.size < MAX_CACHED_ZONES) ZONE_READINGS.set(zone, reading);
  }
  if (reading === undefined) return undefined;
  if ('offset' in reading) return reading.offset;
  if (!Number.isFinite(atUtc) || Math.abs(atUtc) > MAX_INSTANT) return undefined;
  const formatter = formatterOf(reading.name);
  if (!formatter) return undefined;
  try {
    const parts = formatter.formatToParts(new Date(atUtc));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return Math.round((asUtc - Math.floor(atUtc / 60000) * 60000) / 60000);
  } catch {
    return undefined;
  }
}

/** Largest instant a `Date` can hold (±8.64e15 ms); date arithmetic stays inside it. */
export const MAX_INSTANT = 8.64e15;

/** The zone as shown and computed: `utc` → `UTC`, `+0200` → `+02:00`, `ET` stays (its offset follows DST). */
export function normalizeZone(zone: string): string {
  const z = zone.trim().replace(/\s+/g, '');
  if (/^z$/i.test(z)) return 'Z';
  if (/^(?:utc|gmt)$/i.test(z)) return z.toUpperCase();
  const m = /^(utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (m) return m[1] ? `${m[1].toUpperCase()}${m[2]}${m[3]}${m[4] ? `:${m[4]}` : ''}` : `${m[2]}${m[3].padStart(2, '0')}:${m[4] ?? '00'}`;
  if (ZONE_ABBREVIATIONS[z.toUpperCase()] !== undefined || REGION_ZONES[z.toUpperCase()]) return /^[a-z]+$/i.test(z) && z.length <= 5 ? z.toUpperCase() : z;
  return z;
}

const ZONE_ABBREVIATIONS: Record<string, number> = {
  CET: 60, CEST: 120, EET: 120, EEST: 180, WET: 0, WEST: 60, BST: 60, IST: 330, JST: 540, KST: 540, AEST: 600, AEDT: 660, ACST: 570,
  NZST: 720, NZDT: 780, HST: -600, AKST: -540, AKDT: -480, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

export function isKnownZone(zone: string): boolean {
  return zoneOffsetMinutes(zone, Date.UTC(2026, 0, 1)) !== undefined;
}

/** Zone pattern source used after times: `Z`, `UTC`, `UTC+2`, `+02:00`, abbreviations. */
export const ZONE_SOURCE = String.raw`Z|UTC(?:[+-]\d{1,2}(?::?\d{2})?)?|GMT(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|CET|CEST|EET|EEST|WET|WEST|BST|IST|JST|KST|AEST|AEDT|EST|EDT|CST|CDT|MST|MDT|PST|PDT`;

/** Builds a TimeValue for a clock time on an optional date in an optional zone. */
export function makeTime(raw: string, minutes: number, date: string | undefined, zone: string | undefined): TimeValue {
  const value: TimeValue = { raw, minutes };
  if (zone) value.zone = zone;
  if (date) {
    value.date = date;
    const [y, mo, d] = date.split('-').map(Number);
    const wallAsUtc = Date.UTC(y, mo - 1, d) + minutes * 60000;
    if (!Number.isFinite(wallAsUtc) || Math.abs(wallAsUtc) > MAX_INSTANT) return value;
    let offset = zone ? zoneOffsetMinutes(zone, wallAsUtc) : undefined;
    // IANA offsets depend on the instant itself; one refinement step handles DST edges.
    if (zone && offset !== undefined) offset = zoneOffsetMinutes(zone, wallAsUtc - offset * 60000) ?? offset;
    if (offset !== undefined) value.offsetMinutes = offset;
    value.instant = wallAsUtc - (offset ?? 0) * 60000;
  }
  return value;
}

/** The ISO day `days` after `isoDay`; clamped to years 1000–9999 (beyond, the day itself). */
export function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + (Number.isFinite(days) ? Math.max(-4e6, Math.min(4e6, days)) : 0)));
  const year = t.getUTCFullYear();
  if (!Number.isFinite(t.getTime()) || year < 1000 || year > 9999) return isoDay;
  return isoDate(year, t.getUTCMonth() + 1, t.getUTCDate());
}

export type ClockParse = { ok: true; minutes: number } | { ok: false; reason: string };

export function parseClock(text: string): ClockParse | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hours = +m[1];
  const minutes = +m[2];
  const meridiem = m[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hours > 12) return { ok: false, reason: `${text.trim()} is not a valid time` };
    // `0:25 AM` (some clocks print midnight's hour as 0) is 00:25; `12:10 AM` is 00:10.
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || (m[3] !== undefined && +m[3] > 59)) return { ok: false, reason: `${text.trim()} is not a valid time of day` };
  return { ok: true, minutes: hours * 60 + minutes };
}

const TIME_VALUE = new RegExp(String.raw`^(?:(\d{4}-\d{1,2}-\d{1,2})(?:[T\s]+|$))?(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?)?\s*(${ZONE_SOURCE}|[A-Za-z_]+\/[A-Za-z_]+)?$`, 'i');

/**
 * Reads a full time value: `2026-03-14T14:02:00Z`, `2026-03-14 14:02 UTC`, `14:02`, `14:02 +02:00`.
 * Clock-only values take `defaultDate`. Returns a reason for values that look like times but are impossible.
 */
export function parseTimeValue(text: string, defaultDate?: string, defaultZone?: string): { ok: true; value: TimeValue } | { ok: false; reason: string } | undefined {
  const raw = text.trim();
  // No time value is longer; the bound also keeps the pattern below linear on long whitespace runs.
  if (raw.length > 64) return undefined;
  const m = TIME_VALUE.exec(raw);
  if (!m || (!m[1] && !m[2])) return undefined;
  let date = defaultDate;
  if (m[1]) {
    const parsed = parseDate(m[1], false);
    if (!parsed || !parsed.ok) return { ok: false, reason: parsed && !parsed.ok ? parsed.reason : `${raw} is not a date` };
    date = parsed.iso;
  }
  let minutes = 0;
  if (m[2]) {
    // Seconds are checked (`23:59:60` is a leap second, which no key time can be; the timeline flags it too), then dropped.
    const clock = parseClock(m[2].replace(/(:\d{2}:\d{2})\.\d+/, '$1'));
    if (!clock) return undefined;
    if (!clock.ok) return clock;
    minutes = clock.minutes;
  }
  const zone = m[3] ?? defaultZone;
  if (m[3] && !isKnownZone(m[3])) return { ok: false, reason: /\d/.test(m[3]) ? `\`${m[3]}\` is not a time zone offset (offsets run from -14:00 to +14:00)` : `unknown time zone ${m[3]}` };
  return { ok: true, value: makeTime(raw, minutes, date, zone) };
}

/** Minutes from a to b when both are comparable, else null. */
export function minutesBetween(a: TimeValue | undefined, b: TimeValue | undefined): number | null {
  if (!a || !b) return null;
  if (a.instant !== undefined && b.instant !== undefined) return Math.round((b.instant - a.instant) / 60000);
  if (a.date === undefined && b.date === undefined) {
    // Without dates, a jump back of 12 hours or more is read as crossing midnight.
    const delta = b.minutes - a.minutes;
    return delta <= -720 ? delta + 1440 : delta;
  }
  return null;
}

/** `1 h 32 min`, `14 min`, `2 d 3 h`. */
export function formatDuration(totalMinutes: number | null | undefined): string {
  if (totalMinutes === null || totalMinutes === undefined || !Number.isFinite(totalMinutes)) return '—';
  const sign = totalMinutes < 0 ? '−' : '';
  let rest = Math.abs(Math.round(totalMinutes));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes || parts.length === 0) parts.push(`${minutes} min`);
  return sign + (days ? parts.slice(0, 2) : parts).join(' ');
}

export function formatClock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** ISO string for a time value: full ISO instant with the written offset when a date is known, else `HH:MM`. */
export function formatTimeValue(value: TimeValue): string {
  if (value.instant === undefined || !Number.isFinite(value.instant) || Math.abs(value.instant) > MAX_INSTANT - 1e11) return formatClock(value.minutes);
  const offset = value.offsetMinutes;
  if (offset === undefined || offset === 0) return new Date(value.instant).toISOString().replace('.000Z', 'Z');
  const local = new Date(value.instant + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Whole days from `todayIso` to `dueIso` (negative when overdue). */
export function daysUntil(dueIso: string, todayIso: string): number {
  const toUtc = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(dueIso) - toUtc(todayIso)) / 86400000);
}

export function todayIso(clock: () => Date = () => new Date()): string {
  const now = clock();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

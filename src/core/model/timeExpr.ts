// Reads the date and time expressions people write in post-mortems: `2018-04-18 12:35`,
// `June 14th, 2022, 10:00 AM`, `Sun Oct 31 21:33`, `19. April, 11:00`, `[08:47]`, `~13:30-13:45`,
// `17:14pm`, `13:14 EDT`, `22:52 (maybe earlier?)`, placeholders (`--:--`, `2X:XX`, `[???]`), offsets from an
// earlier event (`[+1 hrs]`, `+10 minutes`, `T+2h`, `+2 business days later`).
// A hand-written scanner over sticky regexes: every piece is anchored where the previous one ended, so
// the whole scan is linear in the length of what it reads.
import { isValidDate, zoneOffsetMinutes } from './time';

export interface TimeExpr {
  /** Span of the expression in the scanned text (brackets, lead words and trailing notes included). */
  start: number;
  end: number;
  /** Span of the date-and-time text proper (what is shown as "the time as written"). */
  coreStart: number;
  coreEnd: number;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  /** Minutes since midnight, when a clock time was read. */
  minutes?: number;
  /** End of a range (`13:30-13:45`), minutes since midnight. */
  endMinutes?: number;
  /** `~13:30`, `approx.`, `(maybe earlier?)`. */
  approximate: boolean;
  /** The clock was written with am/pm (`2:02 pm`, `8-9 PM`). */
  meridiem?: boolean;
  /** The zone as written (`UTC`, `PST`, `+02:00`, `Europe/Berlin`, `Denver`). */
  zone?: string;
  /** A placeholder where the time should be (`--:--`, `XX:XX`, `HH:MM`, `[???]`): time unknown. */
  placeholder: boolean;
  /** An offset from the last event with a clock time (`+1 hrs`, `T+90m`), in minutes. */
  offsetMinutes?: number;
  /** An offset in days (`+2 business days later`): a date relative to that event, no time of day. */
  offsetDays?: number;
  /** Looks like a time or date but cannot be one (`25:61`, `2026-13-01`). */
  invalid?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const RE = {
  space: /[ \t\u00a0]*/y,
  open: /[[(]\s*/y,
  close: /\s*[\])]/y,
  // "ca kl 07:25" (Norwegian and Danish: circa, o'clock).
  approx: /(?:~|≈|approx(?:imately|\.)?|around|about|circa|ca\.|ca(?=\s+(?:kl\b|\d))|roughly)\s*/iy,
  lead: /(?:at|on|from|since|by|update[ds]?|updated at|edit(?:ed)?|posted|as of|kl\.?)\s*[:-]?\s+(?=[\d~[(]|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/iy,
  weekday: /(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?,?\s*/iy,
  iso: /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/y,
  slash: /(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/y,
  dotted: /(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/y,
  monthFirst: new RegExp(String.raw`${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d|:\d)(?:,?\s*(\d{4})(?!\d|:\d))?`, 'iy'),
  dayFirst: new RegExp(String.raw`(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?${MONTH}\b\.?(?:,?\s*(\d{4})(?!\d|:\d))?`, 'iy'),
  oclock: /kl\.?\s+/iy,
  dateTimeSep: /\s*,\s*(?:at\s+|kl\.?\s+)?|T(?=\d)|\s+at\s+|\s+kl\.?\s+|\s*@\s*|\s*(?:--|[-–—])\s*|\s*\/\s*|\s+/iy,
  clock: /(\d{1,2})[:.](\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?\s?m\b\.?)?(?!\d|:\d)/iy,
  hourMeridiem: /(\d{1,2})\s*([ap])\.?\s?m\b\.?/iy,
  // "8-9 PM", "~10–12 am": two hours sharing the meridiem written after the second.
  hourRangeMeridiem: /(1[0-2]|0?[1-9])(?=\s*(?:-|–|—|to)\s*(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*[ap]\.?\s?m\b)/iy,
  compact: /(\d{2})(\d{2})(?=\s*(?::|h\b|hrs\b|utc\b|z\b|gmt\b|[a-z]{1,3}t\b)|\s+[-–—])/iy,
  namedClock: /(noon|midday|midnight)\b/iy,
  placeholderClock: /([0-9xX?-]{1,2})[:.]([0-9xX?-]{2})(?![\w:])/y,
  placeholderWord: /(?:hh:mm|hh\.mm|\?{2,}|--+:--+)/iy,
  bracketUnknown: /\[\s*\?+\s*\]|\(\s*\?+\s*\)/y,
  loneX: /x(?![\w])/iy,
  // "2023-01-04 (Time TBC)": the time is to be confirmed.
  timeToConfirm: /\(\s*time\s+(?:tbc|tbd|unknown|not\s+known)\s*\)|time\s+(?:tbc|tbd|unknown)\b/iy,
  rangeSep: /\s*(?:-|–|—|to|until|till)\s*/iy,
  zone: /\s*(?:\(\s*)?(z|utc(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?|gmt(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|cest|cet|eest|eet|west|wet|bst|ist|jst|kst|aest|aedt|acst|nzst|nzdt|hst|akst|akdt|edt|est|cdt|cst|mdt|mst|pdt|pst|et|pt|ct|mt|eastern|pacific|central|mountain|[A-Z][a-z]+\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?)\b\s*\)?/iy,
  cityZone: /\s*(?:\(\s*)?([A-Z][A-Za-z]?[a-z]+(?:[ _][A-Z][a-z]+)?)\b\s*\)?/y,
  note: /\s*\((?:maybe|perhaps|possibly|probably|approx\.?|approximately|around|roughly|est\.?|estimated|or so|guess)[^()]{0,60}\)|\s*\?(?!\w)/iy,
  day: /day\s+(\d{1,12})\b/iy,
  offset: /(?:T\s?)?\+\s?(\d{1,4}(?:\.\d{1,2})?)\s*(h|hrs?|hours?|m|mins?|minutes?|(?:business\s+|working\s+)?days?)\b(?:\s+later\b)?/iy,
};

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[lower] ?? MONTHS[lower.slice(0, 3)];
}

interface DatePart {
  end: number;
  year?: number;
  month: number;
  day: number;
  invalid?: string;
}

function readDate(text: string, pos: number): DatePart | undefined {
  let m = at(RE.iso, text, pos);
  if (m) return checkDate(+m[1], +m[2], +m[3], m.index + m[0].length, m[0]);
  m = at(RE.monthFirst, text, pos);
  if (m) {
    const month = monthNumber(m[1]);
    if (month) return checkDate(m[3] ? +m[3] : undefined, month, +m[2], m.index + m[0].length, m[0]);
  }
  m = at(RE.dayFirst, text, pos);
  if (m) {
    const month = monthNumber(m[2]);
    if (month) return checkDate(m[3] ? +m[3] : undefined, month, +m[1], m.index + m[0].length, m[0]);
  }
  m = at(RE.slash, text, pos);
  if (m) {
    let a = +m[1];
    let b = +m[2];
    const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    // Month first (US) unless the first number cannot be a month.
    if (a > 12 && b <= 12) [a, b] = [b, a];
    return checkDate(year, a, b, m.index + m[0].length, m[0]);
  }
  m = at(RE.dotted, text, pos);
  if (m) return checkDate(+m[3], +m[2], +m[1], m.index + m[0].length, m[0]);
  return undefined;
}

function checkDate(year: number | undefined, month: number, day: number, end: number, raw: string): DatePart {
  const valid = month >= 1 && month <= 12 && day >= 1 && (year === undefined ? day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] : isValidDate(year, month, day));
  return { end, ...(year !== undefined ? { year } : {}), month, day, ...(valid ? {} : { invalid: `${raw.trim()} is not a real date` }) };
}

interface ClockPart {
  end: number;
  minutes?: number;
  /** The clock as written, for a range whose am/pm comes after its second time ("8:30-9:30 PM"). */
  hours?: number;
  clockMinutes?: number;
  meridiem?: string;
  placeholder?: boolean;
  invalid?: string;
}

function readClock(text: string, pos: number, afterDate: boolean): ClockPart | undefined {
  let m = at(RE.clock, text, pos);
  if (m) {
    // `12.35` is a time only with am/pm, right after a date, or as a list entry's lead (`- 10.42: …`); a number elsewhere.
    if (m[0].includes('.') && !m[0].includes(':') && !m[4] && !afterDate && !(m[1].length === 2 && /^\s*(?::|[–—]|-\s)/.test(text.slice(m.index + m[0].length)))) return undefined;
    return { ...clockValue(+m[1], +m[2], m[3] !== undefined ? +m[3] : undefined, m[4], m.index + m[0].length, m[0]), hours: +m[1], clockMinutes: +m[2], ...(m[4] ? { meridiem: m[4] } : {}) };
  }
  m = at(RE.hourMeridiem, text, pos);
  if (m) return { ...clockValue(+m[1], 0, undefined, m[2], m.index + m[0].length, m[0]), meridiem: m[2] };
  // The first hour of "8-9 PM": scanTime's range takes its am/pm from the second time, as for "8:30-9:30 PM".
  m = at(RE.hourRangeMeridiem, text, pos);
  if (m) return { ...clockValue(+m[1], 0, undefined, undefined, m.index + m[0].length, m[0]), hours: +m[1], clockMinutes: 0 };
  if (afterDate) {
    m = at(RE.compact, text, pos);
    if (m) return clockValue(+m[1], +m[2], undefined, undefined, m.index + m[0].length, m[0]);
  }
  m = at(RE.namedClock, text, pos);
  if (m) return { end: m.index + m[0].length, minutes: /midnight/i.test(m[1]) ? 0 : 720 };
  m = at(RE.placeholderClock, text, pos);
  if (m && /[xX?-]/.test(m[1] + m[2])) return { end: m.index + m[0].length, placeholder: true };
  m = at(RE.placeholderWord, text, pos);
  if (m) return { end: m.index + m[0].length, placeholder: true };
  m = at(RE.bracketUnknown, text, pos);
  if (m) return { end: m.index + m[0].length, placeholder: true };
  if (afterDate) {
    m = at(RE.loneX, text, pos) ?? at(RE.timeToConfirm, text, pos);
    if (m) return { end: m.index + m[0].length, placeholder: true };
  }
  return undefined;
}

/**
 * The am/pm of a range's first hour when only the second has one: the same, unless that would put the first after the
 * second ("10-12 PM" starts at 10 AM, "11 to 2 am" at 11 PM).
 */
function sharedMeridiem(first: number, second: number, meridiem: string): string {
  const pm = meridiem.toLowerCase() === 'p';
  return first % 12 > second % 12 ? (pm ? 'a' : 'p') : meridiem;
}

function clockValue(hours: number, minutes: number, seconds: number | undefined, meridiem: string | undefined, end: number, raw: string): ClockPart {
  let h = hours;
  if (meridiem) {
    const pm = meridiem.toLowerCase() === 'p';
    // `17:14pm` is a 24-hour time with a stray suffix; `12 am` is midnight; `0:25 AM` is how some clocks print 00:25.
    if (h >= 1 && h <= 12) h = (h % 12) + (pm ? 12 : 0);
    else if (h === 0) h = pm ? 12 : 0;
    else if (h > 23) return { end, invalid: `${raw.trim()} is not a valid time` };
  }
  if (h > 23 || minutes > 59 || (seconds !== undefined && seconds > 59)) return { end, invalid: `${raw.trim()} is not a valid time of day` };
  return { end, minutes: h * 60 + minutes };
}

function readZone(text: string, pos: number): { end: number; zone: string; invalid?: string } | undefined {
  const m = at(RE.zone, text, pos);
  if (m) {
    // A bare "ET"/"PT"/"CT"/"MT" or "Eastern" needs a word boundary and is upper case or capitalised.
    if (/^(?:et|pt|ct|mt)$/i.test(m[1]) && m[1] !== m[1].toUpperCase()) return undefined;
    const zone = m[1].replace(/\s+/g, '');
    // `+99:99` and `UTC+99` look like offsets but are none; read as UTC they would move the event silently.
    if (/\d/.test(zone) && zoneOffsetMinutes(zone, Date.UTC(2026, 0, 1)) === undefined) {
      return { end: m.index + m[0].length, zone, invalid: `\`${zone}\` is not a time zone offset (offsets run from -14:00 to +14:00)` };
    }
    return { end: m.index + m[0].length, zone };
  }
  const city = at(RE.cityZone, text, pos);
  if (city && cityZone(city[1])) return { end: city.index + city[0].length, zone: city[1] };
  return undefined;
}

let cities: Map<string, string> | undefined;
/** IANA zone of a city name (`Denver` → America/Denver), from the runtime's zone list. */
export function cityZone(name: string): string | undefined {
  if (!cities) {
    cities = new Map();
    let zones: string[];
    try {
      zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    } catch {
      zones = [];
    }
    for (const zone of zones) {
      const city = zone.split('/').pop()!;
      if (zone.includes('/')) cities.set(city.replace(/_/g, ' ').toLowerCase(), zone);
    }
  }
  return cities.get(name.replace(/_/g, ' ').toLowerCase());
}

/**
 * A cell that is only a four-digit clock (`0730`, `2315 UTC`), in a column headed as the time: read as HH:MM. Elsewhere four
 * digits are a year or a number.
 */
export function scanCompactClock(text: string): TimeExpr | undefined {
  const m = /^(\s*)(\d{2})(\d{2})(?:\s*(?:h|hrs|z|utc|gmt))?\s*$/i.exec(text);
  if (!m) return undefined;
  const start = m[1].length;
  const clock = clockValue(+m[2], +m[3], undefined, undefined, start + 4, `${m[2]}${m[3]}`);
  const end = text.trimEnd().length;
  return { start, end, coreStart: start, coreEnd: start + 4, approximate: false, placeholder: false, ...(clock.invalid ? { invalid: clock.invalid } : { minutes: clock.minutes }) };
}

/** `1324: …`, `~1442 : …`: a 24-hour clock without its colon, then the colon of the entry. */
const COMPACT_LEAD = /[ \t]*(~[ \t]*)?([01]\d|2[0-3])([0-5]\d)(?=[ \t]*:(?:\s|$))/y;

/**
 * A clock written as four digits at the start of an entry (`1727: Laurie noticed …`). Only for entries the caller has
 * seen as a run of such entries: alone, `2016: …` is as likely a year.
 */
export function scanCompactLead(text: string, pos = 0): TimeExpr | undefined {
  COMPACT_LEAD.lastIndex = pos;
  const m = COMPACT_LEAD.exec(text);
  if (!m) return undefined;
  const end = m.index + m[0].length;
  const coreStart = end - 4;
  return { start: pos, end, coreStart, coreEnd: end, minutes: +m[2] * 60 + +m[3], approximate: m[1] !== undefined, placeholder: false };
}

/**
 * Reads a date and/or time expression that starts at `pos` (after optional spaces, an opening
 * bracket, `~`/`approx.` and lead words such as "at"). Undefined when none starts there.
 */
export function scanTime(text: string, pos = 0): TimeExpr | undefined {
  let p = at(RE.space, text, pos)!.index + at(RE.space, text, pos)![0].length;
  const start = p;
  let bracket = false;
  let approximate = false;
  let m = at(RE.open, text, p);
  if (m) {
    bracket = true;
    p = m.index + m[0].length;
  }
  m = at(RE.approx, text, p);
  if (m) {
    approximate = true;
    p = m.index + m[0].length;
  }
  m = at(RE.lead, text, p);
  if (m) {
    p = m.index + m[0].length;
    // "At ~11:30am", "at around 10:00": the approximation may follow the lead word.
    const approx = approximate ? null : at(RE.approx, text, p);
    if (approx && /^[\d[(]/.test(text.slice(approx.index + approx[0].length, approx.index + approx[0].length + 1))) {
      approximate = true;
      p = approx.index + approx[0].length;
    }
  }
  const coreStart = p;
  const expr: TimeExpr = { start, end: p, coreStart, coreEnd: p, approximate, placeholder: false };
  const offset = at(RE.offset, text, p);
  if (offset) {
    const amount = +offset[1];
    const unit = offset[2].toLowerCase();
    if (unit.includes('day')) expr.offsetDays = amount;
    else expr.offsetMinutes = Math.round(unit.startsWith('h') ? amount * 60 : amount);
    p = offset.index + offset[0].length;
    expr.coreEnd = p;
    if (bracket) {
      const close = at(RE.close, text, p);
      if (close) p = close.index + close[0].length;
    }
    expr.end = p;
    return expr;
  }
  m = at(RE.weekday, text, p);
  if (m) {
    // A weekday alone is not a date; it needs a date or a time after it.
    const after = m.index + m[0].length;
    if (readDate(text, after) || readClock(text, after, false)) {
      expr.weekday = WEEKDAYS[m[1].slice(0, 3).toLowerCase()];
      p = after;
    }
  }
  const date = readDate(text, p);
  if (date) {
    Object.assign(expr, { month: date.month, day: date.day, ...(date.year !== undefined ? { year: date.year } : {}) });
    if (date.invalid) expr.invalid = date.invalid;
    p = date.end;
    expr.coreEnd = p;
  } else if (expr.weekday === undefined) {
    const day = at(RE.day, text, p);
    if (day) {
      // "Day 2" only counts where a day is expected (headings); the caller decides.
      void day;
    }
  }
  let clockPos = p;
  if (date) {
    const sep = at(RE.dateTimeSep, text, p);
    if (sep) clockPos = sep.index + sep[0].length;
    const approx = at(RE.approx, text, clockPos);
    if (approx) {
      approximate = true;
      clockPos = approx.index + approx[0].length;
      // "ca kl 07:25": circa, then o'clock.
      const oclock = at(RE.oclock, text, clockPos);
      if (oclock) clockPos = oclock.index + oclock[0].length;
    }
  }
  const clock = readClock(text, clockPos, date !== undefined);
  if (clock) {
    p = clock.end;
    expr.coreEnd = p;
    if (clock.placeholder) expr.placeholder = true;
    if (clock.invalid) expr.invalid = clock.invalid;
    if (clock.minutes !== undefined) expr.minutes = clock.minutes;
    if (clock.meridiem) expr.meridiem = true;
    // A range: `13:30-13:45`, `13:30 to 13:45`.
    const sep = at(RE.rangeSep, text, p);
    if (sep && clock.minutes !== undefined) {
      const second = readClock(text, sep.index + sep[0].length, false);
      if (second && second.minutes !== undefined) {
        // "8:30-9:30 PM": the first time takes the am/pm written after the second (as "8-9 PM" does).
        if (!clock.meridiem && second.meridiem && clock.hours !== undefined && clock.hours >= 1 && clock.hours <= 12 && (second.minutes >= 12 * 60) === (second.meridiem.toLowerCase() === 'p')) {
          const shared = clockValue(clock.hours, clock.clockMinutes ?? 0, undefined, sharedMeridiem(clock.hours, Math.floor(second.minutes / 60) % 12 || 12, second.meridiem), clock.end, '');
          if (shared.minutes !== undefined) expr.minutes = shared.minutes;
        }
        expr.endMinutes = second.minutes;
        if (second.meridiem) expr.meridiem = true;
        p = second.end;
        expr.coreEnd = p;
      }
    }
    const zone = readZone(text, p);
    if (zone) {
      expr.zone = zone.zone;
      if (zone.invalid && !expr.invalid) expr.invalid = zone.invalid;
      p = zone.end;
      expr.coreEnd = p;
    }
  } else if (!date) return undefined;
  const note = at(RE.note, text, p);
  if (note) {
    approximate = true;
    p = note.index + note[0].length;
  }
  if (bracket) {
    const close = at(RE.close, text, p);
    if (close) p = close.index + close[0].length;
    else if (!date && clock?.minutes === undefined) return undefined;
  }
  expr.approximate = approximate;
  expr.end = p;
  // The time as written ends at its last character, not at the spaces after it.
  while (expr.coreEnd > expr.coreStart && /\s/.test(text[expr.coreEnd - 1])) expr.coreEnd--;
  return expr;
}

/** "Day 2" at `pos`: the day number, for day headings. */
export function scanDayNumber(text: string, pos = 0): { day: number; end: number } | undefined {
  const m = at(RE.day, text, pos);
  return m ? { day: +m[1], end: m.index + m[0].length } : undefined;
}

/** True when the expression has a usable clock time (not a placeholder, not invalid). */
export function hasClock(expr: TimeExpr): boolean {
  return expr.minutes !== undefined && !expr.invalid;
}

/** True when the expression carries a date (with or without a year). */
export function hasDate(expr: TimeExpr): boolean {
  return expr.month !== undefined && expr.day !== undefined;
}

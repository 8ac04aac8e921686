// The instant a lead opted in, read from an import cell: ISO 8601 as exports write it, and the dates people type
// in spreadsheets (05/03/2024, 5 Mar 2024, March 5, 2024). A date we cannot read for sure is refused, never guessed.
import { IANAZone } from 'luxon';
import type { CountryCode } from '../phone/phone-number.ts';

/** Which number comes first in 05/03/2024. */
export type DateOrder = 'month_first' | 'day_first';

// The countries whose people write the month first (the US and the territories that follow it, the Philippines,
// Micronesia, Palau, the Marshall Islands). Canada is left out: its files come both ways, so only unambiguous
// dates pass there, as they do when the import has no country.
const MONTH_FIRST = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'PH', 'FM', 'PW', 'MH']);
const DAY_FIRST_EXCEPTIONS = new Set(['CA']);

/** The order numeric dates are read in for an import whose numbers default to this country, null when unknown. */
export function dateOrderForCountry(country: CountryCode | null | undefined): DateOrder | null {
  if (!country || DAY_FIRST_EXCEPTIONS.has(country)) return null;
  return MONTH_FIRST.has(country) ? 'month_first' : 'day_first';
}

// 2024-03-05, 2024/03/05, 2024-03-05T14:30, 2024-03-05 14:30:00.123Z, 2024-03-05T14:30:00+01:00
const YEAR_FIRST =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// 05/03/2024, 5.3.24, 05-03-2024 14:30, 3/5/2024 2:30 PM
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?)?$/i;
// 5 Mar 2024, 5 de marzo de 2024, 5. März 2024
const DAY_MONTH_NAME = /^(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})$/iu;
// Mar 5, 2024, March 5th 2024
const MONTH_NAME_DAY = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/iu;

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['jan', 'january', 'ene', 'enero', 'janeiro', 'janv', 'janvier', 'januar'],
  ['feb', 'february', 'febrero', 'fev', 'fevereiro', 'fevr', 'fevrier', 'februar'],
  ['mar', 'march', 'marzo', 'marco', 'mars', 'marz', 'maerz'],
  ['apr', 'april', 'abr', 'abril', 'avr', 'avril'],
  ['may', 'mayo', 'mai', 'maio'],
  ['jun', 'june', 'junio', 'junho', 'juin', 'juni'],
  ['jul', 'july', 'julio', 'julho', 'juil', 'juillet', 'juli'],
  ['aug', 'august', 'ago', 'agosto', 'aout'],
  ['sep', 'sept', 'september', 'septiembre', 'set', 'setembro', 'septembre'],
  ['oct', 'october', 'octubre', 'out', 'outubro', 'octobre', 'okt', 'oktober'],
  ['nov', 'november', 'noviembre', 'novembro', 'novembre'],
  ['dec', 'december', 'dic', 'diciembre', 'dez', 'dezembro', 'decembre', 'dezember'],
];
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, index) => {
  for (const name of names) MONTHS.set(name, index + 1);
});
const MARKS = /\p{M}/gu;

const monthFromName = (name: string): number | undefined => MONTHS.get(name.normalize('NFD').replace(MARKS, '').toLowerCase());

export type ImportDateResult = { ok: true; date: Date } | { ok: false; reason: string };

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC when the cell says so (Z, +01:00), else null: the time is read in the lead's zone. */
  offset: number | null;
}

const unreadable = (text: string): ImportDateResult => ({
  ok: false,
  reason: `Opt-in date "${text}" is not a date we can read: write it like 2024-03-05 or 2024-03-05T14:30:00Z`,
});

/**
 * The instant of a date cell. A date or time without an offset is read in `zone` (the lead's time zone), or in
 * UTC when the lead has none. Numeric day/month dates follow `order`; without one, they pass only when they cannot
 * be read two ways (25/03/2024 can only be the 25th of March).
 */
export function parseImportDate(text: string, options: { order: DateOrder | null; zone: string | null }): ImportDateResult {
  const parts = dateParts(text, options.order);
  if (typeof parts === 'string') return { ok: false, reason: parts };
  if (!parts) return unreadable(text);
  const { year, month, day, hour, minute, second, millisecond, offset } = parts;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { ok: false, reason: `Opt-in date "${text}" is not a real date` };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `Opt-in date "${text}" has a time that does not exist` };

  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (offset !== null) return { ok: true, date: new Date(asUtc - offset * MINUTE) };
  return { ok: true, date: new Date(options.zone ? instantOfLocalTime(asUtc, options.zone) : asUtc) };
}

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;
const DAY = 24 * 60 * MINUTE;
const MEMO_LIMIT = 10_000;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset in minutes at an instant, memoized per quarter hour: asking Intl costs ~6 µs, and an import
 * repeats the same zones and days. Offsets change only on quarter hours of UTC (every transition since 1970 does).
 */
function offsetAt(zone: IANAZone, ts: number): number {
  const key = `${zone.name} ${Math.floor(ts / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = zone.offset(ts);
    if (offsets.size >= MEMO_LIMIT) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The instant a wall-clock time (given as if it were UTC) names in a zone, disambiguated like Temporal's
 * "compatible": in the hour a change to daylight time skips it moves forward (02:30 → 03:30), and in the hour a
 * change back repeats it takes the first of the two. (Luxon's choice there depends on today's date.)
 */
function instantOfLocalTime(localAsUtc: number, zoneName: string): number {
  const zone = IANAZone.create(zoneName);
  if (!zone.isValid) return localAsUtc;
  const before = offsetAt(zone, localAsUtc - DAY);
  const after = offsetAt(zone, localAsUtc + DAY);
  const early = localAsUtc - before * MINUTE;
  if (before === after) return early;
  const late = localAsUtc - after * MINUTE;
  const earlyHolds = offsetAt(zone, early) === before;
  const lateHolds = offsetAt(zone, late) === after;
  if (earlyHolds && lateHolds) return Math.min(early, late);
  if (lateHolds) return late;
  return early;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The parts of a date cell; a string says why a readable cell is still refused; undefined: not a date we know. */
function dateParts(text: string, order: DateOrder | null): DateParts | string | undefined {
  let match = YEAR_FIRST.exec(text);
  if (match) {
    const [, year, , month, day, hour, minute, second, fraction, zone] = match;
    return {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
      second: Number(second ?? 0),
      millisecond: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
      offset: zone ? offsetMinutes(zone) : null,
    };
  }
  match = YEAR_LAST.exec(text);
  if (match) {
    const [, first, , second, yearText, hourText, minute, secondsText, meridiem] = match;
    const [a, b] = [Number(first), Number(second)];
    let dayFirst: boolean;
    if (a < 1 || b < 1 || (a > 12 && b > 12)) return `Opt-in date "${text}" is not a real date`;
    if (a > 12) dayFirst = true;
    else if (b > 12) dayFirst = false;
    else if (a === b || order) dayFirst = order !== 'month_first';
    else
      return `Opt-in date "${text}" could be the ${a}${ordinal(a)} of ${monthName(b)} or the ${b}${ordinal(b)} of ${monthName(a)}: write it like ${isoDate(yearText!, b, a)} or ${isoDate(yearText!, a, b)}`;
    let hour = Number(hourText ?? 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) return `Opt-in date "${text}" has a time that does not exist`;
      hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
    }
    return {
      year: fullYear(yearText!),
      month: dayFirst ? b : a,
      day: dayFirst ? a : b,
      hour,
      minute: Number(minute ?? 0),
      second: Number(secondsText ?? 0),
      millisecond: 0,
      offset: null,
    };
  }
  match = DAY_MONTH_NAME.exec(text);
  if (match) {
    const month = monthFromName(match[2]!);
    return month ? dateOnly(Number(match[3]), month, Number(match[1])) : undefined;
  }
  match = MONTH_NAME_DAY.exec(text);
  if (match) {
    const month = monthFromName(match[1]!);
    return month ? dateOnly(Number(match[3]), month, Number(match[2])) : undefined;
  }
  return undefined;
}

const dateOnly = (year: number, month: number, day: number): DateParts => ({
  year,
  month,
  day,
  hour: 0,
  minute: 0,
  second: 0,
  millisecond: 0,
  offset: null,
});

/** Two-digit years are this century's: an opt-in is recent by nature. */
const fullYear = (text: string): number => (text.length === 2 ? 2000 + Number(text) : Number(text));

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthName = (month: number): string => ENGLISH_MONTHS[month - 1] ?? String(month);
const ordinal = (n: number): string =>
  n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
const isoDate = (yearText: string, month: number, day: number): string =>
  `${fullYear(yearText)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

// Business hours as rules: is an instant inside a weekly schedule, and when is the next instant that is. Read in
// the schedule's zone, or in the lead's own ("call leads 9–5 their time"); correct across DST and midnight.
import type { IANAZone } from 'luxon';
import { type BusinessHours, MINUTES_PER_DAY, minutesOfClockTime, type TimeRange, WEEKDAYS } from './business-hours-schema.ts';
import {
  DAY_MS,
  dayNumberOf,
  firstInstantAtOrAfterWallTime,
  instantsAtWallTime,
  MINUTE_MS,
  offsetChangesBetween,
  wallMsAt,
  zoneNamed,
} from './wall-clock.ts';

// The rules, in wall-clock terms (what the clock on the lead's or the business's wall reads):
//
// - An instant is allowed when the local reading falls in a range [start, end) of that local day, or in the part
//   after midnight of a range that started the day before. Ends are exclusive: 09:00–17:00 allows 16:59:59.999,
//   not 17:00.
// - Daylight saving follows from that. On spring-forward day the skipped readings never happen, so a range that
//   lies inside the gap (02:00–03:00 in New York) allows nothing that day, and one that starts in it
//   (02:30–04:00) opens when the clocks jump (03:00). On fall-back day the repeated readings happen twice, so a
//   01:00–02:00 range allows both passes of that hour: two real hours (and 00:00–01:30 reopens for the second
//   01:00–01:30).
// - A holiday is a local date on which no range STARTS. A range that starts the evening before a holiday keeps
//   its part after midnight (Thursday 22:00–02:00 runs to 02:00 on a Friday holiday); a range that starts on the
//   holiday is refused whole, including its part on the next, ordinary day (Friday-holiday 22:00–02:00 allows
//   nothing on Saturday morning either). A range belongs to the day it starts, both for hours and for holidays.
// - With a lead time zone, the whole schedule (weekly hours and holiday dates) is read on the lead's calendar:
//   the agents are automated, so the hours protect the lead's day, not the office's.

export interface BusinessHoursOptions {
  /** Read the weekly hours and holidays in this IANA zone (the lead's) instead of the schedule's own. */
  leadTimezone?: string | null | undefined;
}

/** How far ahead nextAllowedInstant looks before it concludes the schedule allows nothing. */
export const NEXT_ALLOWED_SEARCH_DAYS = 370;

interface OpenWindow {
  /** Milliseconds after the local midnight of the day the range starts; the end passes a day when it spills over. */
  startMs: number;
  endMs: number;
}

interface CompiledSchedule {
  zone: IANAZone;
  /** By ISO weekday index, Monday = 0. */
  windows: OpenWindow[][];
  /** Local day numbers (days since 1970-01-01). */
  holidays: Set<number>;
}

function toWindow(range: TimeRange): OpenWindow {
  const start = minutesOfClockTime(range.start);
  const end = minutesOfClockTime(range.end);
  if (start === null || end === null || start >= MINUTES_PER_DAY)
    throw new Error(`Business hours were not parsed: ${range.start}–${range.end} (parse with businessHoursSchema)`);
  // An end at or before the start is on the next day: 22:00–02:00 is 4 hours, 09:00–09:00 is 24.
  const endMinutes = end > start ? end : end + MINUTES_PER_DAY;
  return { startMs: start * MINUTE_MS, endMs: endMinutes * MINUTE_MS };
}

function compile(schedule: BusinessHours, options: BusinessHoursOptions | undefined): CompiledSchedule {
  return {
    zone: zoneNamed(options?.leadTimezone ?? schedule.timezone),
    windows: WEEKDAYS.map((day) => schedule.days[day].map(toWindow)),
    holidays: new Set(schedule.holidays.map((date) => dayNumberOf(Date.parse(`${date}T00:00:00Z`)))),
  };
}

/** ISO weekday index (Monday = 0) of a local day number; 1970-01-01 was a Thursday. */
const weekdayIndex = (dayNumber: number): number => (((dayNumber + 3) % 7) + 7) % 7;

/** The windows that start on a local day, none on a holiday. */
const windowsStartingOn = (compiled: CompiledSchedule, dayNumber: number): OpenWindow[] =>
  compiled.holidays.has(dayNumber) ? [] : (compiled.windows[weekdayIndex(dayNumber)] ?? []);

function allowedAtWallTime(compiled: CompiledSchedule, wallMs: number): boolean {
  const day = dayNumberOf(wallMs);
  const sinceMidnight = wallMs - day * DAY_MS;
  if (windowsStartingOn(compiled, day).some((w) => w.startMs <= sinceMidnight && sinceMidnight < w.endMs)) return true;
  // The part after midnight of yesterday's ranges.
  return windowsStartingOn(compiled, day - 1).some((w) => sinceMidnight + DAY_MS < w.endMs);
}

const allowedAt = (compiled: CompiledSchedule, instantMs: number): boolean =>
  allowedAtWallTime(compiled, wallMsAt(compiled.zone, instantMs));

/** Is this instant inside the schedule? */
export function isWithinBusinessHours(schedule: BusinessHours, instant: Date, options?: BusinessHoursOptions): boolean {
  return allowedAt(compile(schedule, options), instant.getTime());
}

/** Does the schedule have any hours at all (holidays aside)? */
export const hasAnyHours = (schedule: BusinessHours): boolean => WEEKDAYS.some((day) => schedule.days[day].length > 0);

/**
 * The earliest instant at or after `instant` that is inside the schedule: `instant` itself when it already is,
 * or null when nothing is allowed within NEXT_ALLOWED_SEARCH_DAYS (no hours at all, or holidays covering them).
 */
export function nextAllowedInstant(schedule: BusinessHours, instant: Date, options?: BusinessHoursOptions): Date | null {
  const compiled = compile(schedule, options);
  const from = instant.getTime();
  if (allowedAt(compiled, from)) return new Date(from);
  if (!hasAnyHours(schedule)) return null;

  // Allowed time can only begin where the wall clock reaches a range's start (the reading itself, each pass of it
  // on fall-back day, or the jump past it on spring-forward day) or where the clocks change (falling back re-enters
  // a range). So the candidates are those instants, checked day by day; the first allowed one wins.
  const firstDay = dayNumberOf(wallMsAt(compiled.zone, from)) - 1;
  let dayStartsAt = firstInstantAtOrAfterWallTime(compiled.zone, firstDay * DAY_MS);
  let best: number | null = null;
  for (let day = firstDay; day <= firstDay + NEXT_ALLOWED_SEARCH_DAYS + 1; day++) {
    const nextDayStartsAt = firstInstantAtOrAfterWallTime(compiled.zone, (day + 1) * DAY_MS);
    const candidates = offsetChangesBetween(compiled.zone, dayStartsAt, nextDayStartsAt);
    for (const window of windowsStartingOn(compiled, day)) {
      const wallStart = day * DAY_MS + window.startMs;
      candidates.push(firstInstantAtOrAfterWallTime(compiled.zone, wallStart), ...instantsAtWallTime(compiled.zone, wallStart));
    }
    for (const candidate of candidates)
      if (candidate >= from && (best === null || candidate < best) && allowedAt(compiled, candidate)) best = candidate;
    // A day's candidates all come before the day after next's, so one more day settles it.
    if (best !== null && day > dayNumberOf(wallMsAt(compiled.zone, best))) return new Date(best);
    dayStartsAt = nextDayStartsAt;
  }
  return best === null ? null : new Date(best);
}

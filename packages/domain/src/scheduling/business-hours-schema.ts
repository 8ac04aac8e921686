// The shape of a weekly business-hours schedule as the agent editor writes it, checked with messages a user
// understands: times on the 24-hour clock, no two ranges at once, a real time zone, real holiday dates.
import { z } from 'zod';
import { canonicalTimezoneSpelling, timezoneProblem } from './time-zone.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** Ranges a day may hold: enough for split shifts, small enough that checking overlaps stays instant. */
export const MAX_RANGES_PER_DAY = 24;
export const MINUTES_PER_DAY = 24 * 60;

const CLOCK_TIME = /^(\d{1,2}):([0-5]\d)$/;

/** Minutes since midnight of "HH:MM" ("24:00" → 1440), or null when it is not a time of day. */
export function minutesOfClockTime(text: string): number | null {
  const match = CLOCK_TIME.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : null;
}

// "9:00" is accepted and stored as "09:00"; "24:00" only as an end, meaning the end of that day.
const clockTime = (role: 'start' | 'end') =>
  z
    .string()
    .trim()
    .refine(
      (text) => {
        const minutes = minutesOfClockTime(text);
        return minutes !== null && (role === 'end' || minutes < MINUTES_PER_DAY);
      },
      {
        error: (issue) =>
          role === 'start'
            ? `${JSON.stringify(issue.input)} is not a start time: use the 24-hour clock, like 09:00 or 13:30`
            : `${JSON.stringify(issue.input)} is not an end time: use the 24-hour clock, like 17:00, or 24:00 for midnight`,
      },
    )
    .transform((text) => text.padStart(5, '0'));

/**
 * One stretch of a day. An end at or before the start runs past midnight into the next day (Friday 22:00–02:00 is
 * Friday 22:00 to Saturday 02:00; 09:00–09:00 is 24 hours); "24:00" ends at midnight without spilling over.
 */
export const timeRangeSchema = z.object({ start: clockTime('start'), end: clockTime('end') });
export type TimeRange = z.infer<typeof timeRangeSchema>;

const dayRangesSchema = (day: Weekday) =>
  z
    .array(timeRangeSchema)
    .max(MAX_RANGES_PER_DAY, { error: `${WEEKDAY_NAMES[day]} has more than ${MAX_RANGES_PER_DAY} ranges` })
    .default([]);

const timezoneSchema = z.string().transform((name, ctx) => {
  const problem = timezoneProblem(name);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return canonicalTimezoneSpelling(name);
});

const holidaySchema = z
  .string()
  .trim()
  .pipe(z.iso.date({ error: (issue) => `${JSON.stringify(issue.input)} is not a date: write holidays like 2026-12-25` }));

export const businessHoursSchema = z.object({
  /** IANA name; the weekly hours and the holidays are read in this zone unless a lead's own zone is asked for. */
  timezone: timezoneSchema,
  days: z
    .strictObject({
      mon: dayRangesSchema('mon'),
      tue: dayRangesSchema('tue'),
      wed: dayRangesSchema('wed'),
      thu: dayRangesSchema('thu'),
      fri: dayRangesSchema('fri'),
      sat: dayRangesSchema('sat'),
      sun: dayRangesSchema('sun'),
    })
    // On the days alone, so that overlaps are reported even while the time zone or a holiday is still wrong.
    .superRefine((days, ctx) => {
      for (const problem of overlapProblems(days)) ctx.addIssue({ code: 'custom', ...problem });
    })
    .prefault({}),
  /** Local dates on which no range may start (see business-hours.ts for ranges that cross midnight). */
  holidays: z
    .array(holidaySchema)
    .default([])
    .transform((dates) => [...new Set(dates)].sort()),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;
export type BusinessHoursInput = z.input<typeof businessHoursSchema>;

const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

interface PlacedRange {
  day: Weekday;
  index: number;
  label: string;
  /** Minutes since Monday 00:00; the end may pass the week's end when Sunday's range runs into Monday. */
  start: number;
  end: number;
}

/** Where a range sits in the week, in minutes since Monday 00:00. */
function placeRange(day: Weekday, index: number, range: TimeRange): PlacedRange | null {
  const start = minutesOfClockTime(range.start);
  const end = minutesOfClockTime(range.end);
  if (start === null || end === null || start >= MINUTES_PER_DAY) return null;
  const dayStart = WEEKDAYS.indexOf(day) * MINUTES_PER_DAY;
  const length = end > start ? end - start : end + MINUTES_PER_DAY - start;
  return { day, index, label: `${range.start}–${range.end}`, start: dayStart + start, end: dayStart + start + length };
}

const overlaps = (a: PlacedRange, b: PlacedRange, shift: number) => a.start < b.end + shift && b.start + shift < a.end;

/**
 * Ranges that are open at the same moment, on one day or across midnight (Friday 22:00–02:00 against Saturday
 * 01:00–05:00). Ranges that only touch (09:00–12:00, 12:00–17:00) are fine.
 */
function overlapProblems(days: Record<Weekday, TimeRange[]>): { message: string; path: (string | number)[] }[] {
  const placed = WEEKDAYS.flatMap((day) => days[day].flatMap((range, index) => placeRange(day, index, range) ?? []));
  const problems: { message: string; path: (string | number)[] }[] = [];
  for (const [i, a] of placed.entries()) {
    for (const b of placed.slice(i + 1)) {
      // The week is a circle: Sunday night's range can run into Monday morning's.
      if (![0, MINUTES_PER_WEEK, -MINUTES_PER_WEEK].some((shift) => overlaps(a, b, shift))) continue;
      if (a.day === b.day) {
        problems.push({ message: `${WEEKDAY_NAMES[a.day]}: ${a.label} overlaps ${b.label}`, path: [b.day, b.index] });
        continue;
      }
      // Across days only a range past midnight can collide, with one on the day after it.
      const [before, after] = (WEEKDAYS.indexOf(a.day) + 1) % 7 === WEEKDAYS.indexOf(b.day) ? [a, b] : [b, a];
      problems.push({
        message: `${WEEKDAY_NAMES[before.day]} ${before.label} runs past midnight into ${WEEKDAY_NAMES[after.day]} ${after.label}`,
        path: [after.day, after.index],
      });
    }
  }
  return problems;
}

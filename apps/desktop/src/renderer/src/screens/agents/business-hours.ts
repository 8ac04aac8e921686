// Weekly schedules as the editor changes them: the days in order, a day's ranges, Monday copied to the weekdays.
import type { BusinessHours, TimeRange, Weekday } from './agent-types.ts';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
export const DAY_SHORT: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** A range a newly opened day starts with. */
export const DEFAULT_RANGE: TimeRange = { start: '09:00', end: '17:00' };

export const withDay = (hours: BusinessHours, day: Weekday, ranges: TimeRange[]): BusinessHours => ({
  ...hours,
  days: { ...hours.days, [day]: ranges },
});

export function copyMondayToWeekdays(hours: BusinessHours): BusinessHours {
  const monday = hours.days.mon;
  return { ...hours, days: { ...hours.days, tue: [...monday], wed: [...monday], thu: [...monday], fri: [...monday] } };
}

/** A schedule from ranges per day (missing days closed) in a zone, with no holidays. */
export function weeklyHours(timezone: string, days: Partial<Record<Weekday, TimeRange[]>>): BusinessHours {
  return { timezone, days: Object.fromEntries(WEEKDAYS.map((d) => [d, days[d] ?? []])) as BusinessHours['days'], holidays: [] };
}

const minutes = (time: string): number | null => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

/** An end at or before the start runs into the next day (24:00 ends at midnight and does not). */
export function runsPastMidnight(range: TimeRange): boolean {
  const start = minutes(range.start);
  const end = minutes(range.end);
  return start !== null && end !== null && end <= start && end !== 0;
}

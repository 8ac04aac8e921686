// A schedule in one line, as the list and the editor show it: "Mon–Fri 9:00–17:00; Sat 10:00–14:00 · New York"
// (HoursSummary draws the pieces).
import type { BusinessHours, TimeRange, Weekday } from './agent-types.ts';
import { DAY_SHORT, WEEKDAYS } from './business-hours.ts';

/** "09:00" → "9:00"; an end at midnight reads "24:00", the end of the day. */
export function clockLabel(time: string, role: 'start' | 'end'): string {
  if (role === 'end' && (time === '00:00' || time === '24:00')) return '24:00';
  return time.replace(/^0(\d)/, '$1');
}

const rangeLabel = (r: TimeRange) =>
  r.start === '00:00' && (r.end === '24:00' || r.end === '00:00')
    ? 'all day'
    : `${clockLabel(r.start, 'start')}–${clockLabel(r.end, 'end')}`;

/** "America/New_York" → "New York", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneLabel(timezone: string): string {
  return (timezone.split('/').at(-1) ?? timezone).replaceAll('_', ' ');
}

function daysLabel(days: Weekday[]): string {
  if (days.length === 7) return 'Every day';
  const first = DAY_SHORT[days[0] as Weekday];
  if (days.length === 1) return first;
  const last = DAY_SHORT[days.at(-1) as Weekday];
  return days.length === 2 ? `${first}, ${last}` : `${first}–${last}`;
}

/** The summary's pieces: each group of days with its ranges, the zone, and the holidays if any. */
export function hoursSummaryParts(hours: BusinessHours): { week: string[]; zone: string; holidays: string | null } {
  const groups: { days: Weekday[]; label: string }[] = [];
  for (const day of WEEKDAYS) {
    // Consecutive days with the same ranges go together; closed days are left out.
    const label = hours.days[day].map(rangeLabel).join(', ');
    const last = groups.at(-1);
    const previousDay = WEEKDAYS[WEEKDAYS.indexOf(day) - 1];
    if (last && label && last.label === label && last.days.at(-1) === previousDay) last.days.push(day);
    else if (label) groups.push({ days: [day], label });
  }
  const count = hours.holidays.length;
  return {
    week: groups.length ? groups.map((g) => `${daysLabel(g.days)} ${g.label}`) : ['Closed every day'],
    zone: zoneLabel(hours.timezone),
    holidays: count ? `${count} ${count === 1 ? 'holiday' : 'holidays'}` : null,
  };
}

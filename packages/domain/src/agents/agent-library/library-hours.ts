// The weekly schedules library agents start from: the product's presets, and a few more that fit an industry's
// leads (trades on Saturday mornings, showrooms into the evening, hospitality on evenings and weekends).
// Every range stays between 08:00 and 21:00, the hours in which US rules (TCPA) allow sales calls to a
// consumer, so a library agent never starts out calling at a time the law or good manners forbid.
import { DomainError } from '../../errors/domain-errors.ts';
import { BUSINESS_HOURS_PRESETS, type BusinessHoursPreset, businessHoursPreset } from '../../scheduling/business-hours-presets.ts';
import { type BusinessHours, businessHoursSchema, type TimeRange, type Weekday } from '../../scheduling/business-hours-schema.ts';
import { timezoneProblem } from '../../scheduling/time-zone.ts';

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const range = (start: string, end: string): TimeRange[] => [{ start, end }];
const weekdays = (start: string, end: string) => Object.fromEntries(WEEKDAYS.map((day) => [day, range(start, end)]));

const LIBRARY_DAYS = {
  /** Trades: early starts, and Saturday morning, when homeowners are in and free to talk about the job. */
  weekdays_8_to_6_sat_8_to_12: { ...weekdays('08:00', '18:00'), sat: range('08:00', '12:00') },
  /** Showrooms and consumer sales: after work and most of Saturday, when people shop for big purchases. */
  weekdays_10_to_8_sat_10_to_5: { ...weekdays('10:00', '20:00'), sat: range('10:00', '17:00') },
  /** Stays, meals, trips and celebrations are planned after work and at weekends, not at the desk. */
  evenings_and_weekends: { ...weekdays('17:00', '20:30'), sat: range('10:00', '18:00'), sun: range('12:00', '18:00') },
} satisfies Record<string, Partial<Record<Weekday, TimeRange[]>>>;

export type LibrarySchedule = Exclude<BusinessHoursPreset, 'always'> | keyof typeof LIBRARY_DAYS;

const isPreset = (schedule: LibrarySchedule): schedule is Exclude<BusinessHoursPreset, 'always'> =>
  (BUSINESS_HOURS_PRESETS as readonly string[]).includes(schedule);

/** The schedule in `timezone`, with no holidays; a domain error when the zone is not one we accept (as for a preset). */
export function libraryBusinessHours(schedule: LibrarySchedule, timezone: string): BusinessHours {
  if (isPreset(schedule)) return businessHoursPreset(schedule, timezone);
  const problem = timezoneProblem(timezone);
  if (problem) throw new DomainError('invalid', problem);
  return businessHoursSchema.parse({ timezone, days: LIBRARY_DAYS[schedule], holidays: [] });
}

/** Every schedule a library entry may name, presets first. */
export const LIBRARY_SCHEDULES: readonly LibrarySchedule[] = [
  ...BUSINESS_HOURS_PRESETS.filter((preset): preset is Exclude<BusinessHoursPreset, 'always'> => preset !== 'always'),
  ...(Object.keys(LIBRARY_DAYS) as (keyof typeof LIBRARY_DAYS)[]),
];

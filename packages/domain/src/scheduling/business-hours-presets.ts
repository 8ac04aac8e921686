// Ready-made weekly schedules an agent starts from, in the time zone the company or the user picks.
import { DomainError } from '../errors/domain-errors.ts';
import { type BusinessHours, businessHoursSchema, type TimeRange, type Weekday } from './business-hours-schema.ts';
import { timezoneProblem } from './time-zone.ts';

export const BUSINESS_HOURS_PRESETS = ['always', 'weekdays_9_to_5', 'weekdays_9_to_7_sat_10_to_2'] as const;
export type BusinessHoursPreset = (typeof BUSINESS_HOURS_PRESETS)[number];

const WEEKDAY_KEYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const every = (days: Weekday[], range: TimeRange): Partial<Record<Weekday, TimeRange[]>> =>
  Object.fromEntries(days.map((day) => [day, [range]]));

const PRESET_DAYS: Record<BusinessHoursPreset, Partial<Record<Weekday, TimeRange[]>>> = {
  always: every([...WEEKDAY_KEYS, 'sat', 'sun'], { start: '00:00', end: '24:00' }),
  weekdays_9_to_5: every(WEEKDAY_KEYS, { start: '09:00', end: '17:00' }),
  weekdays_9_to_7_sat_10_to_2: { ...every(WEEKDAY_KEYS, { start: '09:00', end: '19:00' }), sat: [{ start: '10:00', end: '14:00' }] },
};

/** A preset schedule in `timezone`, with no holidays; a domain error when the zone is not one we accept. */
export function businessHoursPreset(preset: BusinessHoursPreset, timezone: string): BusinessHours {
  const problem = timezoneProblem(timezone);
  if (problem) throw new DomainError('invalid', problem);
  // Through the schema so that a preset is exactly what the editor would have saved (days filled, zone spelled).
  return businessHoursSchema.parse({ timezone, days: PRESET_DAYS[preset], holidays: [] });
}

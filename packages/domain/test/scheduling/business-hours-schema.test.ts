import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors/domain-errors.ts';
import { isWithinBusinessHours, nextAllowedInstant } from '../../src/scheduling/business-hours.ts';
import { BUSINESS_HOURS_PRESETS, businessHoursPreset } from '../../src/scheduling/business-hours-presets.ts';
import { type BusinessHoursInput, businessHoursSchema } from '../../src/scheduling/business-hours-schema.ts';

/** What the editor shows: each problem with where it is. */
function problems(input: unknown): string[] {
  const result = businessHoursSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
const ny = (days: BusinessHoursInput['days'], holidays?: string[]) => ({ timezone: 'America/New_York', days, holidays });

describe('a schedule the editor refuses, and why', () => {
  it.each([
    [
      'a start past the day',
      ny({ mon: [{ start: '25:00', end: '17:00' }] }),
      'days.mon.0.start: "25:00" is not a start time: use the 24-hour clock, like 09:00 or 13:30',
    ],
    [
      'a start of 24:00',
      ny({ mon: [{ start: '24:00', end: '02:00' }] }),
      'days.mon.0.start: "24:00" is not a start time: use the 24-hour clock, like 09:00 or 13:30',
    ],
    [
      'a dot for a colon',
      ny({ tue: [{ start: '9.00', end: '17:00' }] }),
      'days.tue.0.start: "9.00" is not a start time: use the 24-hour clock, like 09:00 or 13:30',
    ],
    [
      'am/pm',
      ny({ tue: [{ start: '09:00', end: '5pm' }] }),
      'days.tue.0.end: "5pm" is not an end time: use the 24-hour clock, like 17:00, or 24:00 for midnight',
    ],
    [
      'an end past midnight written as 24:30',
      ny({ wed: [{ start: '22:00', end: '24:30' }] }),
      'days.wed.0.end: "24:30" is not an end time: use the 24-hour clock, like 17:00, or 24:00 for midnight',
    ],
    [
      'minutes past 59',
      ny({ wed: [{ start: '09:60', end: '17:00' }] }),
      'days.wed.0.start: "09:60" is not a start time: use the 24-hour clock, like 09:00 or 13:30',
    ],
    [
      'two ranges at once on a day',
      ny({
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '11:30', end: '14:00' },
        ],
      }),
      'days.mon.1: Monday: 09:00–12:00 overlaps 11:30–14:00',
    ],
    [
      'a range inside another',
      ny({
        thu: [
          { start: '09:00', end: '17:00' },
          { start: '12:00', end: '13:00' },
        ],
      }),
      'days.thu.1: Thursday: 09:00–17:00 overlaps 12:00–13:00',
    ],
    [
      'a night range running into the next morning’s',
      ny({ fri: [{ start: '22:00', end: '02:00' }], sat: [{ start: '01:00', end: '05:00' }] }),
      'days.sat.0: Friday 22:00–02:00 runs past midnight into Saturday 01:00–05:00',
    ],
    [
      'Sunday night into Monday morning (the week wraps)',
      ny({ sun: [{ start: '23:00', end: '09:30' }], mon: [{ start: '09:00', end: '17:00' }] }),
      'days.mon.0: Sunday 23:00–09:30 runs past midnight into Monday 09:00–17:00',
    ],
    [
      'a 24-hour range (start = end) and the next day’s morning',
      ny({ tue: [{ start: '09:00', end: '09:00' }], wed: [{ start: '08:00', end: '10:00' }] }),
      'days.wed.0: Tuesday 09:00–09:00 runs past midnight into Wednesday 08:00–10:00',
    ],
    [
      'a zone that does not exist',
      { timezone: 'Mars/Olympus' },
      'timezone: "Mars/Olympus" is not a time zone we know: use a name like America/New_York or Europe/London',
    ],
    [
      'a zone with a space',
      { timezone: 'America/New York' },
      'timezone: "America/New York" is not a time zone we know: use a name like America/New_York or Europe/London',
    ],
    [
      'an offset instead of a zone',
      { timezone: '+05:00' },
      'timezone: "+05:00" is a UTC offset, not a time zone: use a name like America/New_York, which follows daylight saving time',
    ],
    [
      'an abbreviation',
      { timezone: 'EST' },
      'timezone: "EST" is an abbreviation, not a place: use a name like America/New_York, which follows daylight saving time',
    ],
    ['no zone', { timezone: '' }, 'timezone: Choose a time zone, like America/New_York'],
    ['a date that does not exist', ny({}, ['2026-02-30']), 'holidays.0: "2026-02-30" is not a date: write holidays like 2026-12-25'],
    ['a date written day first', ny({}, ['25/12/2026']), 'holidays.0: "25/12/2026" is not a date: write holidays like 2026-12-25'],
    ['a day that is not a weekday key', ny({ monday: [] } as BusinessHoursInput['days']), 'days: Unrecognized key: "monday"'],
    [
      'more ranges in a day than anyone works',
      ny({
        mon: Array.from({ length: 25 }, (_, i) => ({
          start: `00:${String(i).padStart(2, '0')}`,
          end: `00:${String(i + 1).padStart(2, '0')}`,
        })),
      }),
      'days.mon: Monday has more than 24 ranges',
    ],
  ])('%s', (_policy, input, problem) => {
    expect(problems(input)).toEqual([problem]);
  });

  it('reports every problem at once, overlaps included while the zone is still wrong', () => {
    expect(
      problems({
        timezone: 'EST',
        days: {
          mon: [
            { start: '09:00', end: '12:00' },
            { start: '10:00', end: '11:00' },
          ],
        },
        holidays: ['2026-13-01'],
      }),
    ).toEqual([
      'timezone: "EST" is an abbreviation, not a place: use a name like America/New_York, which follows daylight saving time',
      'days.mon.1: Monday: 09:00–12:00 overlaps 10:00–11:00',
      'holidays.0: "2026-13-01" is not a date: write holidays like 2026-12-25',
    ]);
  });
});

describe('a schedule the editor accepts, as stored', () => {
  it.each([
    [
      'ranges that touch',
      ny({
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '12:00', end: '17:00' },
        ],
      }),
    ],
    [
      'a night range ending where the next day’s starts',
      ny({ fri: [{ start: '22:00', end: '02:00' }], sat: [{ start: '02:00', end: '05:00' }] }),
    ],
    [
      'an evening to 24:00 and the next day from 00:00',
      ny({ wed: [{ start: '18:00', end: '24:00' }], thu: [{ start: '00:00', end: '06:00' }] }),
    ],
    ['a 24-hour range', ny({ tue: [{ start: '09:00', end: '09:00' }] })],
    ['a whole day', ny({ sun: [{ start: '00:00', end: '24:00' }] })],
    ['Asia/Kolkata, which Intl.supportedValuesOf leaves out', { timezone: 'Asia/Kolkata' }],
    ['UTC', { timezone: 'UTC' }],
    ['a southern-hemisphere zone', { timezone: 'Australia/Sydney' }],
  ])('%s', (_policy, input) => {
    expect(problems(input)).toEqual([]);
  });

  it('fills missing days, pads hours, spells the zone as the tz database does, sorts and dedupes holidays', () => {
    expect(
      businessHoursSchema.parse({
        timezone: 'america/new_york',
        days: { mon: [{ start: '9:00', end: '17:00' }] },
        holidays: ['2026-12-25', '2026-01-01', '2026-12-25'],
      }),
    ).toEqual({
      timezone: 'America/New_York',
      days: { mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: ['2026-01-01', '2026-12-25'],
    });
    expect(businessHoursSchema.parse({ timezone: 'UTC' })).toEqual({
      timezone: 'UTC',
      days: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: [],
    });
  });
});

describe('presets an agent starts from', () => {
  it.each(BUSINESS_HOURS_PRESETS)('%s is a schedule the editor would save', (preset) => {
    const hours = businessHoursPreset(preset, 'Europe/London');
    expect(businessHoursSchema.parse(hours)).toEqual(hours);
    expect(hours.timezone).toBe('Europe/London');
    expect(hours.holidays).toEqual([]);
  });

  it.each([
    ['always', 'Sunday 03:00', '2026-03-08T03:00:00-04:00', true],
    ['always', 'the skipped hour’s edge, 01:59:59 EST on spring-forward day', '2026-03-08T01:59:59-05:00', true],
    ['always', 'the second 01:30 on fall-back day', '2026-11-01T01:30:00-05:00', true],
    ['weekdays_9_to_5', 'Monday 09:00', '2026-03-02T09:00:00-05:00', true],
    ['weekdays_9_to_5', 'Friday 16:59', '2026-03-06T16:59:00-05:00', true],
    ['weekdays_9_to_5', 'Friday 17:00', '2026-03-06T17:00:00-05:00', false],
    ['weekdays_9_to_5', 'Saturday 10:00', '2026-03-07T10:00:00-05:00', false],
    ['weekdays_9_to_7_sat_10_to_2', 'Monday 18:59', '2026-03-02T18:59:00-05:00', true],
    ['weekdays_9_to_7_sat_10_to_2', 'Monday 19:00', '2026-03-02T19:00:00-05:00', false],
    ['weekdays_9_to_7_sat_10_to_2', 'Saturday 13:59', '2026-03-07T13:59:00-05:00', true],
    ['weekdays_9_to_7_sat_10_to_2', 'Saturday 14:00', '2026-03-07T14:00:00-05:00', false],
    ['weekdays_9_to_7_sat_10_to_2', 'Sunday 12:00', '2026-03-08T12:00:00-04:00', false],
  ] as const)('%s in New York, %s: %s', (preset, _when, instant, allowed) => {
    expect(isWithinBusinessHours(businessHoursPreset(preset, 'America/New_York'), new Date(instant))).toBe(allowed);
  });

  it('weekdays 9 to 5 from Friday evening: Monday 09:00', () => {
    const hours = businessHoursPreset('weekdays_9_to_5', 'America/New_York');
    expect(nextAllowedInstant(hours, new Date('2026-03-06T17:00:00-05:00'))?.toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it.each(['Mars/Olympus', 'PST', ''])('refuses the zone %j', (zone) => {
    expect(() => businessHoursPreset('weekdays_9_to_5', zone)).toThrow(DomainError);
  });
});

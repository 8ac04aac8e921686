import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors/domain-errors.ts';
import { isWithinBusinessHours, NEXT_ALLOWED_SEARCH_DAYS, nextAllowedInstant } from '../../src/scheduling/business-hours.ts';
import { type BusinessHoursInput, businessHoursSchema } from '../../src/scheduling/business-hours-schema.ts';

// Instants are written with the offset the wall clock shows then (-05:00 EST, -04:00 EDT in New York; +11:00
// AEDT, +10:00 AEST in Sydney), so that each row says which pass of a repeated hour it means.
// 2026 transitions: New York springs forward Sun 8 Mar (02:00 EST → 03:00 EDT) and falls back Sun 1 Nov
// (02:00 EDT → 01:00 EST); Sydney falls back Sun 5 Apr (03:00 AEDT → 02:00 AEST) and springs forward Sun 4 Oct
// (02:00 AEST → 03:00 AEDT).

type Days = NonNullable<BusinessHoursInput['days']>;
const schedule = (timezone: string, days: Days, holidays: string[] = []) => businessHoursSchema.parse({ timezone, days, holidays });
const newYork = (days: Days, holidays: string[] = []) => schedule('America/New_York', days, holidays);
const sydney = (days: Days, holidays: string[] = []) => schedule('Australia/Sydney', days, holidays);
const at = (iso: string) => new Date(iso);

const officeDay = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:30' },
];
/** Weekdays 9–12 and 13–17:30 with a lunch break, Saturday 10–14, closed on Christmas (a Friday in 2026). */
const office = newYork(
  { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay, sat: [{ start: '10:00', end: '14:00' }] },
  ['2026-12-25'],
);

describe('an office week in New York: several ranges a day', () => {
  it.each([
    ['Monday 08:59:59, before opening', '2026-03-02T08:59:59-05:00', false],
    ['Monday 09:00, opening', '2026-03-02T09:00:00-05:00', true],
    ['Monday 09:00 in New York given as 14:00 UTC', '2026-03-02T14:00:00Z', true],
    ['Monday 11:59:59, last second of the morning', '2026-03-02T11:59:59-05:00', true],
    ['Monday 12:00, lunch (ends are exclusive)', '2026-03-02T12:00:00-05:00', false],
    ['Monday 13:00, after lunch', '2026-03-02T13:00:00-05:00', true],
    ['Monday 17:29:59', '2026-03-02T17:29:59-05:00', true],
    ['Monday 17:30, closed', '2026-03-02T17:30:00-05:00', false],
    ['Saturday 10:00', '2026-03-07T10:00:00-05:00', true],
    ['Saturday 14:00, closed', '2026-03-07T14:00:00-05:00', false],
    ['Sunday noon, no hours', '2026-03-01T12:00:00-05:00', false],
    ['Christmas Friday 10:00, a holiday', '2026-12-25T10:00:00-05:00', false],
    ['the Friday before, 10:00', '2026-12-18T10:00:00-05:00', true],
  ])('%s: %s', (_policy, instant, allowed) => {
    expect(isWithinBusinessHours(office, at(instant))).toBe(allowed);
  });
});

describe('ranges past midnight and 24:00 ends', () => {
  const lateShifts = newYork({
    tue: [{ start: '09:00', end: '09:00' }],
    wed: [{ start: '18:00', end: '24:00' }],
    thu: [{ start: '00:00', end: '06:00' }],
    fri: [{ start: '22:00', end: '02:00' }],
  });
  it.each([
    ['Friday 21:59, before Friday 22:00–02:00', '2026-03-06T21:59:00-05:00', false],
    ['Friday 22:00', '2026-03-06T22:00:00-05:00', true],
    ['Friday 23:59:59', '2026-03-06T23:59:59-05:00', true],
    ['Saturday 00:00, Friday’s range after midnight', '2026-03-07T00:00:00-05:00', true],
    ['Saturday 01:59:59', '2026-03-07T01:59:59-05:00', true],
    ['Saturday 02:00, over', '2026-03-07T02:00:00-05:00', false],
    ['Thursday 01:00, not in Friday’s range a day early', '2026-03-05T01:00:00-05:00', true],
    ['Wednesday 23:59:59, 18:00–24:00 runs to midnight', '2026-03-04T23:59:59-05:00', true],
    ['Thursday 00:00, its own 00:00–06:00', '2026-03-05T00:00:00-05:00', true],
    ['Thursday 06:00, over', '2026-03-05T06:00:00-05:00', false],
    ['Tuesday 09:00, 09:00–09:00 is 24 hours', '2026-03-03T09:00:00-05:00', true],
    ['Wednesday 08:59:59, still Tuesday’s 24 hours', '2026-03-04T08:59:59-05:00', true],
    ['Wednesday 09:00, over', '2026-03-04T09:00:00-05:00', false],
    ['Monday 23:00, no Monday range', '2026-03-02T23:00:00-05:00', false],
  ])('%s: %s', (_policy, instant, allowed) => {
    expect(isWithinBusinessHours(lateShifts, at(instant))).toBe(allowed);
  });
});

describe('holidays: nothing that starts on one is allowed', () => {
  // Thursday 22:00–02:00 runs into Christmas; Friday 22:00–02:00 starts on it.
  const nights = newYork(
    {
      thu: [{ start: '22:00', end: '02:00' }],
      fri: [
        { start: '09:00', end: '17:00' },
        { start: '22:00', end: '02:00' },
      ],
      sat: [{ start: '09:00', end: '12:00' }],
    },
    ['2026-12-25'],
  );
  it.each([
    ['Thursday 23:00, the evening before the holiday', '2026-12-24T23:00:00-05:00', true],
    ['Christmas 01:00, Thursday’s range keeps its part after midnight', '2026-12-25T01:00:00-05:00', true],
    ['Christmas 02:00, that range is over', '2026-12-25T02:00:00-05:00', false],
    ['Christmas 10:00, Friday’s day range starts on the holiday', '2026-12-25T10:00:00-05:00', false],
    ['Christmas 23:00, Friday’s night range starts on the holiday', '2026-12-25T23:00:00-05:00', false],
    ['Saturday 01:00, after midnight of a range that started on the holiday', '2026-12-26T01:00:00-05:00', false],
    ['Saturday 09:00, an ordinary day again', '2026-12-26T09:00:00-05:00', true],
    ['a week earlier, Saturday 01:00 is in Friday’s night range', '2026-12-19T01:00:00-05:00', true],
  ])('%s: %s', (_policy, instant, allowed) => {
    expect(isWithinBusinessHours(nights, at(instant))).toBe(allowed);
  });
});

describe('daylight saving in New York (northern hemisphere)', () => {
  const sundays = (start: string, end: string) => newYork({ sun: [{ start, end }] });
  it.each([
    // Spring forward, Sunday 8 March: 02:00–02:59 never shows on a clock.
    ['02:00–03:00', 'does not happen: 01:59:59 EST', '2026-03-08T01:59:59-05:00', false],
    ['02:00–03:00', 'does not happen: 03:00 EDT, one second later', '2026-03-08T03:00:00-04:00', false],
    ['02:00–03:00', 'happens the Sunday after', '2026-03-15T02:30:00-04:00', true],
    ['01:30–02:30', 'keeps 01:30–01:59:59 EST', '2026-03-08T01:45:00-05:00', true],
    ['01:30–02:30', 'is over at 03:00 EDT', '2026-03-08T03:00:00-04:00', false],
    ['02:30–04:00', 'opens when the clocks jump, 03:00 EDT', '2026-03-08T03:00:00-04:00', true],
    ['02:30–04:00', 'is shut at 01:59 EST', '2026-03-08T01:59:00-05:00', false],
    ['09:00–17:00', 'opens at 09:00 EDT, 13:00 UTC', '2026-03-08T13:00:00Z', true],
    ['09:00–17:00', 'is shut at 12:59 UTC, 08:59 EDT', '2026-03-08T12:59:00Z', false],
    // Fall back, Sunday 1 November: 01:00–01:59 shows twice, first EDT then EST.
    ['01:00–02:00', 'allows the first pass, 01:00 EDT', '2026-11-01T01:00:00-04:00', true],
    ['01:00–02:00', 'allows the first pass, 01:59:59 EDT', '2026-11-01T01:59:59-04:00', true],
    ['01:00–02:00', 'allows the second pass, 01:00 EST', '2026-11-01T01:00:00-05:00', true],
    ['01:00–02:00', 'allows the second pass, 01:59:59 EST', '2026-11-01T01:59:59-05:00', true],
    ['01:00–02:00', 'is over at 02:00 EST', '2026-11-01T02:00:00-05:00', false],
    ['01:00–02:00', 'is shut at 00:59 EDT', '2026-11-01T00:59:00-04:00', false],
    ['00:00–01:30', 'is shut at 01:45 EDT', '2026-11-01T01:45:00-04:00', false],
    ['00:00–01:30', 'reopens at 01:00 EST, when the clock reads 01:00 again', '2026-11-01T01:00:00-05:00', true],
    ['09:00–17:00', 'opens at 09:00 EST, 14:00 UTC', '2026-11-01T14:00:00Z', true],
  ])('%s %s: %s', (hours, _policy, instant, allowed) => {
    const [start = '', end = ''] = hours.split('–');
    expect(isWithinBusinessHours(sundays(start, end), at(instant))).toBe(allowed);
  });

  it('a 01:00–02:00 range on fall-back day is two real hours; a 02:00–03:00 range on spring-forward day is none', () => {
    const allowedMinutes = (hours: ReturnType<typeof sundays>, fromIso: string) =>
      Array.from({ length: 6 * 60 }, (_, i) => new Date(Date.parse(fromIso) + i * 60_000)).filter((t) => isWithinBusinessHours(hours, t))
        .length;
    expect(allowedMinutes(sundays('01:00', '02:00'), '2026-11-01T03:00:00Z')).toBe(120);
    expect(allowedMinutes(sundays('02:00', '03:00'), '2026-03-08T04:00:00Z')).toBe(0);
    expect(allowedMinutes(sundays('02:00', '03:00'), '2026-03-15T04:00:00Z')).toBe(60);
  });
});

describe('daylight saving in Sydney (southern hemisphere)', () => {
  const weekdays = sydney({ mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay });
  it.each<[string, Days, string, boolean]>([
    // Fall back, Sunday 5 April: 02:00–02:59 shows twice, first AEDT then AEST.
    [
      'Sunday 02:00–03:00 allows the first pass, 02:30 AEDT',
      { sun: [{ start: '02:00', end: '03:00' }] },
      '2026-04-05T02:30:00+11:00',
      true,
    ],
    [
      'Sunday 02:00–03:00 allows the second pass, 02:30 AEST',
      { sun: [{ start: '02:00', end: '03:00' }] },
      '2026-04-05T02:30:00+10:00',
      true,
    ],
    ['Sunday 02:00–03:00 is over at 03:00 AEST', { sun: [{ start: '02:00', end: '03:00' }] }, '2026-04-05T03:00:00+10:00', false],
    ['Sunday 02:00–03:00 is shut at 01:59:59 AEDT', { sun: [{ start: '02:00', end: '03:00' }] }, '2026-04-05T01:59:59+11:00', false],
    [
      'Saturday 22:00–02:30 allows 02:15 AEST, the second pass',
      { sat: [{ start: '22:00', end: '02:30' }] },
      '2026-04-05T02:15:00+10:00',
      true,
    ],
    // Spring forward, Sunday 4 October: 02:00–02:59 never shows.
    ['Sunday 02:00–03:00 does not happen: 01:59:59 AEST', { sun: [{ start: '02:00', end: '03:00' }] }, '2026-10-04T01:59:59+10:00', false],
    ['Sunday 02:00–03:00 does not happen: 03:00 AEDT', { sun: [{ start: '02:00', end: '03:00' }] }, '2026-10-04T03:00:00+11:00', false],
    ['Sunday 02:00–03:00 happens the Sunday after', { sun: [{ start: '02:00', end: '03:00' }] }, '2026-10-11T02:30:00+11:00', true],
    [
      'Sunday 02:30–04:00 opens when the clocks jump, 03:00 AEDT',
      { sun: [{ start: '02:30', end: '04:00' }] },
      '2026-10-04T03:00:00+11:00',
      true,
    ],
    [
      'Saturday 22:00–02:30 is over when the clocks jump, 03:00 AEDT',
      { sat: [{ start: '22:00', end: '02:30' }] },
      '2026-10-04T03:00:00+11:00',
      false,
    ],
  ])('%s', (_policy, days, instant, allowed) => {
    expect(isWithinBusinessHours(sydney(days), at(instant))).toBe(allowed);
  });

  it.each([
    ['Friday 3 April 09:00 AEDT is 22:00 UTC the day before', '2026-04-02T22:00:00Z', true],
    ['Monday 6 April 09:00 AEST is 23:00 UTC the day before', '2026-04-05T23:00:00Z', true],
    ['Monday 6 April 08:30 AEST, not yet', '2026-04-05T22:30:00Z', false],
    ['Monday 5 October 09:00 AEDT is 22:00 UTC the day before', '2026-10-04T22:00:00Z', true],
    ['Monday 5 October 08:00 AEDT, not yet', '2026-10-04T21:00:00Z', false],
  ])('weekday office hours: %s', (_policy, instant, allowed) => {
    expect(isWithinBusinessHours(weekdays, at(instant))).toBe(allowed);
  });
});

describe('hours read in the lead’s own time zone', () => {
  // The office is in New York; "call leads 9 to 5 their time".
  const nineToFive = newYork(
    Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ start: '09:00', end: '17:00' }]])),
    ['2026-03-04'],
  );
  it.each([
    ['Tokyo Monday 09:00 (New York Sunday 19:00)', '2026-03-02T00:00:00Z', 'Asia/Tokyo', true, false],
    ['Tokyo Tuesday 00:00 (New York Monday 10:00)', '2026-03-02T15:00:00Z', 'Asia/Tokyo', false, true],
    ['Tokyo Friday 16:59 (New York Friday 02:59)', '2026-03-06T07:59:00Z', 'Asia/Tokyo', true, false],
    ['Tokyo Saturday 10:00 (New York Friday 20:00)', '2026-03-07T01:00:00Z', 'Asia/Tokyo', false, false],
    [
      'Tokyo Wednesday 10:00, the holiday on the lead’s calendar (New York Tuesday 20:00)',
      '2026-03-04T01:00:00Z',
      'Asia/Tokyo',
      false,
      false,
    ],
    ['Tokyo Thursday 09:30, while New York is still on the holiday (Wednesday 19:30)', '2026-03-05T00:30:00Z', 'Asia/Tokyo', true, false],
    ['London Monday 09:00 GMT, while New York is already on EDT (05:00)', '2026-03-16T09:00:00Z', 'Europe/London', true, false],
    ['Sydney Monday 09:00 AEDT (New York Sunday 17:00)', '2026-03-01T22:00:00Z', 'Australia/Sydney', true, false],
    ['no lead zone: the schedule’s own', '2026-03-02T15:00:00Z', null, true, true],
  ])('%s', (_policy, instant, leadTimezone, forLead, forOffice) => {
    expect(isWithinBusinessHours(nineToFive, at(instant), { leadTimezone })).toBe(forLead);
    expect(isWithinBusinessHours(nineToFive, at(instant))).toBe(forOffice);
  });

  it('refuses a lead zone that does not exist', () => {
    expect(() => isWithinBusinessHours(nineToFive, at('2026-03-02T15:00:00Z'), { leadTimezone: 'Mars/Olympus' })).toThrow(DomainError);
  });
});

describe('the next allowed instant', () => {
  it.each([
    ['inside a range: now', office, '2026-03-02T10:00:00-05:00', '2026-03-02T10:00:00-05:00'],
    ['before opening: opening', office, '2026-03-02T07:15:00-05:00', '2026-03-02T09:00:00-05:00'],
    ['at lunch: after lunch', office, '2026-03-02T12:30:00-05:00', '2026-03-02T13:00:00-05:00'],
    ['at closing time (ends are exclusive): the next morning', office, '2026-03-02T17:30:00-05:00', '2026-03-03T09:00:00-05:00'],
    ['after closing: the next morning', office, '2026-03-02T18:00:00-05:00', '2026-03-03T09:00:00-05:00'],
    ['Friday evening: Saturday 10:00', office, '2026-03-06T18:00:00-05:00', '2026-03-07T10:00:00-05:00'],
    [
      'Saturday afternoon: Monday 09:00, now EDT after the weekend’s change',
      office,
      '2026-03-07T15:00:00-05:00',
      '2026-03-09T09:00:00-04:00',
    ],
    ['the evening before Christmas: Saturday 10:00', office, '2026-12-24T18:00:00-05:00', '2026-12-26T10:00:00-05:00'],
    ['Christmas morning: Saturday 10:00', office, '2026-12-25T09:00:00-05:00', '2026-12-26T10:00:00-05:00'],
    [
      'Saturday after midnight of Friday’s range: now',
      newYork({ fri: [{ start: '22:00', end: '02:00' }] }),
      '2026-03-07T01:00:00-05:00',
      '2026-03-07T01:00:00-05:00',
    ],
    [
      'Saturday 03:00: next Friday 22:00',
      newYork({ fri: [{ start: '22:00', end: '02:00' }] }),
      '2026-03-07T03:00:00-05:00',
      '2026-03-13T22:00:00-04:00',
    ],
    [
      'Christmas evening with a Friday night range: Saturday morning is refused too, so the Friday after',
      newYork({ fri: [{ start: '22:00', end: '02:00' }] }, ['2026-12-25']),
      '2026-12-25T21:00:00-05:00',
      '2027-01-01T22:00:00-05:00',
    ],
    [
      'Monday with only Sunday hours: six days on',
      newYork({ sun: [{ start: '10:00', end: '11:00' }] }),
      '2026-03-16T12:00:00-04:00',
      '2026-03-22T10:00:00-04:00',
    ],
    // Spring forward in New York, Sunday 8 March.
    [
      '02:30–04:00 on spring-forward day: the jump to 03:00 EDT',
      newYork({ sun: [{ start: '02:30', end: '04:00' }] }),
      '2026-03-07T12:00:00-05:00',
      '2026-03-08T03:00:00-04:00',
    ],
    [
      '02:00–03:00 on spring-forward day: the Sunday after',
      newYork({ sun: [{ start: '02:00', end: '03:00' }] }),
      '2026-03-08T00:00:00-05:00',
      '2026-03-15T02:00:00-04:00',
    ],
    [
      '02:30–04:00, a millisecond before the jump: the jump',
      newYork({ sun: [{ start: '02:30', end: '04:00' }] }),
      '2026-03-08T06:59:59.999Z',
      '2026-03-08T07:00:00Z',
    ],
    [
      '01:00–02:30, a millisecond before the jump: now',
      newYork({ sun: [{ start: '01:00', end: '02:30' }] }),
      '2026-03-08T06:59:59.999Z',
      '2026-03-08T06:59:59.999Z',
    ],
    [
      '01:00–02:30, at the jump (03:00 EDT): the Sunday after',
      newYork({ sun: [{ start: '01:00', end: '02:30' }] }),
      '2026-03-08T07:00:00Z',
      '2026-03-15T01:00:00-04:00',
    ],
    // Fall back in New York, Sunday 1 November.
    [
      '01:30–01:45 after its first pass: its second pass',
      newYork({ sun: [{ start: '01:30', end: '01:45' }] }),
      '2026-11-01T01:50:00-04:00',
      '2026-11-01T01:30:00-05:00',
    ],
    [
      '00:00–01:30 after its first pass: the clocks going back to 01:00',
      newYork({ sun: [{ start: '00:00', end: '01:30' }] }),
      '2026-11-01T01:45:00-04:00',
      '2026-11-01T01:00:00-05:00',
    ],
    [
      '01:00–02:00 before both passes: the first',
      newYork({ sun: [{ start: '01:00', end: '02:00' }] }),
      '2026-10-31T23:00:00-04:00',
      '2026-11-01T01:00:00-04:00',
    ],
    // Sydney, both changes.
    [
      'Sydney Friday evening before falling back: Monday 09:00 AEST',
      sydney({ mon: officeDay }),
      '2026-04-03T18:00:00+11:00',
      '2026-04-06T09:00:00+10:00',
    ],
    [
      'Sydney Friday evening before springing forward: Monday 09:00 AEDT',
      sydney({ mon: officeDay }),
      '2026-10-02T18:00:00+10:00',
      '2026-10-05T09:00:00+11:00',
    ],
    [
      'Sydney 02:00–03:00 on spring-forward day: the Sunday after',
      sydney({ sun: [{ start: '02:00', end: '03:00' }] }),
      '2026-10-03T12:00:00+10:00',
      '2026-10-11T02:00:00+11:00',
    ],
    [
      'Sydney 02:00–03:00 after its first pass on fall-back day: its second',
      sydney({ sun: [{ start: '02:00', end: '03:00' }] }),
      '2026-04-05T03:30:00+11:00',
      '2026-04-05T02:30:00+10:00',
    ],
  ])('%s', (_policy, hours, from, expected) => {
    expect(nextAllowedInstant(hours, at(from))?.toISOString()).toBe(at(expected).toISOString());
  });

  it('in the lead’s zone: a New York schedule for a Tokyo lead waits for 09:00 in Tokyo', () => {
    const nineToFive = newYork({ mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] });
    // New York Monday 10:00 is Tokyo Tuesday 00:00.
    const next = nextAllowedInstant(nineToFive, at('2026-03-02T10:00:00-05:00'), { leadTimezone: 'Asia/Tokyo' });
    expect(next?.toISOString()).toBe(at('2026-03-03T09:00:00+09:00').toISOString());
  });

  const everyMondayOf2026 = Array.from({ length: 52 }, (_, week) => new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10));
  it.each([
    ['no hours on any day', newYork({})],
    [
      'a Monday hour, every Monday a holiday for over a year',
      newYork({ mon: [{ start: '09:00', end: '10:00' }] }, [...everyMondayOf2026, '2027-01-04']),
    ],
  ])(`nothing allowed within ${NEXT_ALLOWED_SEARCH_DAYS} days (%s): null`, (_policy, hours) => {
    expect(nextAllowedInstant(hours, at('2026-01-01T12:00:00Z'))).toBeNull();
  });

  it(`looks ${NEXT_ALLOWED_SEARCH_DAYS} days ahead: a Monday 368 days on is found`, () => {
    const hours = newYork({ mon: [{ start: '09:00', end: '10:00' }] }, everyMondayOf2026);
    expect(nextAllowedInstant(hours, at('2026-01-01T12:00:00Z'))?.toISOString()).toBe(at('2027-01-04T09:00:00-05:00').toISOString());
  });

  it('returns a new Date, never the one passed in', () => {
    const now = at('2026-03-02T10:00:00-05:00');
    const next = nextAllowedInstant(office, now);
    expect(next).not.toBe(now);
    expect(next?.getTime()).toBe(now.getTime());
  });
});

import { describe, expect, it } from 'vitest';
import { type DateOrder, dateOrderForCountry, parseImportDate } from '../../src/leads/import/opt-in-date.ts';

const read = (text: string, order: DateOrder | null = null, zone: string | null = null) => {
  const result = parseImportDate(text, { order, zone });
  return result.ok ? result.date.toISOString() : result.reason;
};

describe('opt-in dates as exports and people write them', () => {
  it.each<[string, DateOrder | null, string | null, string]>([
    // ISO 8601, as exports write it
    ['2024-03-05', null, null, '2024-03-05T00:00:00.000Z'],
    ['2024-03-05T14:30:00Z', null, 'Asia/Tokyo', '2024-03-05T14:30:00.000Z'],
    ['2024-03-05T14:30:00.123456Z', null, null, '2024-03-05T14:30:00.123Z'],
    ['2024-03-05T14:30:00+01:00', null, null, '2024-03-05T13:30:00.000Z'],
    ['2024-03-05T14:30:00-0330', null, null, '2024-03-05T18:00:00.000Z'],
    ['2024-03-05 14:30', null, null, '2024-03-05T14:30:00.000Z'],
    ['2024/3/5', null, null, '2024-03-05T00:00:00.000Z'],
    // a time without an offset is the lead's wall clock
    ['2024-03-05 14:30', null, 'America/New_York', '2024-03-05T19:30:00.000Z'],
    ['2024-07-05 14:30', null, 'America/New_York', '2024-07-05T18:30:00.000Z'],
    ['2024-01-15', null, 'Australia/Sydney', '2024-01-14T13:00:00.000Z'],
    // across daylight-saving changes: a skipped time moves forward, a repeated one is the first of the two
    ['2024-03-10 02:30', null, 'America/New_York', '2024-03-10T07:30:00.000Z'],
    ['2024-11-03 01:30', null, 'America/New_York', '2024-11-03T05:30:00.000Z'],
    ['2024-10-27 01:30', null, 'Europe/London', '2024-10-27T00:30:00.000Z'],
    ['2024-10-06 02:30', null, 'Australia/Sydney', '2024-10-05T16:30:00.000Z'],
    // numeric day and month: by the import's order, or when only one reading exists
    ['05/03/2024', 'day_first', null, '2024-03-05T00:00:00.000Z'],
    ['03/05/2024', 'month_first', null, '2024-03-05T00:00:00.000Z'],
    ['25/03/2024', null, null, '2024-03-25T00:00:00.000Z'],
    ['03/25/2024', null, null, '2024-03-25T00:00:00.000Z'],
    ['25/03/2024', 'month_first', null, '2024-03-25T00:00:00.000Z'],
    ['07/07/2024', null, null, '2024-07-07T00:00:00.000Z'],
    ['5.3.2024', 'day_first', null, '2024-03-05T00:00:00.000Z'],
    ['05-03-24', 'day_first', null, '2024-03-05T00:00:00.000Z'],
    ['3/5/2024 2:30 PM', 'month_first', null, '2024-03-05T14:30:00.000Z'],
    ['3/5/2024 12:05 am', 'month_first', null, '2024-03-05T00:05:00.000Z'],
    ['05/03/2024 14:30:15', 'day_first', 'Europe/Madrid', '2024-03-05T13:30:15.000Z'],
    // month names in the five languages
    ['5 Mar 2024', null, null, '2024-03-05T00:00:00.000Z'],
    ['March 5, 2024', null, null, '2024-03-05T00:00:00.000Z'],
    ['Mar 5th 2024', null, null, '2024-03-05T00:00:00.000Z'],
    ['5 de marzo de 2024', null, null, '2024-03-05T00:00:00.000Z'],
    ['5 de março de 2024', null, null, '2024-03-05T00:00:00.000Z'],
    ['5 mars 2024', null, null, '2024-03-05T00:00:00.000Z'],
    ['5. März 2024', null, null, '2024-03-05T00:00:00.000Z'],
    ['1 août 2024', null, null, '2024-08-01T00:00:00.000Z'],
    ['17 Dez. 2024', null, null, '2024-12-17T00:00:00.000Z'],
  ])('"%s" (%s, %s) → %s', (text, order, zone, iso) => {
    expect(read(text, order, zone)).toBe(iso);
  });

  it.each<[string, DateOrder | null, string]>([
    ['yesterday', null, 'Opt-in date "yesterday" is not a date we can read: write it like 2024-03-05 or 2024-03-05T14:30:00Z'],
    ['45356', null, 'Opt-in date "45356" is not a date we can read: write it like 2024-03-05 or 2024-03-05T14:30:00Z'],
    ['5 Foo 2024', null, 'Opt-in date "5 Foo 2024" is not a date we can read: write it like 2024-03-05 or 2024-03-05T14:30:00Z'],
    ['2024-02-30', null, 'Opt-in date "2024-02-30" is not a real date'],
    ['2023-02-29', null, 'Opt-in date "2023-02-29" is not a real date'],
    ['2024-13-01', null, 'Opt-in date "2024-13-01" is not a real date'],
    ['0024-03-05', null, 'Opt-in date "0024-03-05" is not a real date'],
    ['13/13/2024', 'day_first', 'Opt-in date "13/13/2024" is not a real date'],
    ['00/03/2024', null, 'Opt-in date "00/03/2024" is not a real date'],
    ['2024-03-05 25:00', null, 'Opt-in date "2024-03-05 25:00" has a time that does not exist'],
    ['3/5/2024 13:00 PM', 'month_first', 'Opt-in date "3/5/2024 13:00 PM" has a time that does not exist'],
    ['05/03/2024', null, 'Opt-in date "05/03/2024" could be the 5th of March or the 3rd of May: write it like 2024-03-05 or 2024-05-03'],
    ['1/2/24', null, 'Opt-in date "1/2/24" could be the 1st of February or the 2nd of January: write it like 2024-02-01 or 2024-01-02'],
  ])('refuses "%s" (%s)', (text, order, reason) => {
    expect(read(text, order)).toBe(reason);
  });

  it.each([
    ['US', 'month_first'],
    ['PH', 'month_first'],
    ['GB', 'day_first'],
    ['ES', 'day_first'],
    ['BR', 'day_first'],
    ['DE', 'day_first'],
    ['CA', null],
    [null, null],
  ] as const)('numbers default to %s read %s', (country, order) => {
    expect(dateOrderForCountry(country)).toBe(order);
  });
});

import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolveLeadTimezone, timezoneForCountry, timezoneForPhone } from '../../src/leads/phone/lead-timezone.ts';

describe('a lead’s time zone from its phone number: only when the country keeps one clock', () => {
  it.each([
    // [country, a number there, zone, why]
    ['US', '+14155550100', null, 'six zones on the mainland alone'],
    ['CA', '+16135550100', null, 'Newfoundland to the Pacific'],
    ['GB', '+442079460958', 'Europe/London', 'one zone'],
    ['GG', '+447911123456', 'Europe/Guernsey', 'a +44 number of Guernsey: London’s clock under its own name'],
    ['DE', '+493012345678', 'Europe/Berlin', 'Büsingen borrows Zurich’s zone but keeps the same clock'],
    ['FR', '+33612345678', 'Europe/Paris', 'one zone in metropolitan France'],
    ['ES', '+34612345678', null, 'Madrid, Ceuta and the Canaries'],
    ['IT', '+393123456789', 'Europe/Rome', 'one zone'],
    ['NL', '+31612345678', 'Europe/Amsterdam', 'Brussels’ zone in the tz database, named for the Netherlands'],
    ['SE', '+46701234567', 'Europe/Stockholm', 'Berlin’s zone in the tz database, named for Sweden'],
    ['BR', '+5511912345678', null, 'four offsets'],
    ['MX', '+525512345678', null, 'four offsets'],
    ['AR', '+5491112345678', null, 'twelve zones, though all on UTC−3 today'],
    ['IN', '+919876543210', 'Asia/Kolkata', 'the current name, not Asia/Calcutta'],
    ['JP', '+819012345678', 'Asia/Tokyo', 'one zone'],
    ['AU', '+61412345678', null, 'Perth to Sydney, with and without daylight saving'],
    ['ZA', '+27821234567', 'Africa/Johannesburg', 'one zone'],
    ['NG', '+2348021234567', 'Africa/Lagos', 'one zone'],
    ['AE', '+971501234567', 'Asia/Dubai', 'one zone'],
    ['SG', '+6591234567', 'Asia/Singapore', 'one zone'],
    ['JM', '+18765550100', 'America/Jamaica', 'a +1 number can still name a one-zone country'],
    ['CN', '+8613800138000', null, 'Urumqi keeps its own clock'],
    ['UA', '+380501234567', null, 'Simferopol keeps Moscow time'],
    ['none', '+80012345678', null, 'international freephone belongs to no country'],
    ['none', '+15551234567', null, 'not a valid number, so no country'],
  ])('%s %s → %s (%s)', (_country, phone, zone, _why) => {
    expect(timezoneForPhone(phone)).toBe(zone);
  });

  it('every zone it gives is one the clock code accepts', () => {
    for (const country of [
      'GB',
      'GG',
      'DE',
      'FR',
      'IT',
      'NL',
      'SE',
      'NO',
      'DK',
      'IN',
      'JP',
      'ZA',
      'NG',
      'AE',
      'SG',
      'JM',
      'IS',
      'VN',
      'MY',
    ]) {
      const zone = timezoneForCountry(country);
      expect(zone, country).not.toBeNull();
      expect(IANAZone.isValidZone(zone ?? ''), `${country} → ${zone}`).toBe(true);
    }
  });

  it.each([
    ['de', 'Europe/Berlin'],
    ['XX', null],
    ['', null],
  ])('country code %j → %s', (country, zone) => {
    expect(timezoneForCountry(country)).toBe(zone);
  });
});

describe('the time zone stored on a lead', () => {
  it.each([
    ['a given zone wins over the phone’s', 'Asia/Tokyo', '+442079460958', { ok: true, timezone: 'Asia/Tokyo', source: 'given' }],
    [
      'a given zone is spelled as the tz database spells it',
      'asia/kolkata',
      '+14155550100',
      { ok: true, timezone: 'Asia/Kolkata', source: 'given' },
    ],
    ['an old name is kept as given', 'Asia/Calcutta', '+14155550100', { ok: true, timezone: 'Asia/Calcutta', source: 'given' }],
    ['UTC is a zone', 'UTC', '+14155550100', { ok: true, timezone: 'UTC', source: 'given' }],
    ['no zone given: the phone’s', undefined, '+493012345678', { ok: true, timezone: 'Europe/Berlin', source: 'phone' }],
    ['null given: the phone’s', null, '+493012345678', { ok: true, timezone: 'Europe/Berlin', source: 'phone' }],
    ['a blank CSV cell counts as not given', '   ', '+819012345678', { ok: true, timezone: 'Asia/Tokyo', source: 'phone' }],
    ['no zone and a US phone: unknown', undefined, '+14155550100', { ok: true, timezone: null, source: 'unknown' }],
  ])('%s', (_policy, given, phoneE164, expected) => {
    expect(resolveLeadTimezone({ given, phoneE164 })).toEqual(expected);
  });

  it.each([
    ['Mars/Olympus', '"Mars/Olympus" is not a time zone we know: use a name like America/New_York or Europe/London'],
    ['America/New York', '"America/New York" is not a time zone we know: use a name like America/New_York or Europe/London'],
    ['EST', '"EST" is an abbreviation, not a place: use a name like America/New_York, which follows daylight saving time'],
    ['CET', '"CET" is an abbreviation, not a place: use a name like America/New_York, which follows daylight saving time'],
    ['Japan', '"Japan" is an old name: use Asia/Tokyo'],
    ['-05:00', '"-05:00" is a UTC offset, not a time zone: use a name like America/New_York, which follows daylight saving time'],
  ])('refuses the given zone %j, even when the phone would give one', (given, reason) => {
    expect(resolveLeadTimezone({ given, phoneE164: '+493012345678' })).toEqual({ ok: false, reason });
  });
});

import { describe, expect, it } from 'vitest';
import { type CountryCode, parsePhoneNumber } from '../../src/leads/phone/phone-number.ts';

describe('a phone number as people write it becomes E.164', () => {
  it.each<[string, string, CountryCode | null, string, CountryCode | null, string, string | null]>([
    // [country, as written, default country, E.164, country of the number, national form, line type]
    ['US', '+1 (415) 555-0100', null, '+14155550100', 'US', '(415) 555-0100', 'fixed_line_or_mobile'],
    ['US', 'whatsapp:+12125550123', null, '+12125550123', 'US', '(212) 555-0123', 'fixed_line_or_mobile'],
    ['US', '415.555.0100', 'US', '+14155550100', 'US', '(415) 555-0100', 'fixed_line_or_mobile'],
    ['US', '011 44 20 7946 0958', 'US', '+442079460958', 'GB', '020 7946 0958', 'fixed_line'],
    ['CA', '+1 613 555 0100', null, '+16135550100', 'CA', '(613) 555-0100', 'fixed_line_or_mobile'],
    ['CA', '(613) 555-0100', 'CA', '+16135550100', 'CA', '(613) 555-0100', 'fixed_line_or_mobile'],
    ['GB', '+44 20 7946 0958', null, '+442079460958', 'GB', '020 7946 0958', 'fixed_line'],
    ['GB', '0044 20 7946 0958', null, '+442079460958', 'GB', '020 7946 0958', 'fixed_line'],
    ['GB', '+44 (0)20 7946 0958', null, '+442079460958', 'GB', '020 7946 0958', 'fixed_line'],
    ['GB', '07400 123456', 'GB', '+447400123456', 'GB', '07400 123456', 'mobile'],
    ['GG', '+44 7911 123456', null, '+447911123456', 'GG', '07911 123456', 'mobile'],
    ['DE', '+49 30 12345678', null, '+493012345678', 'DE', '030 12345678', 'fixed_line'],
    ['DE', '+49 1512 3456789', null, '+4915123456789', 'DE', '01512 3456789', 'mobile'],
    ['DE', '030/12345678', 'DE', '+493012345678', 'DE', '030 12345678', 'fixed_line'],
    ['FR', '+33 6 12 34 56 78', null, '+33612345678', 'FR', '06 12 34 56 78', 'mobile'],
    ['FR', '06.12.34.56.78', 'FR', '+33612345678', 'FR', '06 12 34 56 78', 'mobile'],
    ['ES', '+34 612 345 678', null, '+34612345678', 'ES', '612 34 56 78', 'mobile'],
    ['ES', '+34 912 345 678', null, '+34912345678', 'ES', '912 34 56 78', 'fixed_line'],
    ['IT', '+39 312 345 6789', null, '+393123456789', 'IT', '312 345 6789', 'mobile'],
    ['IT', '+39 06 1234 5678', null, '+390612345678', 'IT', '06 1234 5678', 'fixed_line'],
    ['NL', '+31 6 12345678', null, '+31612345678', 'NL', '06 12345678', 'mobile'],
    ['NL', '020-123 4567', 'NL', '+31201234567', 'NL', '020 123 4567', 'fixed_line'],
    ['BR', '+55 11 91234-5678', null, '+5511912345678', 'BR', '(11) 91234-5678', 'mobile'],
    ['BR', '(11) 91234-5678', 'BR', '+5511912345678', 'BR', '(11) 91234-5678', 'mobile'],
    ['MX', '+52 55 1234 5678', null, '+525512345678', 'MX', '55 1234 5678', 'fixed_line_or_mobile'],
    ['AR', '+54 9 11 1234-5678', null, '+5491112345678', 'AR', '011 15-1234-5678', 'mobile'],
    ['AR', '011 15-1234-5678', 'AR', '+5491112345678', 'AR', '011 15-1234-5678', 'mobile'],
    ['IN', '+91 98765 43210', null, '+919876543210', 'IN', '098765 43210', 'mobile'],
    ['JP', '＋８１ ９０-１２３４-５６７８', null, '+819012345678', 'JP', '090-1234-5678', 'mobile'],
    ['JP', '+81 3-1234-5678', null, '+81312345678', 'JP', '03-1234-5678', 'fixed_line'],
    ['AU', '+61 4 1234 5678', null, '+61412345678', 'AU', '0412 345 678', 'mobile'],
    ['AU', '(02) 9876 5432', 'AU', '+61298765432', 'AU', '(02) 9876 5432', 'fixed_line'],
    ['ZA', '+27 82 123 4567', null, '+27821234567', 'ZA', '082 123 4567', 'mobile'],
    ['NG', '+234 802 123 4567', null, '+2348021234567', 'NG', '0802 123 4567', 'mobile'],
    ['NG', '0802 123 4567', 'NG', '+2348021234567', 'NG', '0802 123 4567', 'mobile'],
    ['AE', '+971 50 123 4567', null, '+971501234567', 'AE', '050 123 4567', 'mobile'],
    ['SG', '+65 9123 4567', null, '+6591234567', 'SG', '9123 4567', 'mobile'],
    ['SG', '+65 6123 4567', null, '+6561234567', 'SG', '6123 4567', 'fixed_line'],
    ['JM', '+1 876 555 0100', null, '+18765550100', 'JM', '(876) 555-0100', 'mobile'],
    ['no country', '+800 1234 5678', null, '+80012345678', null, '1234 5678', 'toll_free'],
  ])('%s: %j (default %s) → %s', (_country, input, defaultCountry, e164, country, national, type) => {
    expect(parsePhoneNumber(input, { defaultCountry })).toEqual({ ok: true, e164, country, national, type });
  });

  it('a country code in the number wins over the default country', () => {
    expect(parsePhoneNumber('+49 30 12345678', { defaultCountry: 'US' })).toMatchObject({ ok: true, e164: '+493012345678', country: 'DE' });
  });
});

describe('a number we refuse, and the reason the user sees', () => {
  it.each<[string, string, CountryCode | null, string, string]>([
    // [country, as written, default country, code, reason]
    ['—', '', null, 'empty', 'Enter a phone number'],
    ['—', '   ', null, 'empty', 'Enter a phone number'],
    ['—', 'whatsapp:', null, 'empty', 'Enter a phone number'],
    ['—', '( ) -', null, 'empty', 'Enter a phone number'],
    ['US', '+1 800 FLOWERS', null, 'letters', 'A phone number has only digits: remove the letters from it'],
    ['GB', '+44 20 7946 0958 ext 12', null, 'letters', 'A phone number has only digits: remove the letters from it'],
    ['US', '+1 415 555 0100 #12', null, 'bad_characters', 'A phone number cannot contain "#"'],
    ['US', '+1 415 555 0100, +1 415 555 0101', null, 'bad_characters', 'A phone number cannot contain "," or "+"'],
    [
      'US',
      '4155550100',
      null,
      'missing_country_code',
      'Add the country code at the start, like +1 for the United States or +44 for the United Kingdom',
    ],
    ['—', '+999 123 456 789', null, 'unknown_country_code', 'No country has the code at the start of +999…: check the digits after the +'],
    // 555 is no US area code: the fictional numbers are 555-01XX within a real area code, which pass (see phone-number.ts).
    ['US', '+1 555 123 4567', null, 'invalid_for_country', 'This is not a valid phone number for the United States or another +1 country'],
    ['US', '+1 201 055 0123', null, 'invalid_for_country', 'This is not a valid phone number for the United States or another +1 country'],
    ['US', '415555010', 'US', 'too_short', 'The number is too short for the United States'],
    ['US', '41555501000', 'US', 'too_long', 'The number is too long for the United States'],
    ['CA', '+1 613 055 0100', null, 'invalid_for_country', 'This is not a valid phone number for the United States or another +1 country'],
    [
      'GB',
      '+44 20 7946 095',
      null,
      'invalid_for_country',
      'This is not a valid phone number for the United Kingdom or another +44 country',
    ],
    ['GB', '+44 7400 1234567', null, 'too_long', 'The number is too long for the United Kingdom or another +44 country'],
    [
      'GB',
      '+44 20 123 456',
      null,
      'wrong_length',
      'The number has the wrong number of digits for the United Kingdom or another +44 country',
    ],
    ['SG', '+65 9123 45678', null, 'wrong_length', 'The number has the wrong number of digits for Singapore'],
    ['DE', '+49 30 1', null, 'too_short', 'The number is too short for Germany'],
    ['DE', '+49 1512 345678901', null, 'invalid_for_country', 'This is not a valid phone number for Germany'],
    ['FR', '+33 0 12 34 56 78', null, 'invalid_for_country', 'This is not a valid phone number for France'],
    ['FR', '+33 6 12 34 56 78 9', null, 'too_long', 'The number is too long for France'],
    ['ES', '+34 012 345 678', null, 'invalid_for_country', 'This is not a valid phone number for Spain'],
    ['IT', '+39 1', null, 'too_short', 'The number is too short for Italy or another +39 country'],
    ['NL', '+31 6 1234', null, 'invalid_for_country', 'This is not a valid phone number for the Netherlands'],
    ['BR', '+55 11 1234 5678', null, 'invalid_for_country', 'This is not a valid phone number for Brazil'],
    ['BR', '+55 11 91234 56789', null, 'too_long', 'The number is too long for Brazil'],
    ['MX', '+52 1 55 1234 5678', null, 'too_long', 'The number is too long for Mexico'],
    ['MX', '+52 55 1234 567', null, 'too_short', 'The number is too short for Mexico'],
    ['AR', '+54 11 1234 567', null, 'too_short', 'The number is too short for Argentina'],
    ['IN', '+91 98765 4321', null, 'invalid_for_country', 'This is not a valid phone number for India'],
    ['JP', '+81 90 1234 567', null, 'invalid_for_country', 'This is not a valid phone number for Japan'],
    ['AU', '+61 4 1234 567', null, 'invalid_for_country', 'This is not a valid phone number for Australia or another +61 country'],
    ['ZA', '+27 12', null, 'too_short', 'The number is too short for South Africa'],
    ['NG', '+234 1 234 5678', null, 'too_short', 'The number is too short for Nigeria'],
    ['AE', '+971 4 123 4567', null, 'invalid_for_country', 'This is not a valid phone number for the United Arab Emirates'],
    ['SG', '+65 1123 4567', null, 'invalid_for_country', 'This is not a valid phone number for Singapore'],
    ['RU', '+7 123', null, 'too_short', 'The number is too short for Russia or another +7 country'],
  ])('%s: %j (default %s) → %s', (_country, input, defaultCountry, code, reason) => {
    expect(parsePhoneNumber(input, { defaultCountry })).toEqual({ ok: false, code, reason });
  });
});

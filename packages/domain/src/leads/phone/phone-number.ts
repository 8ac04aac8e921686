// A lead's phone number as typed, pasted or imported, turned into E.164 with libphonenumber-js, or refused with a
// reason a user can act on (what is wrong, and for which country).
import {
  type CountryCode,
  isSupportedCountry,
  type PhoneNumberType,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/max/metadata';

// Why the "max" metadata: with the default ("min") metadata isValid() only checks the length, so +1 201 055 0123
// (no US exchange starts with 0) or +33 0 12 34 56 78 would pass, and getType() cannot tell mobile from landline,
// which WhatsApp cares about. The extra ~100 kB only loads in the server and the worker, never in the console.
//
// What "valid" means for the US "555" numbers: libphonenumber checks area codes and exchanges, not individual
// lines. +1 555 … is refused (555 is not an area code), while 555-01XX in a real area code (+1 415 555 0100, the
// range the NANP reserves for fiction) passes: it has a valid shape, and a send to it fails at the provider, like
// any number nobody answers. We keep libphonenumber's answer rather than special-casing fiction, so that demos and
// tests can use those numbers.

export type { CountryCode } from 'libphonenumber-js/max';

/** An ISO 3166 code libphonenumber knows (GB, US, DE…). */
export const isCountryCode = (value: string): value is CountryCode => isSupportedCountry(value);

/** What kind of line the number is, when its country's plan says (US numbers are often "fixed_line_or_mobile"). */
export type PhoneLineType = Lowercase<PhoneNumberType>;

export type PhoneRejection =
  | 'empty'
  | 'letters'
  | 'bad_characters'
  | 'missing_country_code'
  | 'unknown_country_code'
  | 'too_short'
  | 'too_long'
  | 'wrong_length'
  | 'invalid_for_country';

export interface ParsedPhoneNumber {
  ok: true;
  /** +14155550100: what we store, dedupe on and send to. */
  e164: string;
  /** ISO 3166 region of the number (GB, US; GG for Guernsey's +44 numbers), null for global ones such as +800. */
  country: CountryCode | null;
  /** As people in that country write it: "(415) 555-0100", "020 7946 0958". */
  national: string;
  type: PhoneLineType | null;
}

export interface RejectedPhoneNumber {
  ok: false;
  code: PhoneRejection;
  /** One sentence for the user (the import report, the lead form). */
  reason: string;
}

export type PhoneNumberResult = ParsedPhoneNumber | RejectedPhoneNumber;

export interface ParsePhoneOptions {
  /** The country of numbers written without a country code (a national "020 7946 0958" with GB). */
  defaultCountry?: CountryCode | null | undefined;
  /** false: skip the line type and the national format (a bulk import needs neither, and they cost most of the time). */
  lineDetails?: boolean;
}

/** Address prefixes stripped before parsing: Twilio's WhatsApp addresses, and tel: links from CRM exports. */
const ADDRESS_PREFIX = /^(whatsapp|tel):\s*/i;
/** Separators people write numbers with: spaces, dots, dashes, brackets, slashes (030/123456). */
const SEPARATORS = /[\s().\-/]/g;

const reject = (code: PhoneRejection, reason: string): RejectedPhoneNumber => ({ ok: false, code, reason });

/** Already compact: a plus and digits only (how E.164 columns and most CRM exports write numbers). */
const PLUS_AND_DIGITS = /^\+\d+$/;

/** The input without prefixes and separators (+441234…, or a national 0123…), or the reason it cannot be a number. */
function compactNumber(input: string): string | RejectedPhoneNumber {
  // The common case of an import: nothing to normalise, check or strip.
  if (PLUS_AND_DIGITS.test(input)) return input;
  // NFKC turns full-width digits and plus signs (＋８１ ９０…, common in Japanese input) into ASCII ones.
  const text = input.normalize('NFKC').trim().replace(ADDRESS_PREFIX, '').trim();
  if (text === '') return reject('empty', 'Enter a phone number');
  if (/\p{L}/u.test(text)) return reject('letters', 'A phone number has only digits: remove the letters from it');

  const withoutSeparators = text.replace(SEPARATORS, '');
  const stray = [...new Set(withoutSeparators.replace(/^\+/, '').replace(/\d/g, ''))];
  if (stray.length > 0) return reject('bad_characters', `A phone number cannot contain ${stray.map((c) => `"${c}"`).join(' or ')}`);
  if (!/\d/.test(withoutSeparators)) return reject('empty', 'Enter a phone number');

  // 00 is the international prefix in most of the world (0044… is +44…); no national number starts with it.
  return withoutSeparators.startsWith('00') ? `+${withoutSeparators.slice(2)}` : withoutSeparators;
}

export function parsePhoneNumber(input: string, options?: ParsePhoneOptions): PhoneNumberResult {
  const compact = compactNumber(input);
  if (typeof compact !== 'string') return compact;
  const defaultCountry = options?.defaultCountry ?? undefined;
  const international = compact.startsWith('+');
  if (!international && !defaultCountry)
    return reject('missing_country_code', 'Add the country code at the start, like +1 for the United States or +44 for the United Kingdom');

  const parseOptions = international ? undefined : { defaultCountry };
  // The common case first: a valid number is parsed once. Only a refusal works out its reason.
  const phone = parsePhoneNumberFromString(compact, parseOptions);
  if (phone?.isValid()) {
    if (options?.lineDetails === false) return { ok: true, e164: phone.number, country: phone.country ?? null, national: '', type: null };
    const type = phone.getType();
    return {
      ok: true,
      e164: phone.number,
      country: phone.country ?? null,
      national: phone.formatNational(),
      type: type ? (type.toLowerCase() as PhoneLineType) : null,
    };
  }

  const where = international ? regionOfCallingCode(compact.slice(1)) : defaultCountry ? countryName(defaultCountry) : null;
  switch (validatePhoneNumberLength(compact, parseOptions)) {
    case 'INVALID_COUNTRY':
      return reject(
        'unknown_country_code',
        `No country has the code at the start of ${compact.slice(0, 4)}…: check the digits after the +`,
      );
    case 'NOT_A_NUMBER':
    case 'TOO_SHORT':
      return reject('too_short', `The number is too short for ${where ?? 'a phone number'}`);
    case 'TOO_LONG':
      return reject('too_long', `The number is too long for ${where ?? 'a phone number'}`);
    case 'INVALID_LENGTH':
      return reject('wrong_length', `The number has the wrong number of digits for ${where ?? 'its country'}`);
  }
  if (!phone) return reject('too_short', `The number is too short for ${where ?? 'a phone number'}`);
  return reject(
    'invalid_for_country',
    `This is not a valid phone number for ${phone.country ? countryName(phone.country) : (where ?? 'its country')}`,
  );
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
// English puts "the" before these names ("for the United Kingdom", not "for United Kingdom").
const NAMES_WITH_THE = new Set('US GB NL AE PH DO BS GM CF KY VG VI MV SC KM MH SB CK FO FK TC MP VA UM'.split(' '));

/** The country's English name as it reads after "for": "the United States", "Germany". */
export function countryName(country: string): string {
  const name = regionNames.of(country) ?? country;
  return NAMES_WITH_THE.has(country) ? `the ${name}` : name;
}

/**
 * The countries behind the calling code at the start of international digits, in words: "Germany", or "the
 * United States or another +1 country" when several share the code (the first listed is the code's main
 * country), or "+800 numbers" for the global services that belong to no country.
 */
function regionOfCallingCode(digits: string): string | null {
  // Calling codes are prefix-free (no code starts another), so the first one that matches is the one.
  for (const length of [1, 2, 3]) {
    if (digits.length < length) break;
    const code = digits.slice(0, length);
    if (code in metadata.nonGeographic) return `+${code} numbers`;
    const [main, ...others] = metadata.country_calling_codes[code] ?? [];
    if (main) return others.length === 0 ? countryName(main) : `${countryName(main)} or another +${code} country`;
  }
  return null;
}

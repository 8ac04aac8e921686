// A lead's time zone: the one given (checked), or else the one its phone number implies when the number's country
// keeps a single clock; otherwise unknown, and business hours fall back to the schedule's own zone.
import { getCountry, getTimezone } from 'countries-and-timezones';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { canonicalTimezoneSpelling, timezoneProblem } from '../../scheduling/time-zone.ts';

// Why only countries with one zone: a phone number tells the country, not the region. libphonenumber-js has no
// geocoder (the Java library's area-code → place data is not in it), and mobile numbers move with their owners
// anyway, so a +1 number gives no zone: US, Canada, Brazil, Mexico, Australia, Russia, Spain (Madrid, Ceuta and
// the Canaries), Portugal, Argentina (twelve zones, all UTC−3 today, but twelve) and China (Urumqi) give null.

/** Do two zones keep the same clock today (same standard and daylight offsets, per the tz data)? */
function sameClock(a: string, b: string): boolean {
  const [x, y] = [getTimezone(a), getTimezone(b)];
  return x !== null && y !== null && x.utcOffset === y.utcOffset && x.dstOffset === y.dstOffset;
}

/**
 * The country's own name for a zone it shares: the tz database merged zones that have agreed since 1970, so the
 * Netherlands' canonical zone is Europe/Brussels and Sweden's Europe/Berlin. Their links (Europe/Amsterdam,
 * Europe/Stockholm) mean the same rules and read right to a user looking at the lead.
 */
function nameInCountry(country: string, zone: string): string {
  if (getTimezone(zone)?.countries[0] === country) return zone;
  const link = (getCountry(country, { deprecated: true })?.timezones ?? [])
    .filter((name) => name.includes('/') && getTimezone(name)?.aliasOf === zone)
    .sort()[0];
  return link ?? zone;
}

/**
 * The IANA zone of a country that keeps one clock, or null. Deprecated names and links are left out when
 * counting (Spain is Madrid, Ceuta and Canary: three, so null). A zone the country only borrows for an enclave,
 * keeping the same clock as its own, does not count either: Germany lists Europe/Zurich for Büsingen, which keeps
 * Berlin's time, so Germany is Europe/Berlin; Ukraine's Simferopol keeps Moscow time, so Ukraine is null.
 */
export function timezoneForCountry(country: string): string | null {
  const zones = getCountry(country.toUpperCase())?.timezones ?? [];
  if (zones.length === 1 && zones[0]) return nameInCountry(country.toUpperCase(), zones[0]);
  const own = zones.filter((zone) => getTimezone(zone)?.countries[0] === country.toUpperCase());
  const [only] = own;
  if (own.length !== 1 || !only || !zones.every((zone) => sameClock(zone, only))) return null;
  return only;
}

/** The zone implied by an E.164 number's country, or null (see timezoneForCountry for which countries give one). */
export function timezoneForPhone(e164: string): string | null {
  const country = parsePhoneNumberFromString(e164)?.country;
  return country ? timezoneForCountry(country) : null;
}

export type LeadTimezoneSource = 'given' | 'phone' | 'unknown';

export type LeadTimezoneResult = { ok: true; timezone: string | null; source: LeadTimezoneSource } | { ok: false; reason: string };

/**
 * The time zone to store on a lead. A given zone wins, spelled as the tz database spells it, and is refused with
 * a reason when it is not one (or is an abbreviation such as EST); a blank one counts as not given, since an
 * empty CSV cell means "don't know". Without one, the phone's country decides when it can.
 */
export function resolveLeadTimezone(input: { given?: string | null | undefined; phoneE164: string }): LeadTimezoneResult {
  const given = input.given?.trim();
  if (given) {
    const problem = timezoneProblem(given);
    return problem ? { ok: false, reason: problem } : { ok: true, timezone: canonicalTimezoneSpelling(given), source: 'given' };
  }
  const fromPhone = timezoneForPhone(input.phoneE164);
  return fromPhone ? { ok: true, timezone: fromPhone, source: 'phone' } : { ok: true, timezone: null, source: 'unknown' };
}

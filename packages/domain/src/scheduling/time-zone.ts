// Which time-zone names the product accepts (for a schedule or a lead) and how they are spelled once accepted.
import { getAllTimezones, getTimezone } from 'countries-and-timezones';
import { IANAZone } from 'luxon';

// Node's Intl.supportedValuesOf('timeZone') lists ICU's canonical names only (Asia/Calcutta, Europe/Kiev, no UTC),
// so checking membership there would refuse Asia/Kolkata. Luxon asks Intl to *use* the zone instead, which accepts
// every tzdb name and link.

/** Bare names that mean one zone, kept; every other slash-less name is an abbreviation or a legacy rule. */
const BARE_NAMES_ALLOWED = new Set(['UTC']);

let spellings: Map<string, string> | undefined;
/** Lower-case name → its tzdb spelling, so that "america/new_york" is stored as "America/New_York". */
function knownSpellings(): Map<string, string> {
  if (!spellings) {
    spellings = new Map();
    for (const name of [...Object.keys(getAllTimezones({ deprecated: true })), ...Intl.supportedValuesOf('timeZone'), 'UTC'])
      spellings.set(name.toLowerCase(), name);
  }
  return spellings;
}

/**
 * Why a time-zone name is refused, in words for the user, or null when it is fine. Only Area/Location names and
 * UTC pass. Abbreviations such as EST or CET are refused although the tz database knows them: they are fixed
 * rules (EST never observes daylight time), so a user who types EST for New York would be an hour off half the
 * year. Old bare links (Japan) are refused with the name to use instead.
 */
export function timezoneProblem(name: string): string | null {
  // Asking Intl whether it knows a zone builds a formatter (~100 µs); every agent read checks two or three zones,
  // and the names in use are few, so answers are remembered (a bounded cache: hostile input cannot grow it).
  const known = answers.get(name);
  if (known !== undefined) return known;
  const answer = workOutTimezoneProblem(name);
  if (answers.size >= MAX_REMEMBERED) answers.clear();
  answers.set(name, answer);
  return answer;
}

const MAX_REMEMBERED = 2000;
const answers = new Map<string, string | null>();

function workOutTimezoneProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Choose a time zone, like America/New_York';
  // Node 24's Intl takes bare offsets ("+05:00") as zones; they are not IANA names and never change with the seasons.
  if (/^[+\-\u2212]\d/.test(trimmed))
    return `"${trimmed}" is a UTC offset, not a time zone: use a name like America/New_York, which follows daylight saving time`;
  if (!IANAZone.isValidZone(trimmed)) return `"${trimmed}" is not a time zone we know: use a name like America/New_York or Europe/London`;
  if (trimmed.includes('/') || BARE_NAMES_ALLOWED.has(trimmed.toUpperCase())) return null;
  // Old country-style links (Japan, Singapore) point at one place, which we can name; abbreviations cannot.
  const place = getTimezone(trimmed)?.aliasOf;
  if (/[a-z]/.test(trimmed) && place) return `"${trimmed}" is an old name: use ${place}`;
  return `"${trimmed}" is an abbreviation, not a place: use a name like America/New_York, which follows daylight saving time`;
}

export const isValidTimezone = (name: string): boolean => timezoneProblem(name) === null;

/** The name as the tz database spells it ("europe/london" → "Europe/London"); aliases stay aliases. */
export function canonicalTimezoneSpelling(name: string): string {
  const trimmed = name.trim();
  return knownSpellings().get(trimmed.toLowerCase()) ?? trimmed;
}

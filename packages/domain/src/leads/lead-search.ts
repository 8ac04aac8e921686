// What the leads search box finds, each kind of match answered by its own index (see the Lead entity):
// - a part of the name, anywhere in it, any case ("müller", "ana m") — trigrams on lower(name);
// - the start of the email ("ana@", "ana.silva@exa") — a btree on lower(email);
// - a phone number, however it is written: with its country code, the number's start ("+1 415 20", "0044 20 7946",
//   "1415200"); without it, the whole national number or its last digits ("(415) 200-0123", "0123", "0012") — the
//   (company, phone) unique index for the start, a btree on the reversed number for the end.
//
// Why not one trigram index over name, phone and email together, as before: it held about 55 trigrams a lead and
// was the largest single cost of importing a lead (a million-lead import spent about a fifth of its database time
// on it). Names keep substring matching; phones and emails are found the way people type them, by their start
// or (phones) their end, from btree entries that cost one key a lead.

/** The name expression leads_name_search_index is built on; a query must repeat it to use the index. */
export const LEAD_NAME_SEARCH = 'lower("name")';
/** The email expression leads_email_search_index is built on. */
export const LEAD_EMAIL_SEARCH = 'lower("email")';
/** The phone expression leads_phone_suffix_index is built on: the number read backwards, so its end is a prefix. */
export const LEAD_PHONE_SUFFIX = 'reverse("phone")';

/** Fewer digits than this are not searched as a phone (two digits would match a tenth of all numbers' ends). */
export const MIN_PHONE_DIGITS = 3;

export interface LeadSearch {
  /** What was typed, trimmed and lower-cased: found anywhere in the name. */
  text: string;
  /** Whether the text can start an email (it has no space). */
  email: boolean;
  /** The phone digits typed, when the text reads as a phone number (or part of one); null otherwise. */
  phone: PhoneSearch | null;
}

export interface PhoneSearch {
  /** E.164 range [from, to) of the numbers that start with the digits typed, read with a country code. */
  prefix: { from: string; to: string } | null;
  /** Digits a number may end with (the national number, or its last digits). */
  suffixes: string[];
}

/** Separators people write numbers with (the same as the lead form accepts). */
const PHONE_SEPARATORS = /[\s().\-/]/g;

/**
 * The E.164 range of the numbers that start with `digits`: "1415" → [+1415, +1416), "1419" → [+1419, +142). A
 * range rather than LIKE 'prefix%', because the unique index is in the database's collation, where LIKE cannot use
 * it; strings of digits sort the same in every collation. No range for all nines: no calling code is made of them.
 */
function prefixRange(digits: string): { from: string; to: string } | null {
  const trimmed = digits.replace(/9+$/, '');
  if (trimmed === '') return null;
  return { from: `+${digits}`, to: `+${trimmed.slice(0, -1)}${Number(trimmed.at(-1)) + 1}` };
}

function phoneSearch(text: string): PhoneSearch | null {
  const compact = text.normalize('NFKC').replace(PHONE_SEPARATORS, '');
  const match = /^(\+|00)?(\d+)$/.exec(compact);
  const digits = match?.[2];
  if (!match || !digits) return null;
  // Written with a plus (+44…): the numbers that start with it, nothing else.
  if (match[1] === '+') return digits.length >= MIN_PHONE_DIGITS ? { prefix: prefixRange(digits), suffixes: [] } : null;
  // With 00, most often the international prefix (0044 20…), but last digits can start with zeros too ("0012").
  if (match[1] === '00') {
    const typed = `00${digits}`;
    return digits.length >= MIN_PHONE_DIGITS ? { prefix: prefixRange(digits), suffixes: [typed] } : { prefix: null, suffixes: [typed] };
  }
  if (digits.length < MIN_PHONE_DIGITS) return null;
  // Without a plus, the digits may still start with a country code (1415…), or be the national number or its last
  // digits: the end of the E.164 number. A national number's trunk 0 (020 7946 0958) is not in the E.164 form.
  const national = digits.replace(/^0+/, '');
  return {
    prefix: prefixRange(digits),
    suffixes: [digits, ...(national !== digits && national.length >= MIN_PHONE_DIGITS ? [national] : [])],
  };
}

/** How the search text is matched, or null for a blank search. */
export function leadSearchOf(typed: string | undefined): LeadSearch | null {
  const text = typed?.trim().toLowerCase();
  if (!text) return null;
  return { text, email: !/\s/.test(text), phone: phoneSearch(text) };
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const reversed = (text: string): string => [...text].reverse().join('');

/** The search as one SQL condition (with `?` parameters) over the leads table; LIKE's wildcards in it stay literal. */
export function leadSearchSql(search: LeadSearch): { sql: string; params: unknown[] } {
  const alternatives = [`${LEAD_NAME_SEARCH} like ? escape '\\'`];
  const params: unknown[] = [`%${escapeLike(search.text)}%`];
  if (search.email) {
    alternatives.push(`${LEAD_EMAIL_SEARCH} like ? escape '\\'`);
    params.push(`${escapeLike(search.text)}%`);
  }
  if (search.phone?.prefix) {
    alternatives.push('(phone >= ? and phone < ?)');
    params.push(search.phone.prefix.from, search.phone.prefix.to);
  }
  for (const suffix of search.phone?.suffixes ?? []) {
    alternatives.push(`${LEAD_PHONE_SUFFIX} like ? escape '\\'`);
    params.push(`${reversed(suffix)}%`);
  }
  return { sql: `(${alternatives.join(' or ')})`, params };
}

/** Whether a lead matches as leads.list would find it: for the console, placing a lead that changed live. */
export function leadMatchesSearch(lead: { name: string; phone: string; email: string | null }, search: LeadSearch): boolean {
  if (lead.name.toLowerCase().includes(search.text)) return true;
  if (search.email && lead.email?.toLowerCase().startsWith(search.text)) return true;
  const prefix = search.phone?.prefix;
  if (prefix && lead.phone >= prefix.from && lead.phone < prefix.to) return true;
  return (search.phone?.suffixes ?? []).some((digits) => lead.phone.endsWith(digits));
}

// One CSV row of a lead import, read through the confirmed column mapping: a lead to create or update, or the one
// reason the row is refused, for the report of rejected rows. Runs a million times per big import, so it is written
// for speed: the mapping is compiled once, vocabularies are map look-ups, and time zones are memoized.
import type { PreferredChannel } from '../../entities/channel.ts';
import type { LeadStatus } from '../../entities/lead.ts';
import { canonicalTimezoneSpelling, timezoneProblem } from '../../scheduling/time-zone.ts';
import { unescapeSpreadsheetCell } from '../export/spreadsheet-cell.ts';
import { timezoneForCountry } from '../phone/lead-timezone.ts';
import { type CountryCode, parsePhoneNumber } from '../phone/phone-number.ts';
import { customFieldKey, isCustomFieldTarget, type LeadColumnTarget, leadColumnLabel } from './lead-columns.ts';
import { channelFromCell, consentFromCell, STATUS_WORDS, statusFromCell, tagsFromCell } from './lead-import-values.ts';
import { type DateOrder, dateOrderForCountry, parseImportDate } from './opt-in-date.ts';

export interface ImportedLead {
  name: string;
  /** E.164: what the import de-duplicates on. */
  phone: string;
  email: string | null;
  /** The given zone, or the phone's country's zone when it keeps one clock, else null. */
  timezone: string | null;
  /** null: not in the file and no default for the import (an update keeps the lead's channel). */
  preferredChannel: PreferredChannel | null;
  /** null: the consent column is not mapped or the cell is empty, so the lead's consent stays as it is. */
  whatsappOptIn: boolean | null;
  /** When the lead opted in, if the row says so (only read when whatsappOptIn is true). */
  optInAt: Date | null;
  status: LeadStatus | null;
  /** Lower case, de-duplicated, in file order (see tagsFromCell). */
  tags: string[];
  /** Only the non-empty cells of custom-field columns. */
  customFields: Record<string, string>;
}

export type LeadImportRowResult =
  | { ok: true; lead: ImportedLead }
  /** `empty`: a blank line, skipped without a report entry. */
  | { ok: false; reason: string; field?: LeadColumnTarget; empty?: true };

export interface LeadImportOptions {
  /** The country of numbers written without a country code. */
  defaultCountry?: CountryCode | null;
  /** The channel of leads whose row gives none. */
  defaultChannel?: PreferredChannel;
  /** How 05/03/2024 reads; by default from defaultCountry (month first for the US), unambiguous dates only without one. */
  dateOrder?: DateOrder | null;
}

export interface ColumnMappingInput {
  readonly columns: readonly (LeadColumnTarget | null)[];
}

export const MAX_CELL_LENGTH = 1000;
/** The leads table's limit on names. */
export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 320;

/** Column indexes per field, -1 when the field is not mapped. */
interface ImportPlan {
  name: number;
  firstName: number;
  lastName: number;
  phone: number;
  email: number;
  timezone: number;
  channel: number;
  consent: number;
  optInDate: number;
  status: number;
  tags: number;
  custom: { index: number; key: string }[];
  mapped: { index: number; target: LeadColumnTarget }[];
}

const plans = new WeakMap<ColumnMappingInput, ImportPlan>();

function planFor(mapping: ColumnMappingInput): ImportPlan {
  const known = plans.get(mapping);
  if (known) return known;
  const plan: ImportPlan = {
    name: -1,
    firstName: -1,
    lastName: -1,
    phone: -1,
    email: -1,
    timezone: -1,
    channel: -1,
    consent: -1,
    optInDate: -1,
    status: -1,
    tags: -1,
    custom: [],
    mapped: [],
  };
  mapping.columns.forEach((target, index) => {
    if (target === null) return;
    plan.mapped.push({ index, target });
    if (isCustomFieldTarget(target)) plan.custom.push({ index, key: customFieldKey(target) });
    else if (target === 'name') plan.name = index;
    else if (target === 'first_name') plan.firstName = index;
    else if (target === 'last_name') plan.lastName = index;
    else if (target === 'phone') plan.phone = index;
    else if (target === 'email') plan.email = index;
    else if (target === 'timezone') plan.timezone = index;
    else if (target === 'preferred_channel') plan.channel = index;
    else if (target === 'whatsapp_opt_in') plan.consent = index;
    else if (target === 'opt_in_date') plan.optInDate = index;
    else if (target === 'status') plan.status = index;
    else if (target === 'tags') plan.tags = index;
  });
  plans.set(mapping, plan);
  return plan;
}

/** The cell at a column, trimmed and with our export's formula quote removed; '' when absent or unmapped. */
function cellAt(cells: readonly string[], index: number): string {
  if (index < 0) return '';
  const raw = cells[index];
  if (raw === undefined || raw === '') return '';
  const trimmed = raw.trim();
  if (trimmed.charCodeAt(0) !== 0x27) return trimmed;
  return unescapeSpreadsheetCell(trimmed).trim();
}

const WHITESPACE_RUNS = /\s+/g;
const HAS_TEXT = /\S/;
// Deliberately simple: one @, no spaces, a dot in the domain, no empty labels. Deliverability is the mail
// provider's call; this catches the swapped columns and typos that make a field useless.
const EMAIL = /^[^\s@"<>,;:()[\]]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;
const MAILTO = /^mailto:/i;

// Memoized per distinct value: a file repeats a handful of zones and countries across a million rows, and checking
// a zone builds an Intl formatter. The caps keep a hostile file of random zone names from growing them forever.
const MEMO_LIMIT = 10_000;
const givenZones = new Map<string, { timezone: string } | { reason: string }>();
const countryZones = new Map<string, string | null>();

function givenZone(text: string): { timezone: string } | { reason: string } {
  let known = givenZones.get(text);
  if (!known) {
    const problem = timezoneProblem(text);
    known = problem ? { reason: `Time zone: ${problem}` } : { timezone: canonicalTimezoneSpelling(text) };
    if (givenZones.size >= MEMO_LIMIT) givenZones.clear();
    givenZones.set(text, known);
  }
  return known;
}

function zoneOfCountry(country: CountryCode): string | null {
  let zone = countryZones.get(country);
  if (zone === undefined) {
    zone = timezoneForCountry(country);
    countryZones.set(country, zone);
  }
  return zone;
}

const reject = (reason: string, field?: LeadColumnTarget): LeadImportRowResult =>
  field ? { ok: false, reason, field } : { ok: false, reason };
const EMPTY_ROW: LeadImportRowResult = { ok: false, reason: 'empty row', empty: true };

/**
 * A lead from one data row. `cells` are the row's cells as parsed (a short row is fine: missing cells are empty);
 * the mapping is the one the user confirmed (checked by columnMappingSchema). The time zone follows the same rule
 * as resolveLeadTimezone, with the phone parsed once: the given zone, else the zone of the phone's country.
 */
export function leadFromImportRow(
  cells: readonly string[],
  mapping: ColumnMappingInput,
  options: LeadImportOptions = {},
): LeadImportRowResult {
  let blank = true;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell !== undefined && cell !== '' && HAS_TEXT.test(cell)) {
      blank = false;
      break;
    }
  }
  if (blank) return EMPTY_ROW;

  const plan = planFor(mapping);
  for (const { index, target } of plan.mapped) {
    const length = cells[index]?.length ?? 0;
    if (length > MAX_CELL_LENGTH)
      return reject(
        `${capitalize(leadColumnLabel(target))}: the cell has ${length.toLocaleString('en-US')} characters, more than the ${MAX_CELL_LENGTH.toLocaleString('en-US')} a cell can have`,
        target,
      );
  }

  let name = cellAt(cells, plan.name);
  let nameField: LeadColumnTarget = 'name';
  if (name === '') {
    nameField = plan.firstName >= 0 ? 'first_name' : plan.lastName >= 0 ? 'last_name' : 'name';
    const first = cellAt(cells, plan.firstName);
    const last = cellAt(cells, plan.lastName);
    name = first && last ? `${first} ${last}` : first || last;
  }
  if (name === '') return reject('Name is empty', plan.name >= 0 ? 'name' : nameField);
  name = name.replace(WHITESPACE_RUNS, ' ');
  if (name.length > MAX_NAME_LENGTH) return reject(`Name is longer than ${MAX_NAME_LENGTH} characters`, nameField);

  const phoneText = cellAt(cells, plan.phone);
  if (phoneText === '') return reject('Phone number is empty', 'phone');
  const phone = parsePhoneNumber(phoneText, { defaultCountry: options.defaultCountry ?? null, lineDetails: false });
  if (!phone.ok) return reject(phone.code === 'empty' ? 'Phone number is empty' : `Phone number "${phoneText}": ${phone.reason}`, 'phone');

  let email: string | null = cellAt(cells, plan.email);
  if (email === '') email = null;
  else {
    if (email.charCodeAt(0) === 0x6d || email.charCodeAt(0) === 0x4d) email = email.replace(MAILTO, '');
    if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) return reject(`Email "${email}" is not a valid email address`, 'email');
  }

  let timezone: string | null;
  const zoneText = cellAt(cells, plan.timezone);
  if (zoneText !== '') {
    const zone = givenZone(zoneText);
    if ('reason' in zone) return reject(zone.reason, 'timezone');
    timezone = zone.timezone;
  } else timezone = phone.country ? zoneOfCountry(phone.country) : null;

  let preferredChannel: PreferredChannel | null = options.defaultChannel ?? null;
  const channelText = cellAt(cells, plan.channel);
  if (channelText !== '') {
    const channel = channelFromCell(channelText);
    if (!channel) return reject(`Preferred channel "${channelText}" is not one we know: use voice, whatsapp or both`, 'preferred_channel');
    preferredChannel = channel;
  }

  let whatsappOptIn: boolean | null = null;
  const consentText = cellAt(cells, plan.consent);
  if (consentText !== '') {
    const consent = consentFromCell(consentText);
    if (consent === undefined)
      return reject(`WhatsApp consent "${consentText}" is neither a yes nor a no: use yes or no`, 'whatsapp_opt_in');
    whatsappOptIn = consent;
  }

  let optInAt: Date | null = null;
  const dateText = whatsappOptIn === true ? cellAt(cells, plan.optInDate) : '';
  if (dateText !== '') {
    const order = options.dateOrder !== undefined ? options.dateOrder : dateOrderForCountry(options.defaultCountry);
    const date = parseImportDate(dateText, { order, zone: timezone });
    if (!date.ok) return reject(date.reason, 'opt_in_date');
    optInAt = date.date;
  }

  let status: LeadStatus | null = null;
  const statusText = cellAt(cells, plan.status);
  if (statusText !== '') {
    const known = statusFromCell(statusText);
    if (!known) return reject(`Status "${statusText}" is not one we know: use one of ${STATUS_WORDS}`, 'status');
    status = known;
  }

  let tags: string[] = [];
  const tagsText = cellAt(cells, plan.tags);
  if (tagsText !== '') {
    const read = tagsFromCell(tagsText);
    if (!read.ok) return reject(read.reason, 'tags');
    tags = read.tags;
  }

  const customFields: Record<string, string> = {};
  for (const { index, key } of plan.custom) {
    const value = cellAt(cells, index);
    if (value !== '') customFields[key] = value;
  }

  return {
    ok: true,
    lead: { name, phone: phone.e164, email, timezone, preferredChannel, whatsappOptIn, optInAt, status, tags, customFields },
  };
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

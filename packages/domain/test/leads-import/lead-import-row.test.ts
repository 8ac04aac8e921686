import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../src/leads/import/lead-columns.ts';
import { type ImportedLead, type LeadImportOptions, leadFromImportRow } from '../../src/leads/import/lead-import-row.ts';
import { resolveLeadTimezone } from '../../src/leads/phone/lead-timezone.ts';

// One file layout for the whole suite: every field mapped, and one ignored column at the end.
const HEADER = [
  'name',
  'first_name',
  'last_name',
  'phone',
  'email',
  'timezone',
  'preferred_channel',
  'whatsapp_opt_in',
  'opt_in_date',
  'status',
  'tags',
  'custom:plan',
  null,
] as const;
const MAPPING: ColumnMapping = { columns: [...HEADER] };
type Cells = Partial<Record<Exclude<(typeof HEADER)[number], null> | 'ignored', string>>;

/** A row's cells from the fields it gives; a valid name and phone unless the row says otherwise. */
const cells = (given: Cells): string[] => {
  const row: Cells = { name: 'Ana López', phone: '+1 415 555 0123', ...given };
  return HEADER.map((field) => row[field ?? 'ignored'] ?? '');
};
const read = (given: Cells, options: LeadImportOptions = {}) => leadFromImportRow(cells(given), MAPPING, options);
const lead = (given: Cells, options: LeadImportOptions = {}): ImportedLead => {
  const result = read(given, options);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.lead;
};

describe('a valid row', () => {
  it('gives every field, normalised', () => {
    expect(
      lead(
        {
          name: '  Ana   María López ',
          phone: '(415) 555-0123',
          email: 'ana@example.com',
          timezone: 'america/los_angeles',
          preferred_channel: 'WhatsApp',
          whatsapp_opt_in: 'Yes',
          opt_in_date: '2024-03-05T14:30:00Z',
          status: 'Booked',
          tags: 'VIP, Madrid; vip | Hot Lead',
          'custom:plan': ' gold ',
          ignored: 'whatever',
        },
        { defaultCountry: 'US' },
      ),
    ).toEqual({
      name: 'Ana María López',
      phone: '+14155550123',
      email: 'ana@example.com',
      timezone: 'America/Los_Angeles',
      preferredChannel: 'whatsapp',
      whatsappOptIn: true,
      optInAt: new Date('2024-03-05T14:30:00Z'),
      status: 'appointment_set',
      tags: ['vip', 'madrid', 'hot lead'],
      customFields: { plan: 'gold' },
    });
  });

  it('leaves unknowns null: consent as it is, no channel, no status, no tags', () => {
    expect(lead({ name: 'Ana', phone: '+1 415 555 0123' })).toEqual({
      name: 'Ana',
      phone: '+14155550123',
      email: null,
      timezone: null,
      preferredChannel: null,
      whatsappOptIn: null,
      optInAt: null,
      status: null,
      tags: [],
      customFields: {},
    });
  });

  it('a row shorter than the header is fine: the missing cells are empty', () => {
    const result = leadFromImportRow(['Ana', '', '', '+44 20 7946 0958'], MAPPING, {});
    expect(result).toMatchObject({ ok: true, lead: { name: 'Ana', phone: '+442079460958', timezone: 'Europe/London', email: null } });
  });

  it('a mapping of a few columns reads only those', () => {
    const mapping: ColumnMapping = { columns: [null, 'phone', null, 'first_name'] };
    expect(leadFromImportRow(['x', '+33 6 12 34 56 78', 'y', 'Élodie'], mapping, {})).toMatchObject({
      ok: true,
      lead: { name: 'Élodie', phone: '+33612345678', timezone: 'Europe/Paris' },
    });
  });
});

describe('the name: the full name, or first and last', () => {
  it.each<[string, Cells, string]>([
    ['a full name', { name: 'Ana López' }, 'Ana López'],
    ['first + last when the full name is blank', { name: '', first_name: 'Ana', last_name: 'López' }, 'Ana López'],
    ['a first name alone', { name: '', first_name: 'Ana' }, 'Ana'],
    ['a last name alone', { name: '', last_name: 'López' }, 'López'],
    ['the full name wins over first + last', { name: 'Ana María López', first_name: 'Ana', last_name: 'López' }, 'Ana María López'],
    ['spaces around and inside collapsed', { name: ' \t Ana    López \u00A0' }, 'Ana López'],
    ['accents', { name: 'Zoë Müller-Łukasiewicz' }, 'Zoë Müller-Łukasiewicz'],
    ['non-Latin scripts', { name: '李小龍' }, '李小龍'],
    ['right-to-left', { name: 'محمد علي' }, 'محمد علي'],
    ['emoji, even joined ones', { name: 'Ana 🚀 👩‍👩‍👧' }, 'Ana 🚀 👩‍👩‍👧'],
    ['quotes and apostrophes', { name: 'Seán "Jack" O\'Brien' }, 'Seán "Jack" O\'Brien'],
    [
      'a formula-looking name is kept as text (the export disarms it)',
      { name: '=HYPERLINK("http://evil.example","x")' },
      '=HYPERLINK("http://evil.example","x")',
    ],
    ['our export’s formula quote is taken off again', { name: "'=1+1" }, '=1+1'],
    ['a quote before ordinary text stays', { name: "'Tony' Soprano" }, "'Tony' Soprano"],
    ['200 characters', { name: 'a'.repeat(200) }, 'a'.repeat(200)],
  ])('%s', (_case, given, name) => {
    expect(lead(given).name).toBe(name);
  });

  it.each<[string, Cells, string, string]>([
    ['no name at all', { name: '' }, 'Name is empty', 'name'],
    ['only spaces', { name: '   ', first_name: ' ', last_name: '\t' }, 'Name is empty', 'name'],
    ['201 characters', { name: 'a'.repeat(201) }, 'Name is longer than 200 characters', 'name'],
    [
      'first + last over 200 together',
      { name: '', first_name: 'a'.repeat(150), last_name: 'b'.repeat(60) },
      'Name is longer than 200 characters',
      'first_name',
    ],
  ])('refuses %s', (_case, given, reason, field) => {
    expect(read(given)).toEqual({ ok: false, reason, field });
  });

  it('a file with only first/last columns says which column is empty', () => {
    const mapping: ColumnMapping = { columns: ['first_name', 'last_name', 'phone'] };
    expect(leadFromImportRow(['', '', '+14155550123'], mapping, {})).toEqual({ ok: false, reason: 'Name is empty', field: 'first_name' });
  });
});

describe('the phone: E.164, or the parser’s reason prefixed with the column', () => {
  it.each<[string, string, LeadImportOptions, string]>([
    ['international with spaces', '+1 415 555 0123', {}, '+14155550123'],
    ['national, with the import’s country', '(415) 555-0123', { defaultCountry: 'US' }, '+14155550123'],
    ['a UK national number', '020 7946 0958', { defaultCountry: 'GB' }, '+442079460958'],
    ['00 as the international prefix', '00 44 20 7946 0958', {}, '+442079460958'],
    ['an international number ignores the default country', '+34 612 34 56 78', { defaultCountry: 'US' }, '+34612345678'],
    ['a tel: link from a CRM', 'tel:+14155550123', {}, '+14155550123'],
    ['a WhatsApp address', 'whatsapp:+5511912345678', {}, '+5511912345678'],
    ['spaces around', '  +1 415 555 0123  ', {}, '+14155550123'],
    ['our export’s formula quote', "'+14155550123", {}, '+14155550123'],
    ['full-width digits', '＋８１ ９０ １２３４ ５６７８', {}, '+819012345678'],
  ])('%s: %s', (_case, phone, options, e164) => {
    expect(lead({ phone }, options).phone).toBe(e164);
  });

  it.each<[string, string, LeadImportOptions, string]>([
    ['empty', '', {}, 'Phone number is empty'],
    ['blank', '   ', {}, 'Phone number is empty'],
    [
      'national without a country for the import',
      '415 555 0123',
      {},
      'Phone number "415 555 0123": Add the country code at the start, like +1 for the United States or +44 for the United Kingdom',
    ],
    ['words', 'call me', {}, 'Phone number "call me": A phone number has only digits: remove the letters from it'],
    ['too short', '+1 415 555', {}, 'Phone number "+1 415 555": The number is too short for the United States or another +1 country'],
    [
      'not a number anywhere',
      '+1 555 555 0123',
      {},
      'Phone number "+1 555 555 0123": This is not a valid phone number for the United States or another +1 country',
    ],
    [
      'an unknown country code',
      '+999 123',
      {},
      'Phone number "+999 123": No country has the code at the start of +999…: check the digits after the +',
    ],
    ['a stray character', '415#555', { defaultCountry: 'US' }, 'Phone number "415#555": A phone number cannot contain "#"'],
    ['a formula', '=1+1', {}, 'Phone number "=1+1": A phone number cannot contain "=" or "+"'],
  ])('refuses %s', (_case, phone, options, reason) => {
    expect(read({ phone }, options)).toEqual({ ok: false, reason, field: 'phone' });
  });
});

describe('the email: optional, and refused when it cannot be one', () => {
  it.each([
    ['ana@example.com', 'ana@example.com'],
    ['Ana.Lopez+vip@Example.co.uk', 'Ana.Lopez+vip@Example.co.uk'],
    ['  ana@example.com  ', 'ana@example.com'],
    ['mailto:ana@example.com', 'ana@example.com'],
    ['josé@exämple.de', 'josé@exämple.de'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['', null],
  ])('"%s" → %s', (email, expected) => {
    expect(lead({ email }).email).toBe(expected);
  });

  it.each([
    'ana@example',
    'ana example.com',
    'ana@@example.com',
    '@example.com',
    'ana@',
    'ana@.com',
    'ana@-example.com',
    'ana@example.c',
    'ana@example.com; bob@example.com',
    'Ana <ana@example.com>',
    `${'a'.repeat(310)}@example.com`,
  ])('refuses "%s"', (email) => {
    expect(read({ email })).toEqual({ ok: false, reason: `Email "${email}" is not a valid email address`, field: 'email' });
  });
});

describe('the time zone: given and valid, else the phone’s country when it keeps one clock', () => {
  it.each<[string, string, string, string | null]>([
    ['a given zone', 'Europe/Madrid', '+1 415 555 0123', 'Europe/Madrid'],
    ['spelled as the tz database does', 'america/new_york', '+1 415 555 0123', 'America/New_York'],
    ['UTC', 'utc', '+1 415 555 0123', 'UTC'],
    ['from a UK phone', '', '+44 20 7946 0958', 'Europe/London'],
    ['from a German phone', '', '+49 30 123456789', 'Europe/Berlin'],
    ['none from a US phone (six zones)', '', '+1 415 555 0123', null],
    ['none from a Spanish phone (Canaries)', '', '+34 612 34 56 78', null],
  ])('%s', (_case, timezone, phone, expected) => {
    expect(lead({ timezone, phone }).timezone).toBe(expected);
  });

  it.each([
    ['EST', 'Time zone: "EST" is an abbreviation, not a place: use a name like America/New_York, which follows daylight saving time'],
    ['Mars/Olympus', 'Time zone: "Mars/Olympus" is not a time zone we know: use a name like America/New_York or Europe/London'],
    [
      '+05:00',
      'Time zone: "+05:00" is a UTC offset, not a time zone: use a name like America/New_York, which follows daylight saving time',
    ],
    ['Japan', 'Time zone: "Japan" is an old name: use Asia/Tokyo'],
  ])('refuses "%s"', (timezone, reason) => {
    expect(read({ timezone })).toEqual({ ok: false, reason, field: 'timezone' });
  });

  it('derives the same zone as resolveLeadTimezone, from the phone parsed once', () => {
    for (const phone of [
      '+14155550123',
      '+442079460958',
      '+447911123456',
      '+33612345678',
      '+31612345678',
      '+46701234567',
      '+919876543210',
      '+18765550100',
      '+80012345678',
      '+5511912345678',
    ])
      expect(lead({ phone }).timezone, phone).toBe((resolveLeadTimezone({ phoneE164: phone }) as { timezone: string | null }).timezone);
  });
});

describe('WhatsApp consent: only what the consent column says', () => {
  it.each(['yes', 'Y', 'TRUE', '1', 'opted in', 'Opted-In', 'opt-in', 'optin', 'sí', 'Si', 'sim', 'oui', 'ja', 'x', 'X', '✓', ' yes '])(
    '"%s" is an opt-in',
    (value) => {
      expect(lead({ whatsapp_opt_in: value }).whatsappOptIn).toBe(true);
    },
  );

  it.each(['no', 'N', 'false', '0', 'opted out', 'opt-out', 'Opt_Out', 'non', 'nein', 'não', 'NAO'])('"%s" is an opt-out', (value) => {
    expect(lead({ whatsapp_opt_in: value }).whatsappOptIn).toBe(false);
  });

  it('an empty cell leaves consent as it is', () => {
    expect(lead({ whatsapp_opt_in: '' }).whatsappOptIn).toBeNull();
  });

  it('without a consent column, consent stays as it is whatever else the row says', () => {
    const mapping: ColumnMapping = { columns: ['name', 'phone', 'preferred_channel'] };
    expect(leadFromImportRow(['Ana', '+14155550123', 'whatsapp'], mapping, {})).toMatchObject({
      ok: true,
      lead: { whatsappOptIn: null, optInAt: null, preferredChannel: 'whatsapp' },
    });
  });

  it.each(['maybe', 'yes please', '2', 'unknown', '?'])('refuses "%s", naming it', (value) => {
    expect(read({ whatsapp_opt_in: value })).toEqual({
      ok: false,
      reason: `WhatsApp consent "${value}" is neither a yes nor a no: use yes or no`,
      field: 'whatsapp_opt_in',
    });
  });
});

describe('the opt-in date: read only for an opt-in', () => {
  it.each<[string, Cells, LeadImportOptions, string | null]>([
    ['an ISO instant', { whatsapp_opt_in: 'yes', opt_in_date: '2024-03-05T14:30:00Z' }, {}, '2024-03-05T14:30:00.000Z'],
    [
      'a date in the lead’s given zone',
      { whatsapp_opt_in: 'yes', opt_in_date: '2024-03-05', timezone: 'Europe/Madrid' },
      {},
      '2024-03-04T23:00:00.000Z',
    ],
    [
      'a time in the zone of the lead’s phone',
      { whatsapp_opt_in: 'yes', opt_in_date: '2024-07-01 09:00', phone: '+44 20 7946 0958' },
      {},
      '2024-07-01T08:00:00.000Z',
    ],
    ['a date in UTC when the lead has no zone', { whatsapp_opt_in: 'yes', opt_in_date: '2024-03-05' }, {}, '2024-03-05T00:00:00.000Z'],
    [
      'month first for a US import',
      { whatsapp_opt_in: 'yes', opt_in_date: '03/05/2024' },
      { defaultCountry: 'US' },
      '2024-03-05T00:00:00.000Z',
    ],
    [
      'day first for a Spanish import',
      { whatsapp_opt_in: 'yes', opt_in_date: '03/05/2024' },
      { defaultCountry: 'ES' },
      '2024-05-03T00:00:00.000Z',
    ],
    ['no date: opted in, date unknown', { whatsapp_opt_in: 'yes', opt_in_date: '' }, {}, null],
    ['a date beside an opt-out is not read', { whatsapp_opt_in: 'no', opt_in_date: 'not a date' }, {}, null],
    ['a date without consent is not read', { whatsapp_opt_in: '', opt_in_date: 'not a date' }, {}, null],
  ])('%s', (_case, given, options, iso) => {
    expect(lead(given, options).optInAt?.toISOString() ?? null).toBe(iso);
  });

  it.each<[string, LeadImportOptions, string]>([
    ['yesterday', {}, 'Opt-in date "yesterday" is not a date we can read: write it like 2024-03-05 or 2024-03-05T14:30:00Z'],
    ['2024-02-30', {}, 'Opt-in date "2024-02-30" is not a real date'],
    ['03/05/2024', {}, 'Opt-in date "03/05/2024" could be the 3rd of May or the 5th of March: write it like 2024-05-03 or 2024-03-05'],
  ])('refuses "%s" beside an opt-in', (date, options, reason) => {
    expect(read({ whatsapp_opt_in: 'yes', opt_in_date: date }, options)).toEqual({ ok: false, reason, field: 'opt_in_date' });
  });
});

describe('the preferred channel', () => {
  it.each([
    ['voice', 'voice'],
    ['Phone', 'voice'],
    ['call', 'voice'],
    ['Llamada', 'voice'],
    ['whatsapp', 'whatsapp'],
    ['WA', 'whatsapp'],
    ['msg', 'whatsapp'],
    ['both', 'both'],
    ['Any', 'both'],
    ['all', 'both'],
    ['ambos', 'both'],
  ])('"%s" → %s', (value, channel) => {
    expect(lead({ preferred_channel: value }).preferredChannel).toBe(channel);
  });

  it.each<[string, LeadImportOptions, string | null]>([
    ['no default: not given', {}, null],
    ['the import’s default', { defaultChannel: 'voice' }, 'voice'],
  ])('an empty cell, %s', (_case, options, channel) => {
    expect(lead({ preferred_channel: '' }, options).preferredChannel).toBe(channel);
  });

  it('the row’s channel beats the import’s default', () => {
    expect(lead({ preferred_channel: 'whatsapp' }, { defaultChannel: 'voice' }).preferredChannel).toBe('whatsapp');
  });

  it.each(['sms', 'email', 'carrier pigeon'])('refuses "%s"', (value) => {
    expect(read({ preferred_channel: value })).toEqual({
      ok: false,
      reason: `Preferred channel "${value}" is not one we know: use voice, whatsapp or both`,
      field: 'preferred_channel',
    });
  });
});

describe('the status', () => {
  it.each([
    ['new', 'new'],
    ['Contacted', 'contacted'],
    ['qualified', 'qualified'],
    ['appointment_set', 'appointment_set'],
    ['Appointment Set', 'appointment_set'],
    ['booked', 'appointment_set'],
    ['won', 'won'],
    ['lost', 'lost'],
    ['do_not_contact', 'do_not_contact'],
    ['DNC', 'do_not_contact'],
    ['Do not call', 'do_not_contact'],
    // HubSpot's and Salesforce's names for the same stages
    ['Attempted to contact', 'contacted'],
    ['Open - Not Contacted', 'new'],
    ['Working - Contacted', 'contacted'],
    ['Closed - Converted', 'won'],
    ['Closed - Not Converted', 'lost'],
    ['Unqualified', 'lost'],
    ['nuevo', 'new'],
    ['gewonnen', 'won'],
  ])('"%s" → %s', (value, status) => {
    expect(lead({ status: value }).status).toBe(status);
  });

  it.each(['Bad timing', 'pending', 'hot'])('refuses "%s"', (value) => {
    expect(read({ status: value })).toEqual({
      ok: false,
      reason: `Status "${value}" is not one we know: use one of new, contacted, qualified, appointment set, won, lost, do not contact`,
      field: 'status',
    });
  });
});

describe('tags: split on , ; |, trimmed, lower case, no repeats', () => {
  it.each<[string, string[]]>([
    ['vip', ['vip']],
    ['VIP, Madrid; vip | Hot Lead', ['vip', 'madrid', 'hot lead']],
    [' a ,, ;b;| ', ['a', 'b']],
    [',;|', []],
    ['café, 🚀 launch', ['café', '🚀 launch']],
    [Array.from({ length: 20 }, (_, i) => `t${i}`).join(','), Array.from({ length: 20 }, (_, i) => `t${i}`)],
    [`${'x'.repeat(50)}`, ['x'.repeat(50)]],
  ])('"%s"', (value, tags) => {
    expect(lead({ tags: value }).tags).toEqual(tags);
  });

  it.each<[string, string]>([
    [Array.from({ length: 21 }, (_, i) => `t${i}`).join(','), 'A lead can have at most 20 tags: this row has 21'],
    [`ok, ${'x'.repeat(51)}`, `Tag "${'x'.repeat(51)}" is longer than 50 characters`],
  ])('refuses "%s"', (value, reason) => {
    expect(read({ tags: value })).toEqual({ ok: false, reason, field: 'tags' });
  });
});

describe('custom fields', () => {
  it.each<[string, Record<string, string>]>([
    ['gold', { plan: 'gold' }],
    ['  gold  ', { plan: 'gold' }],
    ['', {}],
    ['"quoted", with comma', { plan: '"quoted", with comma' }],
    ['=SUM(A1:A9)', { plan: '=SUM(A1:A9)' }],
  ])('"%s" → %j', (value, customFields) => {
    expect(lead({ 'custom:plan': value }).customFields).toEqual(customFields);
  });
});

describe('rows that are not leads', () => {
  it.each<[string, string[]]>([
    ['no cells', []],
    ['one empty cell', ['']],
    ['only blanks', ['', '  ', '\t', '\u00A0']],
    ['a full row of empty cells', HEADER.map(() => '')],
  ])('%s: an empty row, skipped without a report entry', (_case, row) => {
    expect(leadFromImportRow(row, MAPPING, {})).toEqual({ ok: false, reason: 'empty row', empty: true });
  });

  it('text only in an ignored column is not an empty row', () => {
    expect(read({ name: '', phone: '', ignored: 'note' })).toEqual({ ok: false, reason: 'Name is empty', field: 'name' });
  });

  it.each<[string, Cells, string, string]>([
    ['a name', { name: 'a'.repeat(1001) }, 'Full name: the cell has 1,001 characters, more than the 1,000 a cell can have', 'name'],
    [
      'a custom field',
      { 'custom:plan': 'p'.repeat(5000) },
      'Custom field "plan": the cell has 5,000 characters, more than the 1,000 a cell can have',
      'custom:plan',
    ],
    ['tags', { tags: 't,'.repeat(600) }, 'Tags: the cell has 1,200 characters, more than the 1,000 a cell can have', 'tags'],
  ])('refuses a cell over 1,000 characters: %s', (_case, given, reason, field) => {
    expect(read(given)).toEqual({ ok: false, reason, field });
  });

  it('a long cell in an ignored column does not matter', () => {
    expect(read({ ignored: 'n'.repeat(5000) }).ok).toBe(true);
  });

  it('the first problem in field order is the one reported', () => {
    expect(read({ name: '', phone: 'nope', email: 'bad' })).toMatchObject({ reason: 'Name is empty' });
    expect(read({ phone: 'nope', email: 'bad' })).toMatchObject({ field: 'phone' });
  });
});

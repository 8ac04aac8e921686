import { describe, expect, it } from 'vitest';
import { guessColumnMapping, normalizeHeader } from '../../src/leads/import/column-guess.ts';
import { columnMappingSchema, type LeadColumnTarget, MAX_CUSTOM_FIELD_COLUMNS } from '../../src/leads/import/lead-columns.ts';

/** The guess as [header, field] pairs, for tables that read like the file. */
const guessed = (headers: string[]) => {
  const { columns } = guessColumnMapping(headers);
  return headers.map((header, i) => [header, columns[i]] as const);
};

describe('guessing the mapping from real exports', () => {
  it('HubSpot contacts: the mobile number over the office one; lifecycle stage and owner left to the user', () => {
    expect(
      guessed([
        'Record ID',
        'First Name',
        'Last Name',
        'Email',
        'Phone Number',
        'Mobile Phone Number',
        'Lifecycle Stage',
        'Lead Status',
        'Contact owner',
        'Time Zone',
        'Create Date',
        'Marketing contact status',
      ]),
    ).toEqual([
      ['Record ID', null],
      ['First Name', 'first_name'],
      ['Last Name', 'last_name'],
      ['Email', 'email'],
      ['Phone Number', null],
      ['Mobile Phone Number', 'phone'],
      ['Lifecycle Stage', null],
      ['Lead Status', 'status'],
      ['Contact owner', null],
      ['Time Zone', 'timezone'],
      ['Create Date', null],
      ['Marketing contact status', null],
    ]);
  });

  it('Salesforce leads: "Email Opt Out" and "Do Not Call" are not WhatsApp consent', () => {
    expect(
      guessed([
        'Lead ID',
        'Salutation',
        'First Name',
        'Last Name',
        'Company / Account',
        'Email',
        'Phone',
        'Mobile',
        'Lead Status',
        'Lead Source',
        'Email Opt Out',
        'Do Not Call',
      ]),
    ).toEqual([
      ['Lead ID', null],
      ['Salutation', null],
      ['First Name', 'first_name'],
      ['Last Name', 'last_name'],
      ['Company / Account', null],
      ['Email', 'email'],
      ['Phone', null],
      ['Mobile', 'phone'],
      ['Lead Status', 'status'],
      ['Lead Source', null],
      ['Email Opt Out', null],
      ['Do Not Call', null],
    ]);
  });

  it('Google Contacts (current format): the "- Value" columns, and Labels as tags', () => {
    expect(
      guessed([
        'First Name',
        'Middle Name',
        'Last Name',
        'Phonetic First Name',
        'Nickname',
        'Organization Name',
        'Notes',
        'Labels',
        'E-mail 1 - Label',
        'E-mail 1 - Value',
        'Phone 1 - Label',
        'Phone 1 - Value',
      ]),
    ).toEqual([
      ['First Name', 'first_name'],
      ['Middle Name', null],
      ['Last Name', 'last_name'],
      ['Phonetic First Name', null],
      ['Nickname', null],
      ['Organization Name', null],
      ['Notes', null],
      ['Labels', 'tags'],
      ['E-mail 1 - Label', null],
      ['E-mail 1 - Value', 'email'],
      ['Phone 1 - Label', null],
      ['Phone 1 - Value', 'phone'],
    ]);
  });

  it('Google Contacts (older format): "Name" beside given and family names is the full name', () => {
    expect(
      guessed(['Name', 'Given Name', 'Additional Name', 'Family Name', 'Group Membership', 'Phone 1 - Type', 'Phone 1 - Value']),
    ).toEqual([
      ['Name', 'name'],
      ['Given Name', 'first_name'],
      ['Additional Name', null],
      ['Family Name', 'last_name'],
      ['Group Membership', null],
      ['Phone 1 - Type', null],
      ['Phone 1 - Value', 'phone'],
    ]);
  });

  it('a Spanish export: "Nombre" beside "Apellidos" is the given name', () => {
    expect(
      guessed([
        'Nombre',
        'Apellidos',
        'Teléfono',
        'Correo electrónico',
        'Zona horaria',
        'Canal preferido',
        'Consentimiento WhatsApp',
        'Fecha de consentimiento',
        'Estado',
        'Etiquetas',
        'Empresa',
      ]),
    ).toEqual([
      ['Nombre', 'first_name'],
      ['Apellidos', 'last_name'],
      ['Teléfono', 'phone'],
      ['Correo electrónico', 'email'],
      ['Zona horaria', 'timezone'],
      ['Canal preferido', 'preferred_channel'],
      ['Consentimiento WhatsApp', 'whatsapp_opt_in'],
      ['Fecha de consentimiento', 'opt_in_date'],
      ['Estado', 'status'],
      ['Etiquetas', 'tags'],
      ['Empresa', null],
    ]);
  });

  it('a German export: "Name" beside "Vorname" is the family name, and the Handy beats the landline', () => {
    expect(
      guessed(['Vorname', 'Name', 'Telefon', 'Handy', 'E-Mail', 'Zeitzone', 'Einwilligung', 'Status', 'Schlagwörter', 'Firma']),
    ).toEqual([
      ['Vorname', 'first_name'],
      ['Name', 'last_name'],
      ['Telefon', null],
      ['Handy', 'phone'],
      ['E-Mail', 'email'],
      ['Zeitzone', 'timezone'],
      ['Einwilligung', 'whatsapp_opt_in'],
      ['Status', 'status'],
      ['Schlagwörter', 'tags'],
      ['Firma', null],
    ]);
  });

  it.each<[string, string[], (LeadColumnTarget | null)[]]>([
    [
      'French: Prénom + Nom',
      ['Prénom', 'Nom', 'Téléphone', 'Courriel', 'Consentement', 'Étiquettes'],
      ['first_name', 'last_name', 'phone', 'email', 'whatsapp_opt_in', 'tags'],
    ],
    [
      'Portuguese: Nome + Sobrenome',
      ['Nome', 'Sobrenome', 'Celular', 'E-mail', 'Consentimento', 'Fuso horário'],
      ['first_name', 'last_name', 'phone', 'email', 'whatsapp_opt_in', 'timezone'],
    ],
    ['a bare "Nombre" alone is the whole name', ['Nombre', 'Celular', 'Correo'], ['name', 'phone', 'email']],
    ['"Full name" wins over a bare "Name"', ['Name', 'Full name', 'Phone'], [null, 'name', 'phone']],
    ['WhatsApp number beats mobile and phone', ['Phone', 'Cell', 'WhatsApp'], [null, null, 'phone']],
    ['the same field twice: the leftmost', ['Phone', 'Telephone', 'Email', 'Mail'], ['phone', null, 'email', null]],
    [
      'our own export reads back',
      [
        'id',
        'name',
        'phone',
        'email',
        'timezone',
        'preferred_channel',
        'whatsapp_opt_in',
        'whatsapp_opt_in_at',
        'status',
        'tags',
        'custom:plan',
      ],
      [null, 'name', 'phone', 'email', 'timezone', 'preferred_channel', 'whatsapp_opt_in', 'opt_in_date', 'status', 'tags', 'custom:plan'],
    ],
  ])('%s', (_case, headers, columns) => {
    expect(guessColumnMapping(headers).columns).toEqual(columns);
  });

  it.each([
    // [header as written, field]
    ['  PHONE  ', 'phone'],
    ['phone_number', 'phone'],
    ['Phone-Number', 'phone'],
    ['\uFEFFPhone', 'phone'],
    ['TELÉFONO', 'phone'],
    ['Téléphone', 'phone'],
    ['Celular', 'phone'],
    ['Cell', 'phone'],
    ['WhatsApp', 'phone'],
    ['Full name', 'name'],
    ['full-name', 'name'],
    ['Vorname', 'first_name'],
    ['E-mail', 'email'],
    ['e_mail', 'email'],
    ['Correo', 'email'],
    ['Time zone', 'timezone'],
    ['Time-Zone', 'timezone'],
    ['TZ', 'timezone'],
    ['Opt-in', 'whatsapp_opt_in'],
    ['OPT IN', 'whatsapp_opt_in'],
    ['WhatsApp consent', 'whatsapp_opt_in'],
    ['Consentimiento', 'whatsapp_opt_in'],
    ['Tags', 'tags'],
    ['Labels', 'tags'],
  ])('"%s" → %s', (header, field) => {
    expect(guessColumnMapping(['Name', header]).columns[1]).toBe(field);
  });

  it.each([
    // Consent only from a header that says consent or opt-in for WhatsApp, never from other channels' flags.
    ['Email opt out'],
    ['Email opt-in'],
    ['SMS opt-in'],
    ['Do not call'],
    ['Subscribed'],
    ['Marketing consent'],
    ['Unsubscribed'],
    // Unknown headers are the user's to decide: never made custom fields on a guess.
    ['Favourite colour'],
    ['Plan'],
    ['Notes'],
    ['custom:with space'],
    [''],
  ])('"%s" stays ignored', (header) => {
    expect(guessColumnMapping(['Name', 'Phone', header]).columns[2]).toBeNull();
  });

  it('compares headers without case, accents, spaces or punctuation', () => {
    expect(normalizeHeader(' Teléfono Móvil ')).toBe('telefonomovil');
    expect(normalizeHeader('E-Mail-Adresse')).toBe('emailadresse');
    expect(normalizeHeader('Phone 1 - Value')).toBe('phone1value');
  });

  it('a repeated custom:<key> header maps once', () => {
    expect(guessColumnMapping(['Phone', 'custom:plan', 'custom:Plan']).columns).toEqual(['phone', 'custom:plan', null]);
  });
});

describe('checking a mapping before the import runs', () => {
  const problems = (columns: unknown[]) => {
    const result = columnMappingSchema.safeParse({ columns });
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  it.each<[string, unknown[]]>([
    ['a name and a phone', ['name', 'phone']],
    ['first and last name', ['first_name', 'last_name', 'phone']],
    ['a first name alone', ['first_name', 'phone']],
    ['a last name alone', ['phone', 'last_name']],
    ['a full name beside first and last (the full name wins where a row has one)', ['name', 'first_name', 'last_name', 'phone']],
    ['ignored columns', [null, 'name', null, 'phone', null]],
    ['every field once', ['name', 'phone', 'email', 'timezone', 'preferred_channel', 'whatsapp_opt_in', 'opt_in_date', 'status', 'tags']],
    ['custom fields with distinct keys', ['name', 'phone', 'custom:plan', 'custom:source_2024', `custom:${'k'.repeat(40)}`]],
  ])('accepts %s', (_case, columns) => {
    expect(problems(columns)).toEqual([]);
  });

  it.each<[string, unknown[], [string, string][]]>([
    ['no phone', ['name', 'email'], [['columns', 'Choose the column with the phone number: every lead needs one']]],
    ['no name', ['phone', 'email'], [['columns', 'Choose the column with the lead’s name, or the columns with the first and last name']]],
    [
      'nothing mapped',
      [null, null],
      [
        ['columns', 'Choose the column with the phone number: every lead needs one'],
        ['columns', 'Choose the column with the lead’s name, or the columns with the first and last name'],
      ],
    ],
    [
      'the phone twice',
      ['name', 'phone', 'phone'],
      [['columns.2', 'Columns 2 and 3 are both set to Phone number: keep one and ignore the others']],
    ],
    [
      'email three times',
      ['name', 'phone', 'email', 'email', 'email'],
      [['columns.3', 'Columns 3, 4 and 5 are all set to Email: keep one and ignore the others']],
    ],
    [
      'the full name twice',
      ['name', 'name', 'phone'],
      [['columns.1', 'Columns 1 and 2 are both set to Full name: keep one and ignore the others']],
    ],
    [
      'a custom key twice, even in another case',
      ['name', 'phone', 'custom:plan', 'custom:Plan'],
      [['columns.3', 'Columns 3 and 4 are both set to custom field "plan": give each its own name']],
    ],
    [
      'an opt-in date without the consent column',
      ['name', 'phone', 'opt_in_date'],
      [
        [
          'columns.2',
          'The WhatsApp opt-in date needs the WhatsApp consent column too: consent is only imported from a column that says it',
        ],
      ],
    ],
    ['a field we do not have', ['name', 'phone', 'mobile'], [['columns.2', '"mobile" is not a lead field']]],
    [
      'a custom key with a space',
      ['name', 'phone', 'custom:my field'],
      [['columns.2', '"my field" cannot name a custom field: use letters, digits and underscores only, up to 40 characters']],
    ],
    [
      'a custom key of 41 characters',
      ['name', 'phone', `custom:${'k'.repeat(41)}`],
      [['columns.2', `"${'k'.repeat(41)}" cannot name a custom field: use letters, digits and underscores only, up to 40 characters`]],
    ],
    [
      'an empty custom key',
      ['name', 'phone', 'custom:'],
      [['columns.2', '"" cannot name a custom field: use letters, digits and underscores only, up to 40 characters']],
    ],
    ['a number instead of a field', ['name', 'phone', 3], [['columns.2', 'Each column is either a lead field or ignored']]],
    ['no columns at all', [], [['columns', 'The file has no columns']]],
  ])('refuses %s', (_case, columns, expected) => {
    expect(problems(columns)).toEqual(expected);
  });

  it(`refuses more than ${MAX_CUSTOM_FIELD_COLUMNS} custom-field columns`, () => {
    const custom = Array.from({ length: MAX_CUSTOM_FIELD_COLUMNS + 1 }, (_, i) => `custom:field_${i}`);
    expect(problems(['name', 'phone', ...custom])).toEqual([
      ['columns', `At most ${MAX_CUSTOM_FIELD_COLUMNS} columns can become custom fields: this mapping has ${MAX_CUSTOM_FIELD_COLUMNS + 1}`],
    ]);
  });

  it('every guess for a file with a name and a phone passes the check', () => {
    for (const headers of [
      ['First Name', 'Last Name', 'Email', 'Mobile Phone Number'],
      ['Nombre', 'Apellidos', 'Teléfono', 'Consentimiento', 'Fecha de consentimiento'],
      ['Vorname', 'Name', 'Handy', 'Telefon'],
    ])
      expect(columnMappingSchema.safeParse(guessColumnMapping(headers)).success, headers.join(',')).toBe(true);
  });
});

// A first guess at the column mapping from the file's header, which the user then confirms or corrects. Headers are
// compared without case, accents, spaces or punctuation ("E-mail", "e_mail", "EMAIL" are one header), against
// what CRMs, phones and people write in English, Spanish, Portuguese, French and German.
import { isCustomFieldTarget, type LeadColumnTarget, type LeadImportField } from './lead-columns.ts';

// What is deliberately not guessed:
// - A header we do not know stays ignored: turning it into a custom field is the user's call, not ours. The one
//   exception is a `custom:<key>` header, which is our own export's spelling of a custom field.
// - Consent only comes from a header that says consent or opt-in. "Email opt out", "Do not call", "Marketing
//   contact status" or "Subscribed" say something about other channels, or nothing about WhatsApp, so they stay
//   ignored (the issue: consent is imported only from an explicit column).
// - "Lifecycle stage" is not a status: its values (subscriber, customer…) are a different scale.

/** A bare "Name" in a language where it is also the word for one part of a name (see resolveBareName). */
type Guess = LeadImportField | 'bare_name';

/** [field, rank, headers]: the lowest rank wins when several headers mean the same field; then the leftmost. */
const SYNONYMS: readonly (readonly [Guess, number, readonly string[]])[] = [
  [
    'name',
    0,
    [
      'Full name',
      'Contact name',
      'Lead name',
      'Customer name',
      'Client name',
      'Display name',
      'Nombre completo',
      'Nome completo',
      'Nom complet',
      'Vollständiger Name',
    ],
  ],
  ['bare_name', 1, ['Name', 'Nombre', 'Nome', 'Nom']],
  [
    'first_name',
    0,
    ['First name', 'First', 'Given name', 'Forename', 'Nombre de pila', 'Primer nombre', 'Primeiro nome', 'Prénom', 'Vorname'],
  ],
  [
    'last_name',
    0,
    [
      'Last name',
      'Last',
      'Surname',
      'Family name',
      'Apellido',
      'Apellidos',
      'Sobrenome',
      'Apelido',
      'Nom de famille',
      'Nachname',
      'Familienname',
    ],
  ],
  // WhatsApp needs a mobile number and calls reach either, so a WhatsApp or mobile column beats a generic phone one.
  [
    'phone',
    0,
    ['WhatsApp', 'WhatsApp number', 'WhatsApp phone', 'WhatsApp phone number', 'Número de WhatsApp', 'Numero WhatsApp', 'WhatsApp Nummer'],
  ],
  [
    'phone',
    1,
    [
      'Mobile',
      'Mobile phone',
      'Mobile phone number',
      'Mobile number',
      'Cell',
      'Cell phone',
      'Cell number',
      'Celular',
      'Número de celular',
      'Móvil',
      'Teléfono móvil',
      'Telemóvel',
      'Telefone celular',
      'Portable',
      'Téléphone portable',
      'Numéro de portable',
      'Handy',
      'Handynummer',
      'Mobilnummer',
      'Mobiltelefon',
      'Mobilfunknummer',
    ],
  ],
  [
    'phone',
    2,
    [
      'Phone',
      'Phone number',
      'Telephone',
      'Tel',
      'Contact number',
      'Primary phone',
      'Phone 1 - Value',
      'MSISDN',
      'Teléfono',
      'Número de teléfono',
      'Telefone',
      'Número de telefone',
      'Numéro de téléphone',
      'Telefon',
      'Telefonnummer',
    ],
  ],
  [
    'email',
    0,
    [
      'Email',
      'Email address',
      'E-mail 1 - Value',
      'Primary email',
      'Mail',
      'Correo',
      'Correo electrónico',
      'Endereço de e-mail',
      'Courriel',
      'Adresse e-mail',
      'E-Mail-Adresse',
    ],
  ],
  ['timezone', 0, ['Time zone', 'TZ', 'Zona horaria', 'Fuso horário', 'Fuseau horaire', 'Zeitzone']],
  [
    'preferred_channel',
    0,
    [
      'Preferred channel',
      'Channel',
      'Preferred contact method',
      'Canal',
      'Canal preferido',
      'Canal preferencial',
      'Canal préféré',
      'Bevorzugter Kanal',
      'Kanal',
    ],
  ],
  [
    'whatsapp_opt_in',
    0,
    [
      'WhatsApp opt-in',
      'WhatsApp consent',
      'Opt-in',
      'Opted in',
      'Consent',
      'Consentimiento',
      'Consentimiento WhatsApp',
      'Consentimento',
      'Consentimento WhatsApp',
      'Consentement',
      'Consentement WhatsApp',
      'Einwilligung',
      'WhatsApp Einwilligung',
    ],
  ],
  [
    'opt_in_date',
    0,
    [
      'Opt-in date',
      'WhatsApp opt-in date',
      'WhatsApp opt-in at',
      'Opted in at',
      'Consent date',
      'Fecha de consentimiento',
      'Data do consentimento',
      'Date du consentement',
      'Einwilligungsdatum',
    ],
  ],
  ['status', 0, ['Status', 'Lead status', 'Estado', 'Estatus', 'Situação', 'Statut']],
  ['tags', 0, ['Tags', 'Tag', 'Labels', 'Label', 'Etiquetas', 'Etiqueta', 'Étiquettes', 'Schlagwörter']],
];

const MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/** "Teléfono Móvil" → "telefonomovil": the form headers are compared in. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

const KNOWN_HEADERS = new Map<string, { guess: Guess; rank: number }>();
for (const [guess, rank, headers] of SYNONYMS)
  for (const header of headers) {
    const key = normalizeHeader(header);
    if (KNOWN_HEADERS.has(key)) throw new Error(`Header "${header}" is listed twice`);
    KNOWN_HEADERS.set(key, { guess, rank });
  }

/**
 * "Name", "Nombre", "Nome", "Nom" are the whole name on their own, but one part of it beside the other part:
 * French and German exports write Prénom/Vorname + Nom/Name (so Nom is the family name), Spanish and Portuguese
 * ones Nombre/Nome + Apellidos/Sobrenome (so Nombre is the given name). Beside both parts, it is the full name.
 */
function resolveBareName(hasFirst: boolean, hasLast: boolean): LeadImportField {
  if (hasFirst && !hasLast) return 'last_name';
  if (hasLast && !hasFirst) return 'first_name';
  return 'name';
}

/**
 * The mapping suggested for a header row: each known field goes to its best column (see SYNONYMS for ranks), the
 * other columns are null. The result may still lack a phone or a name; the mapping schema says so to the user.
 */
export function guessColumnMapping(headers: readonly string[]): { columns: (LeadColumnTarget | null)[] } {
  const candidates: { index: number; guess: Guess; rank: number }[] = [];
  const columns: (LeadColumnTarget | null)[] = headers.map(() => null);
  const customKeys = new Set<string>();
  headers.forEach((header, index) => {
    const trimmed = header.replace(/^\uFEFF/, '').trim();
    if (isCustomFieldTarget(trimmed) && !customKeys.has(trimmed.toLowerCase())) {
      customKeys.add(trimmed.toLowerCase());
      columns[index] = trimmed;
      return;
    }
    const known = KNOWN_HEADERS.get(normalizeHeader(trimmed));
    if (known) candidates.push({ index, ...known });
  });

  const hasFirst = candidates.some((c) => c.guess === 'first_name');
  const hasLast = candidates.some((c) => c.guess === 'last_name');
  const bareName = resolveBareName(hasFirst, hasLast);
  candidates.sort((a, b) => a.rank - b.rank || a.index - b.index);

  const taken = new Set<LeadImportField>();
  for (const { index, guess } of candidates) {
    const field = guess === 'bare_name' ? bareName : guess;
    if (taken.has(field)) continue;
    taken.add(field);
    columns[index] = field;
  }
  return { columns };
}

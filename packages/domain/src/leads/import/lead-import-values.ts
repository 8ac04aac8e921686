// The words an imported cell may use for consent, channel and status, in the languages our customers' files are
// written in, and how a tags cell becomes tags. Each reader takes a trimmed, non-empty cell.
import type { PreferredChannel } from '../../entities/channel.ts';
import { LEAD_STATUSES, type LeadStatus } from '../../entities/lead.ts';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../lead-tags.ts';

const SEPARATOR_RUNS = /[\s_\-–—]+/g;

/** "Opted-In", "opted_in" and "OPTED IN" are one word for the readers below. */
const vocabularyKey = (text: string): string => text.toLowerCase().replace(SEPARATOR_RUNS, ' ');

function vocabulary<T>(entries: readonly (readonly [T, readonly string[]])[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries)
    for (const word of words) {
      const key = vocabularyKey(word);
      if (map.has(key)) throw new Error(`"${word}" is listed twice`);
      map.set(key, value);
    }
  return map;
}

// Consent has to be said, not inferred: only these words count, anything else refuses the row rather than guess.
// "x" and ticks are how a spreadsheet column of checkboxes usually arrives.
const CONSENT = vocabulary<boolean>([
  [true, ['yes', 'y', 'true', '1', 'opted in', 'opt-in', 'optin', 'sí', 'si', 'sim', 'oui', 'ja', 'x', '✓', '✔']],
  [false, ['no', 'n', 'false', '0', 'opted out', 'opt-out', 'optout', 'non', 'nein', 'não', 'nao']],
]);

const CHANNELS = vocabulary<PreferredChannel>([
  ['voice', ['voice', 'phone', 'call', 'calls', 'phone call', 'llamada', 'llamadas', 'voz', 'ligação', 'ligacao', 'appel', 'anruf']],
  ['whatsapp', ['whatsapp', 'wa', 'msg', 'message', 'messages', 'mensaje', 'mensagem']],
  ['both', ['both', 'any', 'all', 'ambos', 'ambas', 'todos', 'les deux', 'tous', 'beide', 'alle']],
]);

// The product's own names first, then what HubSpot and Salesforce call the same stage, then other languages. Values
// that map to no stage cleanly (HubSpot's "Bad timing") are refused so that the user decides.
const STATUSES = vocabulary<LeadStatus>([
  ['new', ['new', 'open', 'open - not contacted', 'nuevo', 'novo', 'nouveau', 'neu']],
  [
    'contacted',
    [
      'contacted',
      'attempted to contact',
      'in progress',
      'connected',
      'working',
      'working - contacted',
      'contactado',
      'contatado',
      'contacté',
      'kontaktiert',
    ],
  ],
  ['qualified', ['qualified', 'open deal', 'cualificado', 'calificado', 'qualificado', 'qualifié', 'qualifiziert']],
  [
    'appointment_set',
    [
      'appointment set',
      'appointment',
      'booked',
      'meeting booked',
      'meeting set',
      'scheduled',
      'cita agendada',
      'agendado',
      'rendez-vous',
      'termin vereinbart',
    ],
  ],
  ['won', ['won', 'closed won', 'closed - converted', 'converted', 'customer', 'ganado', 'ganho', 'gagné', 'gewonnen']],
  ['lost', ['lost', 'closed lost', 'closed - not converted', 'unqualified', 'not interested', 'perdido', 'perdu', 'verloren']],
  ['do_not_contact', ['do not contact', 'dnc', 'do not call', 'no contactar', 'não contatar', 'ne pas contacter', 'nicht kontaktieren']],
]);

/** true or false, or undefined when the cell is not a word for either. */
export const consentFromCell = (text: string): boolean | undefined => CONSENT.get(vocabularyKey(text));

export const channelFromCell = (text: string): PreferredChannel | undefined => CHANNELS.get(vocabularyKey(text));

export const statusFromCell = (text: string): LeadStatus | undefined => STATUSES.get(vocabularyKey(text));

/** The statuses as a user writes them, for refusals: "new, contacted, …, do not contact". */
export const STATUS_WORDS = LEAD_STATUSES.map((status) => status.replaceAll('_', ' ')).join(', ');

const TAG_SEPARATORS = /[,;|]/;

export type TagsResult = { ok: true; tags: string[] } | { ok: false; reason: string };

/**
 * Tags from one cell: split on commas, semicolons or pipes, then normalised as everywhere else (lead-tags.ts):
 * trimmed, lower case, no repeats, in the order written. Lower case because "VIP" and "vip" in two files are meant
 * to be one tag, and the list's tag filter matches exactly. Where the console trims an over-long tag, an import
 * refuses the row instead, so that the report shows what would have been cut.
 */
export function tagsFromCell(text: string): TagsResult {
  const tags: string[] = [];
  for (const part of text.split(TAG_SEPARATORS)) {
    const tag = part.trim().toLowerCase();
    if (tag === '' || tags.includes(tag)) continue;
    if (tag.length > MAX_TAG_LENGTH) return { ok: false, reason: `Tag "${tag}" is longer than ${MAX_TAG_LENGTH} characters` };
    tags.push(tag);
  }
  if (tags.length > MAX_TAGS) return { ok: false, reason: `A lead can have at most ${MAX_TAGS} tags: this row has ${tags.length}` };
  return { ok: true, tags };
}

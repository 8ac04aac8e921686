// The words and number formats of the Leads screen: statuses, channels, consent, call outcomes, counts and who
// changed a consent.
import type { LeadConsent, LeadCount, LeadStatus, PreferredChannel } from './lead-types.ts';

export const STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  appointment_set: 'Appointment set',
  won: 'Won',
  lost: 'Lost',
  do_not_contact: 'Do not contact',
};
export const STATUSES = Object.keys(STATUS_LABELS) as LeadStatus[];

export const CHANNEL_LABELS: Record<PreferredChannel, string> = { voice: 'Voice', whatsapp: 'WhatsApp', both: 'Voice and WhatsApp' };
export const CHANNELS = Object.keys(CHANNEL_LABELS) as PreferredChannel[];

export const CONSENT_LABELS: Record<LeadConsent, string> = { opted_in: 'Opted in', opted_out: 'Opted out', none: 'No consent' };
export const CONSENTS = Object.keys(CONSENT_LABELS) as LeadConsent[];

/** By outcome; an outcome added later shows as it is named. */
export const CALL_OUTCOMES: Record<string, string> = {
  pending: 'Calling…',
  delivered: 'Connected',
  answered: 'Answered',
  replied: 'Replied',
  no_answer: 'No answer',
  failed: 'Failed',
  refused: 'Not placed',
};

const numbers = new Intl.NumberFormat();
export const formatNumber = (n: number) => numbers.format(n);

/** "1,234 leads", "1 lead", or "10,000+ leads" past the count's cap. */
export function countLabel(count: LeadCount): string {
  if (count.capped) return `${formatNumber(count.count)}+ leads`;
  return `${formatNumber(count.count)} ${count.count === 1 ? 'lead' : 'leads'}`;
}

export const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
export const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Consent history actors: `user:<id>`, `lead:<phone>`, `import:<id>`, `system`. */
export function consentActorLabel(actor: string, myUserId: string): string {
  if (actor === `user:${myUserId}`) return 'You';
  if (actor.startsWith('user:')) return 'A teammate';
  if (actor.startsWith('lead:')) return 'The lead';
  if (actor.startsWith('import:')) return 'A CSV import';
  return 'Switchboard';
}

/** A lead's status from the list (whose type carries the ORM's brand) in words. */
export const statusLabel = (status: LeadStatus) => STATUS_LABELS[status];

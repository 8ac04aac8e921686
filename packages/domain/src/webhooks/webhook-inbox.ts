// The webhook inbox: each provider event is written once under its dedupe key before anything else happens,
// so a repeated callback is recognised and a crash after the write loses nothing (the sweeper re-enqueues).
import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../db/new-id.ts';

export type WebhookKind = 'twilio.status' | 'twilio.inbound';

export interface IncomingWebhook {
  companyId: string;
  providerId: string;
  kind: WebhookKind;
  params: Record<string, string | string[]>;
  /** Query parameters of the URL we gave Twilio (our message id rides in `mid`). */
  query: Record<string, string>;
  receivedAt: Date;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Status callbacks repeat per (message, status, error); an inbound message is one event per MessageSid. */
export function dedupeKey(kind: WebhookKind, params: Record<string, string | string[]>): string {
  const sid = first(params.MessageSid) || first(params.SmsSid);
  if (kind === 'twilio.inbound') return `in:${sid}`;
  return `st:${sid}:${first(params.MessageStatus) || first(params.SmsStatus)}:${first(params.ErrorCode)}`;
}

/** Returns the new event's id, or null when the same event was recorded before. */
export async function recordWebhook(em: EntityManager, hook: IncomingWebhook): Promise<string | null> {
  const id = newId();
  const payload = inboxPayload(hook);
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `insert into webhook_events (id, company_id, provider_id, kind, dedupe_key, payload, received_at)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (provider_id, dedupe_key) do nothing returning id`,
    [id, hook.companyId, hook.providerId, hook.kind, dedupeKey(hook.kind, hook.params), JSON.stringify(payload), hook.receivedAt],
  );
  return rows[0]?.id ?? null;
}

/** The stored form of an event: its form fields, and the callback URL's query parameters prefixed with `?`. */
export function inboxPayload(hook: IncomingWebhook): Record<string, string> {
  return { ...flatten(hook.params), ...Object.fromEntries(Object.entries(hook.query).map(([k, v]) => [`?${k}`, v])) };
}

function flatten(params: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
}

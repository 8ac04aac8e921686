// The send worker's SQL, each statement for a whole batch of messages: read what a send needs, claim the
// messages (queued → sending), record the provider's answers, put retryable ones back, fail the refused.
// This is the hot path of every campaign, so it runs prepared statements (db/prepared-query.ts), no entity
// hydration. Timestamps come back as strings, as MikroORM's type parsers leave them.
import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedQuery } from '../db/prepared-query.ts';
import type { SendResult } from '../providers/messaging-provider.ts';
import { MESSAGE_VIEW_COLUMNS, type MessageViewRow } from './message-view.ts';

export interface SendRow {
  id: string;
  company_id: string;
  status: string;
  kind: 'text' | 'media' | 'location' | 'template' | 'button_reply';
  body: string | null;
  media: Record<string, unknown>[] | null;
  template_variables: Record<string, string> | null;
  provider_message_id: string | null;
  send_started_at: Date | string | null;
  created_at: Date | string;
  phone: string;
  whatsapp_opt_in: boolean;
  whatsapp_opted_out_at: Date | string | null;
  window_ends_at: Date | string | null;
  provider_id: string | null;
  provider_updated_at: Date | string | null;
  provider_mps: number | null;
  template_status: 'draft' | 'pending' | 'approved' | 'rejected' | 'archived' | null;
  template_content_sid: string | null;
}

const VIEW = MESSAGE_VIEW_COLUMNS.split(', ')
  .map((c) => `messages.${c}`)
  .join(', ');

export const SEND_STATEMENTS = {
  select: `
    select m.id, m.company_id, m.status, m.kind, m.body, m.media, m.template_variables, m.provider_message_id, m.send_started_at,
           m.created_at, l.phone, l.whatsapp_opt_in, l.whatsapp_opted_out_at,
           s.window_ends_at, s.provider_id, p.updated_at as provider_updated_at, p.messages_per_second as provider_mps,
           t.status as template_status, t.content_sid as template_content_sid
    from messages m
    join leads l on l.id = m.lead_id
    left join whatsapp_sessions s on s.id = m.session_id
    left join whatsapp_providers p on p.id = s.provider_id
    left join templates t on t.id = m.template_id
    where m.id = any($1::uuid[]) and m.direction = 'outbound'`,
  // Only one worker can move a message from queued to sending: the ids that come back are this worker's.
  claim: `update messages set status = 'sending', send_started_at = $2 where id = any($1::uuid[]) and status = 'queued' returning id`,
  // A callback may already have moved a message further (sent, delivered): the furthest status stays.
  record: `
    update messages set provider_message_id = v.sid, price_micros = coalesce(v.price, price_micros),
      price_currency = coalesce(v.currency, price_currency),
      status = case when status in ('queued', 'sending') then 'sending' else status end
    from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[]) as v(mid, sid, price, currency)
    where messages.id = v.mid returning ${VIEW}`,
  requeue: `update messages set status = 'queued', send_started_at = null
    where id = any($1::uuid[]) and status = 'sending' and provider_message_id is null`,
  // One statement, so a message is never left failed with its interaction attempt still open. Only messages
  // still unsent fail (a callback may have moved one on), and only their attempts close; the attempts are found
  // through interaction_attempts_message_id_index.
  fail: `
    with failed as (
      update messages set status = 'failed', refusal_reason = coalesce(v.refusal, refusal_reason),
        error_message = coalesce(v.error, error_message), error_code = coalesce(v.code, error_code)
      from unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) as v(mid, refusal, error, code)
      where messages.id = v.mid and messages.status in ('queued', 'sending')
      returning ${VIEW}, v.refusal is not null as refused
    ), closed as (
      update interaction_attempts set outcome = case when failed.refused then 'refused' else 'failed' end, ended_at = $5
      from failed where interaction_attempts.message_id = failed.id
    )
    select ${MESSAGE_VIEW_COLUMNS} from failed`,
} as const;

const run = <Row>(em: EntityManager, name: keyof typeof SEND_STATEMENTS, values: unknown[]) =>
  preparedQuery<Row>(em, `send.${name}`, SEND_STATEMENTS[name], values);

export function selectForSend(em: EntityManager, ids: string[]): Promise<SendRow[]> {
  return run<SendRow>(em, 'select', [ids]);
}

export async function claimForSend(em: EntityManager, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const claimed = await run<{ id: string }>(em, 'claim', [ids, now]);
  return new Set(claimed.map((r) => r.id));
}

/** Stores the provider's ids and prices. */
export async function recordSent(em: EntityManager, sent: { id: string; result: SendResult }[]): Promise<MessageViewRow[]> {
  if (sent.length === 0) return [];
  return run<MessageViewRow>(em, 'record', [
    sent.map((s) => s.id),
    sent.map((s) => s.result.providerMessageId),
    sent.map((s) => s.result.priceMicros),
    sent.map((s) => s.result.priceCurrency),
  ]);
}

/** Refused or failed for good: `failed` with the reason (and Twilio's code), the interaction attempt closed. */
export async function markFailed(
  em: EntityManager,
  failures: { id: string; refused: boolean; reason: string; code: number | null }[],
  now: Date,
): Promise<MessageViewRow[]> {
  if (failures.length === 0) return [];
  return run<MessageViewRow>(em, 'fail', [
    failures.map((f) => f.id),
    failures.map((f) => (f.refused ? f.reason : null)),
    failures.map((f) => (f.refused ? null : f.reason)),
    failures.map((f) => f.code),
    now,
  ]);
}

/** Nothing reached the provider (or it said to slow down): back to queued, to be tried again. */
export async function requeueUnsent(em: EntityManager, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await run(em, 'requeue', [ids]);
}

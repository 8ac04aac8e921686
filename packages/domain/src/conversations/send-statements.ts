// The send worker's SQL, each statement for a whole batch of messages: read what a send needs, claim the
// messages (queued → sending), record the provider's answers, put retryable ones back. Plain SQL, no entity
// hydration: this is the hot path of every campaign. Raw SQL gives timestamps as strings.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SendResult } from '../providers/messaging-provider.ts';
import { MESSAGE_VIEW_COLUMNS, type MessageViewRow } from './message-view.ts';

type Connection = ReturnType<EntityManager['getConnection']>;

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

export async function selectForSend(conn: Connection, ids: string[]): Promise<SendRow[]> {
  return conn.execute<SendRow[]>(
    `select m.id, m.company_id, m.status, m.kind, m.body, m.media, m.template_variables, m.provider_message_id, m.send_started_at,
            m.created_at, l.phone, l.whatsapp_opt_in, l.whatsapp_opted_out_at,
            s.window_ends_at, s.provider_id, p.updated_at as provider_updated_at, p.messages_per_second as provider_mps,
            t.status as template_status, t.content_sid as template_content_sid
     from messages m
     join leads l on l.id = m.lead_id
     left join whatsapp_sessions s on s.id = m.session_id
     left join whatsapp_providers p on p.id = s.provider_id
     left join templates t on t.id = m.template_id
     where m.id in (?) and m.direction = 'outbound'`,
    [ids],
  );
}

/** Moves queued messages to sending; only one worker can: the ids that come back are this worker's to send. */
export async function claimForSend(conn: Connection, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const claimed = await conn.execute<{ id: string }[]>(
    `update messages set status = 'sending', send_started_at = ? where id in (?) and status = 'queued' returning id`,
    [now, ids],
  );
  return new Set(claimed.map((r) => r.id));
}

/**
 * Stores the provider's ids and prices. A callback may already have moved a message further (sent,
 * delivered): the furthest status stays.
 */
export async function recordSent(conn: Connection, sent: { id: string; result: SendResult }[]): Promise<MessageViewRow[]> {
  if (sent.length === 0) return [];
  return conn.execute<MessageViewRow[]>(
    `update messages set provider_message_id = v.sid, price_micros = coalesce(v.price::bigint, price_micros),
       price_currency = coalesce(v.currency, price_currency),
       status = case when status in ('queued', 'sending') then 'sending' else status end
     from (values ${sent.map(() => '(?, ?, ?, ?)').join(', ')}) as v(mid, sid, price, currency)
     where messages.id = v.mid::uuid returning ${MESSAGE_VIEW_COLUMNS.split(', ')
       .map((c) => `messages.${c}`)
       .join(', ')}`,
    sent.flatMap(({ id, result }) => [id, result.providerMessageId, result.priceMicros, result.priceCurrency]),
  );
}

/** Nothing reached the provider (or it said to slow down): back to queued, to be tried again. */
export async function requeueUnsent(conn: Connection, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await conn.execute(
    `update messages set status = 'queued', send_started_at = null where id in (?) and status = 'sending' and provider_message_id is null`,
    [ids],
  );
}

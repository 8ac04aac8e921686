// The Conversations screen's list: one row per lead, the newest conversation first by its last message in or out.
// It walks the index on the sessions' (company, last-message time, id) newest first and stops after a page, so it
// costs the same with 100 sessions or 100,000; each row's lead, unread count, window and last message are fetched by
// their own indexes, for that page only.
import { preparedQuery } from '../db/prepared-query.ts';
import { DomainError } from '../errors/domain-errors.ts';
import { windowState } from '../messaging/session-window.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';

export interface ConversationSummary {
  leadId: string;
  leadName: string;
  phone: string;
  whatsappOptIn: boolean;
  /** Unread inbound messages over all of the lead's sessions. */
  unreadCount: number;
  windowEndsAt: string | null;
  windowOpen: boolean;
  lastMessage: { id: string; body: string | null; kind: string; direction: string; status: string; at: string } | null;
  /** This row's place in the list: pass it as `after` for the conversations below it. */
  cursor: string;
}

export interface ConversationListPage {
  limit?: number | undefined;
  /** The `cursor` of the last conversation already shown. */
  after?: string | undefined;
}

interface Position {
  /** The session's last-message time with PostgreSQL's full (microsecond) precision, as text. */
  at: string;
  sessionId: string;
}

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const conversationCursor = (p: Position) => Buffer.from(`${p.at}|${p.sessionId}`).toString('base64url');

function parseConversationCursor(cursor: string): Position {
  const [at, sessionId] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !sessionId || !ISO_MICROS.test(at) || !UUID.test(sessionId))
    throw new DomainError('invalid', 'Unknown place in the conversation list');
  return { at, sessionId };
}

interface Row {
  lead_id: string;
  name: string;
  phone: string;
  whatsapp_opt_in: boolean;
  unread_count: number;
  window_ends_at: Date | null;
  position_at: string;
  position_id: string;
  message_id: string | null;
  body: string | null;
  kind: string | null;
  direction: string | null;
  status: string | null;
  created_at: Date | null;
}

/**
 * A lead's row is its newest session (a lead who wrote to two of the company's numbers has two): the sessions are
 * walked newest first by the (company, last_message_at, id) index, and for each one a single probe of the lead's
 * sessions (the (lead, provider) unique index) both sums their unread counts and windows and says whether a newer
 * one exists. The page's leads and last messages are then read by primary key and by (lead, created_at).
 */
const listStatement = (withCursor: boolean) => `
  select n.lead_id, l.name, l.phone, l.whatsapp_opt_in, n.unread_count, n.window_ends_at,
         to_char(n.last_message_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as position_at, n.id as position_id,
         m.id as message_id, m.body, m.kind, m.direction, m.status, m.created_at
  from (
    select s.id, s.lead_id, s.last_message_at, lead_sessions.unread_count, lead_sessions.window_ends_at
    from whatsapp_sessions s
    cross join lateral (
      select sum(x.unread_count)::int as unread_count, max(x.window_ends_at) as window_ends_at,
             count(*) filter (where (x.last_message_at, x.id) > (s.last_message_at, s.id)) as newer_sessions
      from whatsapp_sessions x where x.lead_id = s.lead_id
    ) lead_sessions
    where s.company_id = $1 and s.last_message_at is not null
      ${withCursor ? 'and (s.last_message_at, s.id) < ($3::timestamptz, $4::uuid)' : ''}
      and lead_sessions.newer_sessions = 0
    order by s.last_message_at desc, s.id desc
    limit $2
  ) n
  -- By primary key, a row per conversation shown: as a plain join PostgreSQL may hash all the company's leads for
  -- a page of them (it did, at 3,000 leads); the limit keeps the lookup a lateral one.
  cross join lateral (select name, phone, whatsapp_opt_in from leads where leads.id = n.lead_id limit 1) l
  left join lateral (
    select id, body, kind, direction, status, created_at from messages
    where messages.lead_id = n.lead_id order by created_at desc limit 1
  ) m on true
  order by n.last_message_at desc, n.id desc`;

/** The list's statements, prepared once per connection (planning costs about as much as running them). */
export const CONVERSATION_LIST_STATEMENTS = { first: listStatement(false), after: listStatement(true) };

export async function listConversations(scope: TenantScope, page: ConversationListPage = {}): Promise<ConversationSummary[]> {
  const limit = page.limit ?? 100;
  const after = page.after ? parseConversationCursor(page.after) : null;
  const rows = after
    ? await preparedQuery<Row>(scope.em, 'conversations.list.after', CONVERSATION_LIST_STATEMENTS.after, [
        scope.companyId,
        limit,
        after.at,
        after.sessionId,
      ])
    : await preparedQuery<Row>(scope.em, 'conversations.list.first', CONVERSATION_LIST_STATEMENTS.first, [scope.companyId, limit]);
  const now = scope.clock.now();
  return rows.map((r) => {
    const windowEndsAt = r.window_ends_at ? new Date(r.window_ends_at) : null;
    return {
      leadId: r.lead_id,
      leadName: r.name,
      phone: r.phone,
      whatsappOptIn: r.whatsapp_opt_in,
      unreadCount: r.unread_count,
      windowEndsAt: windowEndsAt?.toISOString() ?? null,
      windowOpen: windowState(windowEndsAt, now).open,
      lastMessage:
        r.message_id && r.created_at
          ? {
              id: r.message_id,
              body: r.body,
              kind: r.kind as string,
              direction: r.direction as string,
              status: r.status as string,
              at: new Date(r.created_at).toISOString(),
            }
          : null,
      cursor: conversationCursor({ at: r.position_at, sessionId: r.position_id }),
    };
  });
}

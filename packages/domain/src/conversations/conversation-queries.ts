// What the Conversations screen reads: the list of conversations and one lead's timeline.
import { Lead } from '../entities/lead.ts';
import { Message } from '../entities/message.ts';
import { WhatsappSession } from '../entities/whatsapp-session.ts';
import { type LeadView, toLeadView } from '../leads/lead-service.ts';
import { windowState } from '../messaging/session-window.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { type MessageView, toMessageView } from './message-view.ts';

export interface ConversationSummary {
  leadId: string;
  leadName: string;
  phone: string;
  whatsappOptIn: boolean;
  unreadCount: number;
  windowEndsAt: string | null;
  windowOpen: boolean;
  lastMessage: { body: string | null; kind: string; direction: string; status: string; at: string } | null;
}

export async function listConversations(scope: TenantScope, limit = 100): Promise<ConversationSummary[]> {
  const rows = await scope.em.getConnection().execute<
    {
      lead_id: string;
      name: string;
      phone: string;
      whatsapp_opt_in: boolean;
      unread_count: number;
      window_ends_at: Date | null;
      body: string | null;
      kind: string | null;
      direction: string | null;
      status: string | null;
      created_at: Date | null;
    }[]
  >(
    `select s.lead_id, l.name, l.phone, l.whatsapp_opt_in, s.unread_count, s.window_ends_at,
            m.body, m.kind, m.direction, m.status, m.created_at
     from whatsapp_sessions s
     join leads l on l.id = s.lead_id
     left join lateral (
       select body, kind, direction, status, created_at from messages
       where messages.lead_id = s.lead_id order by created_at desc limit 1
     ) m on true
     where s.company_id = ?
     order by coalesce(m.created_at, s.last_message_at, s.created_at) desc
     limit ?`,
    [scope.companyId, limit],
  );
  const now = scope.clock.now();
  return rows.map((r) => ({
    leadId: r.lead_id,
    leadName: r.name,
    phone: r.phone,
    whatsappOptIn: r.whatsapp_opt_in,
    unreadCount: r.unread_count,
    windowEndsAt: r.window_ends_at ? new Date(r.window_ends_at).toISOString() : null,
    windowOpen: windowState(r.window_ends_at ? new Date(r.window_ends_at) : null, now).open,
    lastMessage: r.created_at
      ? {
          body: r.body,
          kind: r.kind as string,
          direction: r.direction as string,
          status: r.status as string,
          at: new Date(r.created_at).toISOString(),
        }
      : null,
  }));
}

export interface Timeline {
  lead: LeadView;
  window: { open: boolean; endsAt: string | null; remainingMs: number };
  messages: MessageView[];
}

export async function conversationTimeline(scope: TenantScope, leadId: string): Promise<Timeline> {
  const lead = await scope.get(Lead, leadId, 'Lead');
  const [messages, sessions] = await Promise.all([
    scope.find(Message, { lead: lead.id }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 1000 }),
    scope.find(WhatsappSession, { lead: lead.id }, { orderBy: { windowEndsAt: 'desc' }, limit: 1 }),
  ]);
  const w = windowState(sessions[0]?.windowEndsAt ?? null, scope.clock.now());
  return {
    lead: toLeadView(lead),
    window: { open: w.open, endsAt: w.endsAt?.toISOString() ?? null, remainingMs: w.remainingMs },
    messages: messages.map(toMessageView),
  };
}

export async function markConversationRead(scope: TenantScope, leadId: string): Promise<void> {
  await scope.get(Lead, leadId, 'Lead');
  await scope.em
    .getConnection()
    .execute('update whatsapp_sessions set unread_count = 0 where company_id = ? and lead_id = ?', [scope.companyId, leadId]);
}

// What the Conversations screen reads: the list of conversations (conversation-list.ts) and one lead's timeline.
import { Lead } from '../entities/lead.ts';
import { Message } from '../entities/message.ts';
import { WhatsappSession } from '../entities/whatsapp-session.ts';
import { type LeadView, toLeadView } from '../leads/lead-service.ts';
import { windowState } from '../messaging/session-window.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { type MessageView, toMessageView } from './message-view.ts';

export {
  CONVERSATION_LIST_STATEMENTS,
  type ConversationListPage,
  type ConversationSummary,
  listConversations,
} from './conversation-list.ts';

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

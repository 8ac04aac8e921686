// The conversation list kept current from live events, in memory: a message moves its conversation up and becomes
// its last message, an inbound one counts unread and extends the window, a status or a consent change updates the
// row. The list is asked again only when an event names a conversation it does not hold (an event carries the
// message, not the lead's name), and after a reconnect (see ConversationsScreen).
import type { Conversation, TimelineMessage } from '../../api/client.ts';
import type { LiveEvent } from '../../live/live-events.tsx';

export interface PatchResult {
  /** The same array when nothing shown changed. */
  conversations: Conversation[];
  refetch: boolean;
}

export const LIST_EVENTS = ['message.received', 'message.queued', 'message.status', 'lead.consent'];

type LastMessage = NonNullable<Conversation['lastMessage']>;

const lastMessageOf = (m: TimelineMessage): LastMessage => ({
  id: m.id,
  body: m.body,
  kind: m.kind,
  direction: m.direction,
  status: m.status,
  at: m.createdAt,
});

const later = (a: string | null, b: string | null): string | null => (a && b ? (a > b ? a : b) : (a ?? b));

/** Puts the conversation where its last message's time places it (the list is newest first). */
function place(conversations: Conversation[], updated: Conversation): Conversation[] {
  const others = conversations.filter((c) => c.leadId !== updated.leadId);
  const at = updated.lastMessage?.at ?? '';
  const index = others.findIndex((c) => (c.lastMessage?.at ?? '') < at);
  return index < 0 ? [...others, updated] : [...others.slice(0, index), updated, ...others.slice(index)];
}

function withMessage(conversations: Conversation[], event: LiveEvent, openLeadId: string | null): PatchResult {
  const message = event.data.message as TimelineMessage;
  const current = conversations.find((c) => c.leadId === message.leadId);
  if (!current) return { conversations, refetch: true };
  if (current.lastMessage?.id === message.id) return { conversations, refetch: false };
  const newest = !current.lastMessage || message.createdAt >= current.lastMessage.at;
  const inbound = event.type === 'message.received';
  const updated: Conversation = {
    ...current,
    lastMessage: newest ? lastMessageOf(message) : current.lastMessage,
    // The open conversation marks itself read as the message arrives.
    unreadCount: inbound ? (openLeadId === current.leadId ? 0 : current.unreadCount + 1) : current.unreadCount,
    windowEndsAt: inbound
      ? later(current.windowEndsAt, (event.data.windowEndsAt as string | null | undefined) ?? null)
      : current.windowEndsAt,
  };
  return { conversations: place(conversations, updated), refetch: false };
}

function withStatus(conversations: Conversation[], event: LiveEvent): PatchResult {
  const message = event.data.message as TimelineMessage;
  const index = conversations.findIndex((c) => c.leadId === message.leadId && c.lastMessage?.id === message.id);
  if (index < 0) return { conversations, refetch: false };
  return {
    conversations: conversations.map((c, i) =>
      i === index && c.lastMessage ? { ...c, lastMessage: { ...c.lastMessage, status: message.status } } : c,
    ),
    refetch: false,
  };
}

function withConsent(conversations: Conversation[], event: LiveEvent): PatchResult {
  const { leadId, channel, optIn } = event.data as { leadId: string; channel: string; optIn: boolean };
  const cancelled = (event.data.cancelledMessageIds as string[] | undefined) ?? [];
  if (channel !== 'whatsapp' || !conversations.some((c) => c.leadId === leadId)) return { conversations, refetch: false };
  return {
    conversations: conversations.map((c) => {
      if (c.leadId !== leadId) return c;
      const lastMessage = c.lastMessage && cancelled.includes(c.lastMessage.id) ? { ...c.lastMessage, status: 'failed' } : c.lastMessage;
      return { ...c, whatsappOptIn: optIn, lastMessage };
    }),
    refetch: false,
  };
}

export function patchConversations(conversations: Conversation[], event: LiveEvent, opts: { openLeadId: string | null }): PatchResult {
  switch (event.type) {
    case 'message.received':
    case 'message.queued':
      return withMessage(conversations, event, opts.openLeadId);
    case 'message.status':
      return withStatus(conversations, event);
    case 'lead.consent':
      return withConsent(conversations, event);
    default:
      return { conversations, refetch: false };
  }
}

/** A page of older conversations, below those shown; one that live events already brought up is kept where it is. */
export function appendOlderConversations(conversations: Conversation[], older: Conversation[]): Conversation[] {
  const shown = new Set(conversations.map((c) => c.leadId));
  return [...conversations, ...older.filter((c) => !shown.has(c.leadId))];
}

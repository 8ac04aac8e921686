// The Conversations list patched in memory from live events, instead of asked again for every event.
import { describe, expect, it } from 'vitest';
import type { Conversation, TimelineMessage } from '../../src/renderer/src/api/client.ts';
import type { LiveEvent } from '../../src/renderer/src/live/live-events.tsx';
import { appendOlderConversations, patchConversations } from '../../src/renderer/src/screens/conversations/conversation-list-patch.ts';

const conversation = (leadId: string, at: string, extra: Partial<Conversation> = {}): Conversation => ({
  leadId,
  leadName: `Lead ${leadId}`,
  phone: '+14155550100',
  whatsappOptIn: true,
  unreadCount: 0,
  windowEndsAt: null,
  windowOpen: false,
  lastMessage: { id: `m-${leadId}`, body: `hello from ${leadId}`, kind: 'text', direction: 'inbound', status: 'received', at },
  cursor: `cursor-${leadId}`,
  ...extra,
});

const message = (leadId: string, at: string, extra: Partial<TimelineMessage> = {}): TimelineMessage =>
  ({
    id: `m-${leadId}-${at}`,
    leadId,
    direction: 'inbound',
    kind: 'text',
    body: 'new message',
    media: null,
    status: 'received',
    reason: null,
    errorCode: null,
    templateId: null,
    templateParts: null,
    createdAt: at,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    ...extra,
  }) as TimelineMessage;

const event = (type: string, data: Record<string, unknown>): LiveEvent => ({ id: '1-0', type, at: '2026-06-01T10:00:00.000Z', data });

const list = [
  conversation('a', '2026-06-01T09:30:00.000Z'),
  conversation('b', '2026-06-01T09:20:00.000Z', { unreadCount: 2 }),
  conversation('c', '2026-06-01T09:10:00.000Z'),
];
const noneOpen = { openLeadId: null };

describe('a live event patches the list', () => {
  it('an inbound message moves its conversation to the top, counts it unread and extends the window', () => {
    const received = message('c', '2026-06-01T09:40:00.000Z', { body: 'Is Saturday OK?' });
    const result = patchConversations(
      list,
      event('message.received', { message: received, windowEndsAt: '2026-06-02T09:40:00.000Z' }),
      noneOpen,
    );
    expect(result.refetch).toBe(false);
    expect(result.conversations.map((c) => c.leadId)).toEqual(['c', 'a', 'b']);
    expect(result.conversations[0]).toMatchObject({
      unreadCount: 1,
      windowEndsAt: '2026-06-02T09:40:00.000Z',
      lastMessage: { id: received.id, body: 'Is Saturday OK?', direction: 'inbound', status: 'received', at: received.createdAt },
    });
  });

  it('in the conversation open on screen, an inbound message is read already', () => {
    const received = message('b', '2026-06-01T09:40:00.000Z');
    const result = patchConversations(list, event('message.received', { message: received, windowEndsAt: null }), { openLeadId: 'b' });
    expect(result.conversations[0]).toMatchObject({ leadId: 'b', unreadCount: 0 });
  });

  it('the same message twice counts once', () => {
    const received = message('c', '2026-06-01T09:40:00.000Z');
    const once = patchConversations(list, event('message.received', { message: received, windowEndsAt: null }), noneOpen).conversations;
    const twice = patchConversations(once, event('message.received', { message: received, windowEndsAt: null }), noneOpen).conversations;
    expect(twice).toEqual(once);
  });

  it('a message older than the last one shown (a late webhook) counts, but moves nothing', () => {
    const late = message('a', '2026-06-01T09:00:00.000Z', { body: 'late' });
    const result = patchConversations(list, event('message.received', { message: late, windowEndsAt: null }), noneOpen);
    expect(result.conversations.map((c) => [c.leadId, c.lastMessage?.body, c.unreadCount])).toEqual([
      ['a', 'hello from a', 1],
      ['b', 'hello from b', 2],
      ['c', 'hello from c', 0],
    ]);
  });

  it('a queued outbound message moves its conversation to the top, unread unchanged', () => {
    const queued = message('b', '2026-06-01T09:45:00.000Z', { direction: 'outbound', status: 'queued', body: 'See you then' });
    const result = patchConversations(list, event('message.queued', { message: queued }), noneOpen);
    expect(result.conversations.map((c) => c.leadId)).toEqual(['b', 'a', 'c']);
    expect(result.conversations[0]).toMatchObject({
      unreadCount: 2,
      lastMessage: { body: 'See you then', direction: 'outbound', status: 'queued' },
    });
  });

  it('a status changes the last message it names, and nothing else', () => {
    const delivered = { ...message('a', '2026-06-01T09:30:00.000Z'), id: 'm-a', status: 'delivered' as const };
    const result = patchConversations(list, event('message.status', { message: delivered }), noneOpen);
    expect(result.conversations.map((c) => c.lastMessage?.status)).toEqual(['delivered', 'received', 'received']);
    const older = { ...delivered, id: 'an-older-message' };
    expect(patchConversations(list, event('message.status', { message: older }), noneOpen).conversations).toBe(list);
  });

  it('a consent change updates the opt-in, and an opt-out shows the cancelled last message failed', () => {
    const queued = conversation('c', '2026-06-01T09:10:00.000Z', {
      lastMessage: { id: 'q1', body: 'Offer', kind: 'text', direction: 'outbound', status: 'queued', at: '2026-06-01T09:10:00.000Z' },
    });
    const result = patchConversations(
      [...list.slice(0, 2), queued],
      event('lead.consent', { leadId: 'c', channel: 'whatsapp', optIn: false, cancelledMessageIds: ['q1'] }),
      noneOpen,
    );
    expect(result.conversations[2]).toMatchObject({ whatsappOptIn: false, lastMessage: { status: 'failed' } });
    expect(patchConversations(list, event('lead.consent', { leadId: 'c', channel: 'voice', optIn: false }), noneOpen).conversations).toBe(
      list,
    );
  });

  it('an event naming a lead not in the list asks for the list again (the event lacks the lead’s name)', () => {
    for (const type of ['message.received', 'message.queued']) {
      const result = patchConversations(list, event(type, { message: message('z', '2026-06-01T09:50:00.000Z') }), noneOpen);
      expect({ type, refetch: result.refetch, unchanged: result.conversations === list }).toEqual({ type, refetch: true, unchanged: true });
    }
  });

  it('a status or consent change for a lead not in the list changes nothing shown, and asks for nothing', () => {
    const status = patchConversations(list, event('message.status', { message: message('z', '2026-06-01T09:50:00.000Z') }), noneOpen);
    const consent = patchConversations(list, event('lead.consent', { leadId: 'z', channel: 'whatsapp', optIn: true }), noneOpen);
    expect([status.refetch, consent.refetch, status.conversations === list, consent.conversations === list]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('older conversations', () => {
  it('are appended below, without repeating a conversation the live events already moved up', () => {
    const older = [conversation('c', '2026-06-01T09:10:00.000Z'), conversation('d', '2026-06-01T09:00:00.000Z')];
    expect(appendOlderConversations(list, older).map((c) => c.leadId)).toEqual(['a', 'b', 'c', 'd']);
  });
});

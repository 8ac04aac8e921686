// How a message appears in the console and in live events.
import type { Message } from '../entities/message.ts';

export interface MessageView {
  id: string;
  leadId: string;
  direction: 'outbound' | 'inbound';
  kind: Message['kind'];
  body: string | null;
  media: Record<string, unknown>[] | null;
  status: Message['status'];
  reason: string | null;
  errorCode: number | null;
  templateId: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
}

export const toMessageView = (m: Message): MessageView => ({
  id: m.id,
  leadId: m.lead.id,
  direction: m.direction,
  kind: m.kind,
  body: m.body ?? null,
  media: m.media ?? null,
  status: m.status,
  reason: m.refusalReason ?? m.errorMessage ?? null,
  errorCode: m.errorCode ?? null,
  templateId: m.template?.id ?? null,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
  deliveredAt: m.deliveredAt?.toISOString() ?? null,
  readAt: m.readAt?.toISOString() ?? null,
});

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
  /** A template message's header, footer and buttons as the lead saw them (its body is `body`). */
  templateParts: Record<string, unknown> | null;
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
  templateParts: m.templateParts ?? null,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
  deliveredAt: m.deliveredAt?.toISOString() ?? null,
  readAt: m.readAt?.toISOString() ?? null,
});

/** The columns a MessageView is built from, as raw SQL returns them (`returning ${MESSAGE_VIEW_COLUMNS}`). */
export const MESSAGE_VIEW_COLUMNS =
  'id, company_id, lead_id, direction, kind, body, media, status, refusal_reason, error_message, error_code, template_id, template_parts, created_at, sent_at, delivered_at, read_at';

export interface MessageViewRow {
  id: string;
  company_id: string;
  lead_id: string;
  direction: MessageView['direction'];
  kind: MessageView['kind'];
  body: string | null;
  media: Record<string, unknown>[] | null;
  status: MessageView['status'];
  refusal_reason: string | null;
  error_message: string | null;
  error_code: number | null;
  template_id: string | null;
  template_parts: Record<string, unknown> | null;
  created_at: Date | string;
  sent_at: Date | string | null;
  delivered_at: Date | string | null;
  read_at: Date | string | null;
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** The same view from a raw row: the send worker's hot path skips entity hydration. */
export const messageViewFromRow = (r: MessageViewRow): MessageView => ({
  id: r.id,
  leadId: r.lead_id,
  direction: r.direction,
  kind: r.kind,
  body: r.body,
  media: r.media,
  status: r.status,
  reason: r.refusal_reason ?? r.error_message,
  errorCode: r.error_code,
  templateId: r.template_id,
  templateParts: r.template_parts,
  createdAt: iso(r.created_at) as string,
  sentAt: iso(r.sent_at),
  deliveredAt: iso(r.delivered_at),
  readAt: iso(r.read_at),
});

// One WhatsApp message, in or out. Status only moves forward (see rules/message-status).
import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';
import { Lead } from './lead.ts';
import { Template } from './template.ts';
import { WhatsappSession } from './whatsapp-session.ts';

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'received'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const MESSAGE_KINDS = ['text', 'media', 'location', 'template', 'button_reply'] as const;

export const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'messages',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref(),
    lead: () => p.manyToOne(Lead).ref(),
    session: () => p.manyToOne(WhatsappSession).ref().nullable(),
    direction: p.enum(['outbound', 'inbound'] as const),
    kind: p.enum(MESSAGE_KINDS),
    body: p.text().nullable(),
    media: p.json<Record<string, unknown>[]>().nullable(),
    template: () => p.manyToOne(Template).ref().nullable(),
    templateVariables: p.json<Record<string, string>>().nullable(),
    /** A template message as the lead saw it besides its body: header, footer and buttons (for the timeline). */
    templateParts: p.json<Record<string, unknown>>().nullable(),
    status: p.enum(MESSAGE_STATUSES),
    refusalReason: p.text().nullable(),
    errorCode: p.integer().nullable(),
    errorMessage: p.text().nullable(),
    providerMessageId: p.string().length(64).nullable().unique(),
    priceMicros: p.bigint('number').nullable(),
    priceCurrency: p.string().length(3).nullable(),
    /** When a worker handed it to the provider; with no provider id yet, the outcome of that call is unknown. */
    sendStartedAt: p.datetime().nullable(),
    sentAt: p.datetime().nullable(),
    deliveredAt: p.datetime().nullable(),
    readAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
  // No index names `status` (nor `send_started_at`, `sent_at`…): claiming a send and every status callback then
  // update the row in place (HOT, with the table's spare room, see the migration) instead of touching every index.
  // Unsent outbound messages (for upkeep) are found through a partial index that leaves status out.
  indexes: [
    { properties: ['lead', 'createdAt'] },
    { properties: ['company', 'createdAt'] },
    {
      name: 'messages_unsent_outbound_index',
      expression:
        'create index "messages_unsent_outbound_index" on "messages" ("created_at") where direction = \'outbound\' and provider_message_id is null and refusal_reason is null and error_message is null',
    },
  ],
});
export class Message extends MessageSchema.class {}
MessageSchema.setClass(Message);

// A lead's WhatsApp conversation window: free-form messages are allowed until windowEndsAt (24 h after the lead's last message).
import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';
import { Lead } from './lead.ts';
import { WhatsappProvider } from './whatsapp-provider.ts';

export const WhatsappSessionSchema = defineEntity({
  name: 'WhatsappSession',
  tableName: 'whatsapp_sessions',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref(),
    lead: () => p.manyToOne(Lead).ref(),
    provider: () => p.manyToOne(WhatsappProvider).ref(),
    lastInboundAt: p.datetime().nullable(),
    windowEndsAt: p.datetime().nullable(),
    unreadCount: p.integer().default(0),
    lastMessageAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
  uniques: [{ properties: ['lead', 'provider'] }],
  // The conversation list walks this index newest first and stops after a page (see conversation-list.ts).
  indexes: [{ properties: ['company', 'lastMessageAt', 'id'] }],
});
export class WhatsappSession extends WhatsappSessionSchema.class {}
WhatsappSessionSchema.setClass(WhatsappSession);

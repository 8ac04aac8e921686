// A company's WhatsApp sender account. Credentials are AES-256-GCM ciphertext and never leave the server.
import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';

export const PROVIDER_KINDS = ['twilio', 'simulator'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const WhatsappProviderSchema = defineEntity({
  name: 'WhatsappProvider',
  tableName: 'whatsapp_providers',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref().index(),
    kind: p.enum(PROVIDER_KINDS),
    accountSid: p.string().length(64).nullable(),
    authTokenEncrypted: p.text().nullable().hidden(),
    // A WhatsApp sender (`whatsapp:+1...`) or a Messaging Service SID.
    sender: p.string().length(64),
    messagesPerSecond: p.integer().default(80),
    active: p.boolean().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export class WhatsappProvider extends WhatsappProviderSchema.class {}
WhatsappProviderSchema.setClass(WhatsappProvider);

// An AI sales agent and the channels it may use. Channel-specific settings grow as JSON per channel.
import { defineEntity, p } from '@mikro-orm/core';
import type { Channel } from './channel.ts';
import { createdAt, updatedAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';
import { AGENT_REFERENCE_TRIGGERS } from './reference-checks.ts';

export const AgentSchema = defineEntity({
  name: 'Agent',
  tableName: 'agents',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref(),
    name: p.string().length(200),
    industry: p.string().length(100).nullable(),
    prompt: p.text().nullable(),
    channels: p.json<Channel[]>(),
    // Per-channel settings (business hours, attempt limits, WhatsApp sender and default template).
    settings: p.json<Record<string, unknown>>().onCreate(() => ({})),
    archivedAt: p.datetime().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  indexes: [{ properties: ['company', 'createdAt'] }],
  triggers: AGENT_REFERENCE_TRIGGERS,
});
export class Agent extends AgentSchema.class {}
AgentSchema.setClass(Agent);

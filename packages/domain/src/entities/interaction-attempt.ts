// One try to reach a lead on one channel (a call or an outbound message), the unit that fallback and analytics count.
import { defineEntity, p } from '@mikro-orm/core';
import { Agent } from './agent.ts';
import { CHANNELS } from './channel.ts';
import { uuidKey } from './common-properties.ts';
import { Company } from './company.ts';
import { Lead } from './lead.ts';
import { Message } from './message.ts';
import { WhatsappSession } from './whatsapp-session.ts';

export const ATTEMPT_OUTCOMES = ['pending', 'delivered', 'answered', 'replied', 'no_answer', 'failed', 'refused'] as const;

export const InteractionAttemptSchema = defineEntity({
  name: 'InteractionAttempt',
  tableName: 'interaction_attempts',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref(),
    lead: () => p.manyToOne(Lead).ref(),
    agent: () => p.manyToOne(Agent).ref().nullable(),
    channel: p.enum(CHANNELS),
    session: () => p.manyToOne(WhatsappSession).ref().nullable(),
    message: () => p.manyToOne(Message).ref().nullable(),
    providerCallId: p.string().length(128).nullable(),
    outcome: p.enum(ATTEMPT_OUTCOMES).default('pending'),
    durationSeconds: p.integer().nullable(),
    costMicros: p.bigint('number').nullable(),
    startedAt: p.datetime(),
    endedAt: p.datetime().nullable(),
  },
  indexes: [
    { properties: ['lead', 'startedAt'] },
    { properties: ['company', 'channel', 'startedAt'] },
    // The send worker closes a message's attempt by the message's id.
    { properties: ['message'] },
  ],
});
export class InteractionAttempt extends InteractionAttemptSchema.class {}
InteractionAttemptSchema.setClass(InteractionAttempt);

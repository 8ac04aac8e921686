// One lead in full: its fields, its owner agent, its consent history (every change, never deleted), and its
// unified timeline: WhatsApp messages and calls, oldest first.
import { type MessageView, toMessageView } from '../conversations/message-view.ts';
import { Agent } from '../entities/agent.ts';
import { ConsentEvent } from '../entities/consent-event.ts';
import { type ATTEMPT_OUTCOMES, InteractionAttempt } from '../entities/interaction-attempt.ts';
import { Lead } from '../entities/lead.ts';
import { Message } from '../entities/message.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { type LeadView, toLeadView } from './lead-view.ts';

type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export interface ConsentHistoryEntry {
  channel: 'whatsapp' | 'voice';
  optIn: boolean;
  /** Where it came from: a web form, an import, a WhatsApp keyword, the console. */
  source: string;
  /** Who or what changed it: `user:<id>`, `lead:<phone>`, `import:<id>`, `system`. */
  actor: string;
  at: string;
}

export interface LeadDetail {
  lead: LeadView;
  ownerAgent: { id: string; name: string } | null;
  /** Newest first. */
  consentHistory: ConsentHistoryEntry[];
}

export async function getLead(scope: TenantScope, id: string): Promise<LeadDetail> {
  const lead = await scope.get(Lead, id, 'Lead');
  const [events, agent] = await Promise.all([
    scope.find(ConsentEvent, { lead: lead.id }, { orderBy: { occurredAt: 'desc', id: 'desc' } }),
    lead.ownerAgent ? scope.em.findOne(Agent, { id: lead.ownerAgent.id, company: scope.companyId }) : null,
  ]);
  return {
    lead: toLeadView(lead),
    ownerAgent: agent ? { id: agent.id, name: agent.name } : null,
    consentHistory: events.map((e) => ({
      channel: e.channel,
      optIn: e.optIn,
      source: e.source,
      actor: e.actor,
      at: e.occurredAt.toISOString(),
    })),
  };
}

export type TimelineEntry =
  | { kind: 'message'; at: string; message: MessageView }
  | {
      kind: 'call';
      at: string;
      call: {
        id: string;
        outcome: AttemptOutcome;
        durationSeconds: number | null;
        endedAt: string | null;
        agentId: string | null;
      };
    };

/** WhatsApp messages and voice calls of the lead in one list, oldest first (the newest 1,000 of each). */
export async function leadTimeline(scope: TenantScope, id: string): Promise<TimelineEntry[]> {
  const lead = await scope.get(Lead, id, 'Lead');
  const [messages, calls] = await Promise.all([
    scope.find(Message, { lead: lead.id }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 1000 }),
    scope.find(InteractionAttempt, { lead: lead.id, channel: 'voice' }, { orderBy: { startedAt: 'desc', id: 'desc' }, limit: 1000 }),
  ]);
  const entries: TimelineEntry[] = [
    ...messages.map((m) => ({ kind: 'message' as const, at: m.createdAt.toISOString(), message: toMessageView(m) })),
    ...calls.map((c) => ({
      kind: 'call' as const,
      at: c.startedAt.toISOString(),
      call: {
        id: c.id,
        outcome: c.outcome,
        durationSeconds: c.durationSeconds ?? null,
        endedAt: c.endedAt?.toISOString() ?? null,
        agentId: c.agent?.id ?? null,
      },
    })),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

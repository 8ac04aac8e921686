// The worker's entry for recorded webhook events: applies each once and marks it processed. Events arrive in
// batches (one job per inbox write): status callbacks of a batch are applied side by side (each is one atomic,
// forward-only update), inbound messages one after another in the order they arrived (they create leads and
// sessions, and a STOP must not overtake the message before it).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import { WebhookEvent } from '../entities/webhook-event.ts';
import type { EventStream } from '../events/event-stream.ts';
import { applyInboundMessage } from './apply-inbound-message.ts';
import { applyStatusCallback } from './apply-status-callback.ts';

export interface ApplyDeps {
  em: EntityManager;
  events: EventStream;
  clock: Clock;
}

export interface AppliedBatch {
  applied: number;
  /** Processed before (a repeated job, or the sweeper's copy of a job that did run). */
  already: number;
  missing: number;
}

export async function applyWebhookEvents(deps: ApplyDeps, eventIds: string[]): Promise<AppliedBatch> {
  const em = deps.em.fork();
  const events = await em.find(WebhookEvent, { id: { $in: eventIds } }, { orderBy: { receivedAt: 'asc', id: 'asc' } });
  const pending = events.filter((e) => !e.processedAt);
  const statuses = pending.filter((e) => e.kind === 'twilio.status');
  const applied: WebhookEvent[] = [];
  const failures: unknown[] = [];
  const attempt = async (event: WebhookEvent) => {
    try {
      await applyOne(deps, event);
      applied.push(event);
    } catch (error) {
      failures.push(error);
    }
  };
  await Promise.all(statuses.map(attempt));
  for (const event of pending) if (event.kind !== 'twilio.status') await attempt(event);
  if (applied.length) {
    await em.nativeUpdate(WebhookEvent, { id: { $in: applied.map((e) => e.id) } }, { processedAt: deps.clock.now() });
  }
  // The job fails and is retried; what was applied is marked and skipped next time.
  if (failures.length) throw failures[0];
  return { applied: applied.length, already: events.length - pending.length, missing: eventIds.length - events.length };
}

/** One event, for callers outside the worker (tests, tools). */
export async function applyWebhookEvent(deps: ApplyDeps, eventId: string): Promise<'applied' | 'already' | 'missing'> {
  const result = await applyWebhookEvents(deps, [eventId]);
  return result.applied ? 'applied' : result.already ? 'already' : 'missing';
}

async function applyOne(deps: ApplyDeps, event: WebhookEvent): Promise<void> {
  const p = event.payload;
  if (event.kind === 'twilio.status') {
    const code = p.ErrorCode ? Number(p.ErrorCode) : null;
    await applyStatusCallback(deps.em, deps.events, {
      companyId: event.company.id,
      messageId: p['?mid'] ?? null,
      providerMessageId: p.MessageSid ?? p.SmsSid ?? '',
      status: p.MessageStatus ?? p.SmsStatus ?? '',
      errorCode: Number.isFinite(code) ? code : null,
      at: event.receivedAt,
    });
  } else if (event.kind === 'twilio.inbound') {
    await applyInboundMessage(deps.em, deps.events, {
      companyId: event.company.id,
      providerId: event.providerId,
      params: p,
      at: event.receivedAt,
    });
  }
}

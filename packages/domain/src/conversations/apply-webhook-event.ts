// The worker's entry for recorded webhook events: applies each once and marks it processed. Events arrive in
// batches (one job per inbox write): status callbacks of a batch are applied side by side (each is one atomic,
// forward-only update), inbound messages one after another in the order they arrived (they create leads and
// sessions, and a STOP must not overtake the message before it). A failed event is counted; at the limit (or at
// once when no retry could apply it) it is dead-lettered: set aside with its error, so it no longer fails its
// batch, nor the sweeper's batches after it.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import { WebhookEvent } from '../entities/webhook-event.ts';
import { DomainError } from '../errors/domain-errors.ts';
import type { EventStream } from '../events/event-stream.ts';
import { applyInboundMessage } from './apply-inbound-message.ts';
import { applyStatusCallback } from './apply-status-callback.ts';

/** Failed applies after which an event is set aside. With the queue's backoff (1 s, 2 s, 4 s …) that is ~15 s of retries. */
export const DEAD_LETTER_AFTER_FAILURES = 5;
/** Enough of an error to tell what went wrong, not a whole stack. */
const ERROR_TEXT_LENGTH = 1000;

export interface ApplyDeps {
  em: EntityManager;
  events: EventStream;
  clock: Clock;
}

export interface AppliedBatch {
  applied: number;
  /** Processed or dead-lettered before (a repeated job, or the sweeper's copy of a job that did run). */
  already: number;
  missing: number;
  /** Set aside by this job: they failed for the last time. */
  deadLettered: number;
}

export async function applyWebhookEvents(deps: ApplyDeps, eventIds: string[]): Promise<AppliedBatch> {
  const em = deps.em.fork();
  const events = await em.find(WebhookEvent, { id: { $in: eventIds } }, { orderBy: { receivedAt: 'asc', id: 'asc' } });
  const pending = events.filter((e) => !e.processedAt && !e.deadLetteredAt);
  const statuses = pending.filter((e) => e.kind === 'twilio.status');
  const applied: WebhookEvent[] = [];
  const retry: unknown[] = [];
  let deadLettered = 0;
  const attempt = async (event: WebhookEvent) => {
    try {
      await applyOne(deps, event);
      applied.push(event);
    } catch (error) {
      if ((await recordFailure(deps, event, error)) === 'dead-lettered') deadLettered++;
      else retry.push(error);
    }
  };
  await Promise.all(statuses.map(attempt));
  for (const event of pending) if (event.kind !== 'twilio.status') await attempt(event);
  if (applied.length) {
    await em.nativeUpdate(WebhookEvent, { id: { $in: applied.map((e) => e.id) } }, { processedAt: deps.clock.now() });
  }
  // The job fails and is retried; what was applied is marked and skipped next time.
  if (retry.length) throw retry[0];
  return { applied: applied.length, already: events.length - pending.length, missing: eventIds.length - events.length, deadLettered };
}

/** One event, for callers outside the worker (tests, tools). */
export async function applyWebhookEvent(deps: ApplyDeps, eventId: string): Promise<'applied' | 'already' | 'missing' | 'dead-lettered'> {
  const result = await applyWebhookEvents(deps, [eventId]);
  if (result.applied) return 'applied';
  if (result.deadLettered) return 'dead-lettered';
  return result.already ? 'already' : 'missing';
}

/**
 * Counts the failure and keeps its error; sets the event aside at the limit, or at once for an event no retry can
 * apply (a domain `invalid`). When even this write fails (PostgreSQL is away), the event stays as it was and the
 * job's retry tries again: an outage is not counted against the event.
 */
async function recordFailure(deps: ApplyDeps, event: WebhookEvent, error: unknown): Promise<'retry' | 'dead-lettered'> {
  const hopeless = error instanceof DomainError && error.kind === 'invalid';
  const text = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, ERROR_TEXT_LENGTH);
  const now = deps.clock.now();
  try {
    const [row] = await deps.em.getConnection().execute<{ dead: boolean }[]>(
      `update webhook_events set failures = failures + 1, last_error = ?,
         dead_lettered_at = case when ? or failures + 1 >= ? then ?::timestamptz end
       where id = ? and processed_at is null and dead_lettered_at is null
       returning dead_lettered_at is not null as dead`,
      [text, hopeless, DEAD_LETTER_AFTER_FAILURES, now, event.id],
    );
    return row?.dead ? 'dead-lettered' : 'retry';
  } catch {
    return 'retry';
  }
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

// The send worker's work for a batch of messages: re-check consent and the window, give each a slot in its
// sender's rate, hand each to the provider once, record the outcomes. A crash between the provider call and
// recording its id leaves the message `sending` with sendStartedAt set: the retry asks the provider before
// sending again. Every step is one statement or round trip for the whole batch (send-statements.ts); only the
// provider calls are one per message, since Twilio takes one message per request. One message's trouble (a
// sender whose token does not decrypt, a row PostgreSQL refuses) is that message's outcome alone: the others of
// its batch, whatever their company, go on.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import { type RowFailure, rowByRowOnRefusal } from '../db/row-refusal.ts';
import type { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import type { EventStream } from '../events/event-stream.ts';
import type { SendRateLimiter } from '../messaging/send-rate-limiter.ts';
import { twilioErrorMeaning } from '../messaging/twilio-errors.ts';
import { type MessagingProvider, ProviderError, type SendResult } from '../providers/messaging-provider.ts';
import { type DeliveryRequest, type Ready, readyToSend } from './outbound-delivery.ts';
import { publishMessageRows } from './publish-message-rows.ts';
import { sendRefusal } from './send-rules.ts';
import { claimForSend, markFailed, recordSent, requeueUnsent, type SendRow, selectForSend } from './send-statements.ts';

export interface DeliverDeps {
  em: EntityManager;
  events: EventStream;
  clock: Clock;
  limiter: SendRateLimiter;
  publicUrl: string;
  providerFor(row: WhatsappProvider): MessagingProvider;
}

export type { DeliveryRequest } from './outbound-delivery.ts';

export type DeliverOutcome =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'skipped' }
  /** The sender's rate: a slot is reserved for this message in delayMs; come back then without asking again. */
  | { kind: 'wait'; delayMs: number }
  | { kind: 'retry'; delayMs: number; reason: string }
  /** Something other than the provider broke (a bug, the database): the job fails and BullMQ retries it. */
  | { kind: 'error'; error: unknown };

type Settle = (id: string, outcome: DeliverOutcome) => void;

function refusalOf(m: SendRow, now: Date): string | null {
  return sendRefusal({
    lead: { whatsappOptIn: m.whatsapp_opt_in, whatsappOptedOutAt: m.whatsapp_opted_out_at ? new Date(m.whatsapp_opted_out_at) : null },
    windowEndsAt: m.window_ends_at ? new Date(m.window_ends_at) : null,
    kind: m.kind === 'template' ? 'template' : m.kind === 'media' ? 'media' : m.kind === 'location' ? 'location' : 'text',
    template: m.kind === 'template' ? { status: m.template_status ?? 'draft', contentSid: m.template_content_sid } : null,
    now,
  });
}

/** One message, for callers outside the worker (tests, tools); a broken dependency throws. */
export async function deliverOutboundMessage(deps: DeliverDeps, messageId: string): Promise<DeliverOutcome> {
  const [outcome] = await deliverOutboundMessages(deps, [{ messageId }]);
  if (outcome?.kind === 'error') throw outcome.error;
  return outcome ?? { kind: 'skipped' };
}

/** One outcome per request, in the order given. Never throws: what broke is each message's `error` outcome. */
export async function deliverOutboundMessages(deps: DeliverDeps, requests: DeliveryRequest[]): Promise<DeliverOutcome[]> {
  const outcomes = new Map<string, DeliverOutcome>();
  const settle: Settle = (id, outcome) => outcomes.set(id, outcome);
  const withSlot = new Set(requests.filter((r) => r.hasSlot).map((r) => r.messageId));
  const ids = [...new Set(requests.map((r) => r.messageId))];
  // In the order asked (the queue's order), so that slots in a sender's rate go first come, first served.
  const position = new Map(ids.map((id, i) => [id, i]));
  const read = await rowByRowOnRefusal(ids, (part) => selectForSend(deps.em, part));
  erred(read.failures, (id) => id, settle);
  const rows = read.results.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  const now = deps.clock.now();
  const fresh: Ready[] = [];
  const interrupted: Ready[] = [];
  const failures: Failure[] = [];

  for (const m of rows) {
    if ((m.status !== 'queued' && m.status !== 'sending') || (m.status === 'sending' && m.provider_message_id)) continue;
    let ready: Ready | null;
    try {
      ready = await readyToSend(deps, m);
    } catch (error) {
      settle(m.id, { kind: 'error', error });
      continue;
    }
    if (!ready) {
      failures.push({ id: m.id, outcome: { kind: 'failed', reason: 'The message has no WhatsApp sender' } });
      continue;
    }
    if (m.status === 'sending') {
      interrupted.push(ready);
      continue;
    }
    const refusal = refusalOf(m, now);
    if (refusal) failures.push({ id: m.id, outcome: { kind: 'refused', reason: refusal } });
    else fresh.push(ready);
  }

  await finishAll(deps, failures, settle);
  const inSlot = await takeSlots(deps, fresh, withSlot, now, settle);
  const claim = await rowByRowOnRefusal(inSlot, async (part) => [...(await claimForSend(deps.em, idsOf(part), now))]);
  erred(claim.failures, (r) => r.m.id, settle);
  const claimed = new Set(claim.results);
  const toSend = inSlot.filter((r) => claimed.has(r.m.id));
  toSend.push(...(await recoverInterrupted(deps, interrupted, now, settle)));
  await sendAndRecord(deps, toSend, settle);
  return requests.map((r) => outcomes.get(r.messageId) ?? { kind: 'skipped' });
}

const idsOf = (ready: Ready[]) => ready.map((r) => r.m.id);

type Failure = { id: string; outcome: Extract<DeliverOutcome, { kind: 'refused' | 'failed' }>; code?: number | null };

/** Messages a statement could not be run for: each one's job fails and is retried. */
function erred<T>(failures: RowFailure<T>[], idOf: (item: T) => string, settle: Settle): void {
  for (const { item, error } of failures) settle(idOf(item), { kind: 'error', error });
}

/** Sends that hold a slot go now; the others get one, and those whose slot is later wait for it. */
async function takeSlots(deps: DeliverDeps, ready: Ready[], withSlot: Set<string>, now: Date, settle: Settle): Promise<Ready[]> {
  const go = ready.filter((r) => withSlot.has(r.m.id));
  const bySender = [...Map.groupBy(ready, (r) => r.sender.id)].map(([, group]) => group.filter((r) => !withSlot.has(r.m.id)));
  let waits: number[][];
  try {
    waits = await deps.limiter.reserve(
      bySender.map((group) => ({
        senderKey: group[0]?.sender.id ?? '',
        perSecond: group[0]?.m.provider_mps ?? group[0]?.sender.messagesPerSecond ?? 80,
        count: group.length,
      })),
      now.getTime(),
    );
  } catch (error) {
    // No slot could be given (Redis failed): those that hold one still go.
    for (const r of bySender.flat()) settle(r.m.id, { kind: 'error', error });
    return go;
  }
  bySender.forEach((group, g) => {
    group.forEach((r, i) => {
      const delayMs = waits[g]?.[i] ?? 0;
      if (delayMs > 0) settle(r.m.id, { kind: 'wait', delayMs });
      else go.push(r);
    });
  });
  return go;
}

/** A previous attempt's outcome is unknown: it may have reached the provider. Ask before sending again. */
async function recoverInterrupted(deps: DeliverDeps, interrupted: Ready[], now: Date, settle: Settle): Promise<Ready[]> {
  const again: Ready[] = [];
  const failures: Failure[] = [];
  await Promise.all(
    interrupted.map(async (r) => {
      try {
        const found = await r.provider.findSent?.(r.outbound, new Date(r.m.send_started_at ?? r.m.created_at));
        if (found) return await record(deps, [{ id: r.m.id, result: found }], settle);
        // It never went out: the rules apply as to a fresh send (the lead may have opted out meanwhile).
        const refusal = refusalOf(r.m, now);
        if (refusal) failures.push({ id: r.m.id, outcome: { kind: 'refused', reason: refusal } });
        else again.push(r);
      } catch (error) {
        settle(r.m.id, { kind: 'error', error });
      }
    }),
  );
  await finishAll(deps, failures, settle);
  return again;
}

async function sendAndRecord(deps: DeliverDeps, toSend: Ready[], settle: Settle): Promise<void> {
  const answers = await Promise.allSettled(toSend.map((r) => r.provider.send(r.outbound)));
  const sent: { id: string; result: SendResult }[] = [];
  const requeue: string[] = [];
  const permanent: Failure[] = [];
  toSend.forEach((r, i) => {
    const answer = answers[i] as PromiseSettledResult<SendResult>;
    if (answer.status === 'fulfilled') sent.push({ id: r.m.id, result: answer.value });
    else if (!(answer.reason instanceof ProviderError)) settle(r.m.id, { kind: 'error', error: answer.reason });
    else if (answer.reason.retryable) {
      // Refused by the provider: back to queued. No answer came back, so it may have gone out: it stays `sending`,
      // and the retry asks the provider before sending it again.
      if (!answer.reason.outcomeUnknown) requeue.push(r.m.id);
      settle(r.m.id, { kind: 'retry', delayMs: answer.reason.code === 63018 ? 1000 : 0, reason: answer.reason.message });
    } else {
      const reason = twilioErrorMeaning(answer.reason.code, answer.reason.message).reason;
      permanent.push({ id: r.m.id, outcome: { kind: 'failed', reason }, code: answer.reason.code });
    }
  });
  await Promise.all([
    record(deps, sent, settle),
    // A message not put back stays `sending`: its retry asks the provider before sending, which is as safe.
    rowByRowOnRefusal(requeue, async (part) => {
      await requeueUnsent(deps.em, part);
      return [];
    }),
    finishAll(deps, permanent, settle),
  ]);
}

/**
 * Stores the provider's ids. A message whose id could not be stored errs: it stays `sending` without one, and its
 * retry finds it at the provider instead of sending it again.
 */
async function record(deps: DeliverDeps, sent: { id: string; result: SendResult }[], settle: Settle): Promise<void> {
  const { results, failures } = await rowByRowOnRefusal(sent, (part) => recordSent(deps.em, part));
  const refused = new Set(failures.map((f) => f.item.id));
  erred(failures, (s) => s.id, settle);
  for (const { id, result } of sent) if (!refused.has(id)) settle(id, { kind: 'sent', providerMessageId: result.providerMessageId });
  await publishMessageRows(deps, results);
}

/** Refused and failed messages end `failed` with their reason, in one statement for the batch. */
async function finishAll(deps: Pick<DeliverDeps, 'em' | 'events' | 'clock'>, failures: Failure[], settle: Settle): Promise<void> {
  const { results, failures: notMarked } = await rowByRowOnRefusal(failures, (part) =>
    markFailed(
      deps.em,
      part.map((f) => ({ id: f.id, refused: f.outcome.kind === 'refused', reason: f.outcome.reason, code: f.code ?? null })),
      deps.clock.now(),
    ),
  );
  const unmarked = new Set(notMarked.map((f) => f.item.id));
  erred(notMarked, (f) => f.id, settle);
  for (const f of failures) if (!unmarked.has(f.id)) settle(f.id, f.outcome);
  await publishMessageRows(deps, results);
}

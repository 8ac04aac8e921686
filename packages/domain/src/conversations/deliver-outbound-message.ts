// The send worker's work for a batch of messages: re-check consent and the window, respect each sender's rate,
// hand each message to the provider once, record the outcomes. A crash between the provider call and recording
// its id leaves the message `sending` with sendStartedAt set: the retry asks the provider before sending again.
// Every step is one statement or round trip for the whole batch (send-statements.ts); only the provider calls
// are one per message, since Twilio takes one message per request.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import type { EventStream } from '../events/event-stream.ts';
import type { SendRateLimiter } from '../messaging/send-rate-limiter.ts';
import { twilioErrorMeaning } from '../messaging/twilio-errors.ts';
import {
  type MessagingProvider,
  type OutboundContent,
  type OutboundMessage,
  ProviderError,
  type SendResult,
} from '../providers/messaging-provider.ts';
import { webhookUrls } from '../providers/provider-settings.ts';
import { MESSAGE_VIEW_COLUMNS, type MessageViewRow, messageViewFromRow } from './message-view.ts';
import { sendRefusal } from './send-rules.ts';
import { claimForSend, recordSent, requeueUnsent, type SendRow, selectForSend } from './send-statements.ts';

export interface DeliverDeps {
  em: EntityManager;
  events: EventStream;
  clock: Clock;
  limiter: SendRateLimiter;
  publicUrl: string;
  providerFor(row: WhatsappProvider): MessagingProvider;
}

export type DeliverOutcome =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'skipped' }
  | { kind: 'retry'; delayMs: number; reason: string }
  /** Something other than the provider broke (a bug, the database): the job fails and BullMQ retries it. */
  | { kind: 'error'; error: unknown };

interface Ready {
  m: SendRow;
  sender: WhatsappProvider;
  provider: MessagingProvider;
  outbound: OutboundMessage;
}

// Provider rows by id, refreshed when the row's updated_at moves (credentials edited): one load per process.
const providerRows = new WeakMap<DeliverDeps, Map<string, WhatsappProvider>>();

async function providerRow(deps: DeliverDeps, id: string, updatedAt: Date | string): Promise<WhatsappProvider | null> {
  let rows = providerRows.get(deps);
  if (!rows) {
    rows = new Map();
    providerRows.set(deps, rows);
  }
  const cached = rows.get(id);
  if (cached && cached.updatedAt.getTime() === new Date(updatedAt).getTime()) return cached;
  const row = await deps.em.fork().findOne(WhatsappProvider, { id });
  if (row) rows.set(id, row);
  return row;
}

function contentOf(m: SendRow): OutboundContent {
  if (m.kind === 'template') return { kind: 'template', contentSid: m.template_content_sid ?? '', variables: m.template_variables ?? {} };
  if (m.kind === 'media') return { kind: 'media', mediaUrl: String(m.media?.[0]?.url ?? ''), caption: m.body ?? undefined };
  return { kind: 'text', body: m.body ?? '' };
}

function refusalOf(m: SendRow, now: Date): string | null {
  return sendRefusal({
    lead: { whatsappOptIn: m.whatsapp_opt_in, whatsappOptedOutAt: m.whatsapp_opted_out_at ? new Date(m.whatsapp_opted_out_at) : null },
    windowEndsAt: m.window_ends_at ? new Date(m.window_ends_at) : null,
    kind: m.kind === 'template' ? 'template' : m.kind === 'media' ? 'media' : 'text',
    template: m.kind === 'template' ? { status: m.template_status ?? 'draft', contentSid: m.template_content_sid } : null,
    now,
  });
}

export async function deliverOutboundMessage(deps: DeliverDeps, messageId: string): Promise<DeliverOutcome> {
  const [outcome] = await deliverOutboundMessages(deps, [messageId]);
  if (outcome?.kind === 'error') throw outcome.error;
  return outcome ?? { kind: 'skipped' };
}

/** One outcome per id, in the order given. */
export async function deliverOutboundMessages(deps: DeliverDeps, messageIds: string[]): Promise<DeliverOutcome[]> {
  const outcomes = new Map<string, DeliverOutcome>();
  const settle = (id: string, outcome: DeliverOutcome) => outcomes.set(id, outcome);
  const ids = [...new Set(messageIds)];
  const rows = ids.length ? await selectForSend(deps.em.getConnection(), ids) : [];
  const now = deps.clock.now();
  const fresh: Ready[] = [];
  const interrupted: Ready[] = [];
  const refused: { id: string; outcome: Extract<DeliverOutcome, { kind: 'refused' | 'failed' }> }[] = [];

  for (const m of rows) {
    if ((m.status !== 'queued' && m.status !== 'sending') || (m.status === 'sending' && m.provider_message_id)) continue;
    const sender = m.provider_id && m.provider_updated_at ? await providerRow(deps, m.provider_id, m.provider_updated_at) : null;
    if (!sender) {
      refused.push({ id: m.id, outcome: { kind: 'failed', reason: 'The message has no WhatsApp sender' } });
      continue;
    }
    const ready: Ready = {
      m,
      sender,
      provider: deps.providerFor(sender),
      outbound: {
        messageId: m.id,
        to: m.phone,
        content: contentOf(m),
        // Our id rides in the callback URL, covered by Twilio's signature, so callbacks find the message even
        // before its Twilio sid is recorded.
        statusCallbackUrl: `${webhookUrls(deps.publicUrl, sender.id).status}?mid=${m.id}`,
        displayedBody: m.body,
      },
    };
    if (m.status === 'sending') {
      interrupted.push(ready);
      continue;
    }
    const refusal = refusalOf(m, now);
    if (refusal) refused.push({ id: m.id, outcome: { kind: 'refused', reason: refusal } });
    else fresh.push(ready);
  }

  await Promise.all(refused.map(({ id, outcome }) => finish(deps, id, outcome).then((o) => settle(id, o))));
  const allowed = await withinRate(deps, fresh, now, settle);
  const claimed = await claimForSend(
    deps.em.getConnection(),
    allowed.map((r) => r.m.id),
    now,
  );
  const toSend = allowed.filter((r) => claimed.has(r.m.id));
  toSend.push(...(await recoverInterrupted(deps, interrupted, settle)));
  await sendAndRecord(deps, toSend, settle);
  return messageIds.map((id) => outcomes.get(id) ?? { kind: 'skipped' });
}

/** Takes each sender's allowance for this second; what does not fit waits for the next second. */
async function withinRate(deps: DeliverDeps, ready: Ready[], now: Date, settle: (id: string, o: DeliverOutcome) => void) {
  const bySender = Map.groupBy(ready, (r) => r.sender.id);
  const allowed: Ready[] = [];
  for (const [senderId, group] of bySender) {
    const perSecond = group[0]?.m.provider_mps ?? group[0]?.sender.messagesPerSecond ?? 80;
    const { granted, waitMs } = await deps.limiter.acquireMany(senderId, perSecond, group.length, now.getTime());
    allowed.push(...group.slice(0, granted));
    for (const r of group.slice(granted)) settle(r.m.id, { kind: 'retry', delayMs: waitMs, reason: 'sender rate limit' });
  }
  return allowed;
}

/** A previous attempt's outcome is unknown: it may have reached the provider. Ask before sending again. */
async function recoverInterrupted(deps: DeliverDeps, interrupted: Ready[], settle: (id: string, o: DeliverOutcome) => void) {
  const again: Ready[] = [];
  await Promise.all(
    interrupted.map(async (r) => {
      try {
        const found = await r.provider.findSent?.(r.outbound, new Date(r.m.send_started_at ?? r.m.created_at));
        if (found) await record(deps, [{ id: r.m.id, result: found }], settle);
        else again.push(r);
      } catch (error) {
        settle(r.m.id, { kind: 'error', error });
      }
    }),
  );
  return again;
}

async function sendAndRecord(deps: DeliverDeps, toSend: Ready[], settle: (id: string, o: DeliverOutcome) => void): Promise<void> {
  const answers = await Promise.allSettled(toSend.map((r) => r.provider.send(r.outbound)));
  const sent: { id: string; result: SendResult }[] = [];
  const requeue: string[] = [];
  const permanent: { id: string; error: ProviderError }[] = [];
  toSend.forEach((r, i) => {
    const answer = answers[i] as PromiseSettledResult<SendResult>;
    if (answer.status === 'fulfilled') sent.push({ id: r.m.id, result: answer.value });
    else if (!(answer.reason instanceof ProviderError)) settle(r.m.id, { kind: 'error', error: answer.reason });
    else if (answer.reason.retryable) {
      requeue.push(r.m.id);
      settle(r.m.id, { kind: 'retry', delayMs: answer.reason.code === 63018 ? 1000 : 0, reason: answer.reason.message });
    } else permanent.push({ id: r.m.id, error: answer.reason });
  });
  const conn = deps.em.getConnection();
  await Promise.all([
    record(deps, sent, settle),
    requeueUnsent(conn, requeue),
    ...permanent.map(async ({ id, error }) => {
      await conn.execute('update messages set error_code = ? where id = ?', [error.code, id]);
      settle(id, await finish(deps, id, { kind: 'failed', reason: twilioErrorMeaning(error.code, error.message).reason }));
    }),
  ]);
}

async function record(deps: DeliverDeps, sent: { id: string; result: SendResult }[], settle: (id: string, o: DeliverOutcome) => void) {
  const rows = await recordSent(deps.em.getConnection(), sent);
  for (const { id, result } of sent) settle(id, { kind: 'sent', providerMessageId: result.providerMessageId });
  await publish(deps, rows);
}

/** After the last retry: the message fails with the reason of its last attempt. */
export async function giveUpOnMessage(
  deps: Pick<DeliverDeps, 'em' | 'events' | 'clock'>,
  messageId: string,
  reason: string,
): Promise<void> {
  await finish(deps, messageId, { kind: 'failed', reason: `Gave up after repeated failures: ${reason}` });
}

async function finish(
  deps: Pick<DeliverDeps, 'em' | 'events' | 'clock'>,
  messageId: string,
  outcome: Extract<DeliverOutcome, { kind: 'refused' | 'failed' }>,
): Promise<DeliverOutcome> {
  const conn = deps.em.getConnection();
  const [row] = await conn.execute<MessageViewRow[]>(
    `update messages set status = 'failed', ${outcome.kind === 'refused' ? 'refusal_reason' : 'error_message'} = ?
     where id = ? and status in ('queued', 'sending') returning ${MESSAGE_VIEW_COLUMNS}`,
    [outcome.reason, messageId],
  );
  await conn.execute('update interaction_attempts set outcome = ?, ended_at = ? where message_id = ?', [
    outcome.kind === 'refused' ? 'refused' : 'failed',
    deps.clock.now(),
    messageId,
  ]);
  await publish(deps, row ? [row] : []);
  return outcome;
}

async function publish(deps: Pick<DeliverDeps, 'events' | 'clock'>, rows: MessageViewRow[]): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.events.publishMany(
    rows.map((row) => ({ companyId: row.company_id, event: { type: 'message.status', at, data: { message: messageViewFromRow(row) } } })),
  );
}

// After a send job's last attempt, whatever the outcome kind: the message must not stay `queued`/`sending` for
// ever. It ends `failed` with a reason a person can read ("Could not send: …"), its interaction attempt closed and
// the change published. If even that cannot be written (the database is still away), the caller's job fails and
// the message stays unsent, where the upkeep (requeue-stale-sends.ts) finds it and drives it again.
import type { DeliverDeps, DeliverOutcome } from './deliver-outbound-message.ts';
import { readyToSend } from './outbound-delivery.ts';
import { publishMessageRows } from './publish-message-rows.ts';
import { markFailed, recordSent, type SendRow, selectForSend } from './send-statements.ts';

/** A reason is read in the console's message list: one line, this long at most. */
const MAX_CAUSE_LENGTH = 200;

/** What broke, in a line for the console: the error's message, never its stack. */
export function describeSendError(error: unknown): string {
  const line = messageOf(error, 0).split('\n')[0]?.trim() ?? '';
  if (!line) return 'an unexpected error';
  return line.length > MAX_CAUSE_LENGTH ? `${line.slice(0, MAX_CAUSE_LENGTH - 1)}…` : line;
}

function messageOf(error: unknown, depth: number): string {
  // node-postgres reports an unreachable database as an AggregateError with no message of its own.
  if (error instanceof AggregateError && !error.message && error.errors.length > 0 && depth < 3) {
    return messageOf(error.errors[0], depth + 1);
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return error.message || (typeof code === 'string' ? code : error.name);
  }
  return typeof error === 'string' ? error : '';
}

/** `why` is what broke on the last attempt, readable (describeSendError, or the provider's reason). */
export async function giveUpOnMessage(
  deps: DeliverDeps,
  messageId: string,
  why: string,
): Promise<Extract<DeliverOutcome, { kind: 'sent' | 'failed' | 'skipped' }>> {
  const [m] = await selectForSend(deps.em, [messageId]);
  if (!m || m.provider_message_id || (m.status !== 'queued' && m.status !== 'sending')) return { kind: 'skipped' };
  let reason = `Could not send: ${why.replace(/[\s.]+$/, '')}`;
  if (m.status === 'sending') {
    // Claimed, and then we lost track: it may have reached Twilio. Ask once more rather than guess. Found, it is
    // recorded as sent (it was); not found, it fails. When Twilio cannot be asked, it fails saying so: the status
    // callback URL carries our id, so if it did go out, its delivery report still moves it to delivered.
    const found = await askProvider(deps, m);
    if (found === 'unknown') reason = `${reason}. Whether it reached WhatsApp is unknown; a delivery report will still update it.`;
    else if (found) {
      await publishMessageRows(deps, await recordSent(deps.em, [{ id: m.id, result: found }]));
      return { kind: 'sent', providerMessageId: found.providerMessageId };
    }
  }
  const rows = await markFailed(deps.em, [{ id: m.id, refused: false, reason, code: null }], deps.clock.now());
  // None: a status callback moved it on meanwhile, and the furthest status stays.
  if (rows.length === 0) return { kind: 'skipped' };
  await publishMessageRows(deps, rows);
  return { kind: 'failed', reason };
}

async function askProvider(deps: DeliverDeps, m: SendRow) {
  try {
    const ready = await readyToSend(deps, m);
    if (!ready?.provider.findSent) return 'unknown' as const;
    return await ready.provider.findSent(ready.outbound, new Date(m.send_started_at ?? m.created_at));
  } catch {
    return 'unknown' as const;
  }
}

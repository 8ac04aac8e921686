// Applies a Twilio status callback to its message: forward-only (message-status.ts), atomic in SQL so that
// concurrent callbacks for one message cannot race, then announced on the company's event stream.
import type { EntityManager } from '@mikro-orm/postgresql';
import { MESSAGE_STATUSES, type MessageStatus } from '../entities/message.ts';
import type { EventStream } from '../events/event-stream.ts';
import { fromTwilioStatus, shouldApplyStatus } from '../messaging/message-status.ts';
import { twilioErrorMeaning } from '../messaging/twilio-errors.ts';
import { MESSAGE_VIEW_COLUMNS, type MessageViewRow, messageViewFromRow } from './message-view.ts';

export interface StatusCallback {
  companyId: string;
  /** Our message id from the callback URL (`?mid=`), present on every callback of a message we sent. */
  messageId: string | null;
  providerMessageId: string;
  status: string;
  errorCode: number | null;
  at: Date;
}

const TIMESTAMP: Partial<Record<MessageStatus, string>> = { sent: 'sent_at', delivered: 'delivered_at', read: 'read_at' };

/** Returns whether the message changed. Unknown messages and backward moves change nothing. */
export async function applyStatusCallback(em: EntityManager, events: EventStream, cb: StatusCallback): Promise<boolean> {
  const incoming = fromTwilioStatus(cb.status);
  if (!incoming || incoming === 'received') return false;
  const from = MESSAGE_STATUSES.filter((s) => shouldApplyStatus(s, incoming));
  const sets = ['status = ?', 'provider_message_id = coalesce(provider_message_id, ?)'];
  const params: unknown[] = [incoming, cb.providerMessageId];
  const stamp = TIMESTAMP[incoming];
  if (stamp) sets.push(`${stamp} = coalesce(${stamp}, ?)`);
  if (stamp) params.push(cb.at);
  // Read implies delivered (WhatsApp may skip the delivered callback).
  if (incoming === 'read') {
    sets.push('delivered_at = coalesce(delivered_at, ?)', 'sent_at = coalesce(sent_at, ?)');
    params.push(cb.at, cb.at);
  }
  if (incoming === 'failed' || incoming === 'undelivered') {
    const meaning = twilioErrorMeaning(cb.errorCode);
    sets.push('error_code = ?', 'error_message = ?');
    params.push(cb.errorCode, meaning.reason);
  }
  const where = cb.messageId ? 'id = ?' : 'provider_message_id = ?';
  const [row] = await em.getConnection().execute<MessageViewRow[]>(
    `update messages set ${sets.join(', ')}
     where company_id = ? and ${where} and status in (${from.map(() => '?').join(', ')}) returning ${MESSAGE_VIEW_COLUMNS}`,
    [...params, cb.companyId, cb.messageId ?? cb.providerMessageId, ...from],
  );
  if (!row) return false;
  await events.publish(cb.companyId, { type: 'message.status', at: cb.at.toISOString(), data: { message: messageViewFromRow(row) } });
  return true;
}

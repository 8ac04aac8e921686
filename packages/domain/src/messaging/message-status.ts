// The status machine of a message (CONTRACT.md): success statuses only move forward; a failure may replace a
// status below `delivered` but never `delivered` or `read`. Callbacks arrive repeated and out of order, so
// every transition goes through here.
import type { MessageStatus } from '../entities/message.ts';

const SUCCESS_RANK: Partial<Record<MessageStatus, number>> = { queued: 1, sending: 2, sent: 3, delivered: 4, read: 5 };
const FAILURES: ReadonlySet<MessageStatus> = new Set(['failed', 'undelivered']);

/** Twilio's status words mapped onto ours; `accepted`/`scheduled` are Twilio's own queueing, i.e. still queued. */
export function fromTwilioStatus(status: string): MessageStatus | null {
  switch (status) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
      return 'queued';
    case 'sending':
    case 'sent':
    case 'delivered':
    case 'read':
    case 'failed':
    case 'undelivered':
    case 'received':
      return status;
    case 'canceled':
      return 'failed';
    default:
      return null;
  }
}

/** Whether a message at `current` should move to `incoming`. */
export function shouldApplyStatus(current: MessageStatus, incoming: MessageStatus): boolean {
  if (current === 'received' || incoming === 'received') return false;
  if (current === incoming) return false;
  const currentRank = SUCCESS_RANK[current];
  if (FAILURES.has(incoming)) {
    // A late failure after delivery is kept in the audit trail, not in the status.
    return currentRank !== undefined && currentRank < (SUCCESS_RANK.delivered as number);
  }
  const incomingRank = SUCCESS_RANK[incoming] as number;
  // Delivery proven after a failure report wins: the lead has the message.
  if (FAILURES.has(current)) return incomingRank >= (SUCCESS_RANK.delivered as number);
  return incomingRank > (currentRank ?? 0);
}

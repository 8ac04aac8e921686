// How long the webhook inbox keeps events. A processed event is only needed while the provider may send it again
// (its dedupe key drops the repeat): Twilio retries within hours, so 7 days is ample; past that, a repeat would at
// worst be applied again, which changes nothing (inbound messages are found by SID, statuses only move forward).
// Dead letters stay 30 days so that staff can see and act on them. Events never applied are never deleted.
import type { EntityManager } from '@mikro-orm/postgresql';

export const PROCESSED_EVENT_RETENTION_DAYS = 7;
export const DEAD_LETTER_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

export interface PruneOptions {
  /** Rows per DELETE: each is its own short transaction, so a large backlog never holds one long one. */
  batchSize?: number;
  /** DELETEs per run at most; what is left goes on the next run (the heartbeat's upkeep runs every 30 s). */
  maxBatches?: number;
}

/** Deletes what is past its retention at `now`; returns how many events went. */
export async function pruneWebhookEvents(em: EntityManager, now: Date, opts: PruneOptions = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 5000;
  let batches = opts.maxBatches ?? 20;
  const conn = em.getConnection();
  const rules = [
    // Reads webhook_events_processed_index (received_at where processed_at is not null).
    {
      where: 'processed_at is not null and received_at < ?',
      before: new Date(now.getTime() - PROCESSED_EVENT_RETENTION_DAYS * DAY_MS),
    },
    // Reads webhook_events_dead_letter_index: dead letters are few.
    {
      where: 'dead_lettered_at is not null and dead_lettered_at < ?',
      before: new Date(now.getTime() - DEAD_LETTER_RETENTION_DAYS * DAY_MS),
    },
  ];
  let deleted = 0;
  for (const rule of rules) {
    while (batches > 0) {
      batches--;
      const rows = await conn.execute<{ gone: boolean }[]>(
        `delete from webhook_events where id in (select id from webhook_events where ${rule.where} limit ?) returning true as gone`,
        [rule.before, batchSize],
      );
      deleted += rows.length;
      if (rows.length < batchSize) break;
    }
  }
  return deleted;
}

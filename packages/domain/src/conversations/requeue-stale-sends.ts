// Upkeep: outbound messages still queued (or mid-send) long after they were created lost their job (Redis was
// down when they were enqueued, or a queue was flushed). They are enqueued again; the job id is the message id,
// so a message whose job still exists is not duplicated, and a mid-send one is reconciled before any resend.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueues } from '../queues/job-queues.ts';

export async function requeueStaleSends(em: EntityManager, queues: JobQueues, olderThan: Date, limit = 1000): Promise<number> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    // The first four conditions are those of messages_unsent_outbound_index, so this reads that small index only.
    `select id from messages where direction = 'outbound' and provider_message_id is null and refusal_reason is null
       and error_message is null and status in ('queued', 'sending') and created_at < ? order by created_at limit ?`,
    [olderThan, limit],
  );
  for (const row of rows) await queues.enqueueSend(row.id);
  return rows.length;
}

// Finds recorded webhook events that were never applied (Redis was down when the server tried to enqueue,
// or a job was lost) and enqueues them again. Job ids are event ids, so a live job is not duplicated.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueues } from '../queues/job-queues.ts';

export async function requeueStaleWebhookEvents(em: EntityManager, queues: JobQueues, olderThan: Date, limit = 1000): Promise<number> {
  const rows = await em
    .getConnection()
    .execute<{ id: string }[]>(
      'select id from webhook_events where processed_at is null and received_at < ? order by received_at limit ?',
      [olderThan, limit],
    );
  for (const row of rows) await queues.enqueueWebhookEvent(row.id);
  return rows.length;
}

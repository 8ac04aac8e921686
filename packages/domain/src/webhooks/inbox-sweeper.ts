// Finds recorded webhook events that were never applied (Redis was down when the server tried to enqueue,
// or a job was lost) and enqueues them again, as one job whose id names its first event: while that job
// waits, the next heartbeat's sweep of the same events adds nothing.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueues } from '../queues/job-queues.ts';

export async function requeueStaleWebhookEvents(em: EntityManager, queues: JobQueues, olderThan: Date, limit = 1000): Promise<number> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    // Reads webhook_events_unprocessed_index only.
    'select id from webhook_events where processed_at is null and received_at < ? order by received_at limit ?',
    [olderThan, limit],
  );
  if (rows[0])
    await queues.enqueueWebhookEvents(
      rows.map((r) => r.id),
      { jobId: `sweep-${rows[0].id}` },
    );
  return rows.length;
}

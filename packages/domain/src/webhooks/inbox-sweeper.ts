// Finds recorded webhook events that were never applied (Redis was down when the server tried to enqueue,
// or a job was lost) and enqueues them again, as one job whose id names its first event: while that job
// waits or runs, the next heartbeat's sweep of the same events adds nothing. A job of that id that has finished
// (failed for good, say while PostgreSQL was away for its every attempt) is removed first, so that every sweep
// can add its job; applying an event twice is harmless (inbound messages are locked and checked by their SID,
// status callbacks are forward-only updates), and dead-lettered events are not swept at all.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueues } from '../queues/job-queues.ts';

export async function requeueStaleWebhookEvents(em: EntityManager, queues: JobQueues, olderThan: Date, limit = 1000): Promise<number> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    // Reads webhook_events_unprocessed_index only (its predicate is this one).
    'select id from webhook_events where processed_at is null and dead_lettered_at is null and received_at < ? order by received_at limit ?',
    [olderThan, limit],
  );
  if (!rows[0]) return 0;
  const jobId = `sweep-${rows[0].id}`;
  const state = await queues.webhookEvents.getJobState(jobId);
  // A finished job keeps its id (BullMQ would ignore the add); one that waits or runs covers these events already.
  if (state === 'failed' || state === 'completed') await queues.webhookEvents.remove(jobId);
  await queues.enqueueWebhookEvents(
    rows.map((r) => r.id),
    { jobId },
  );
  return rows.length;
}

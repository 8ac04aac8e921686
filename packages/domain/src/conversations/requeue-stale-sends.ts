// Upkeep: outbound messages still queued (or mid-send) long after they were created lost their job (Redis was
// down when they were enqueued, a queue was flushed) or their job ended without settling them (its last attempt
// could not even mark them failed, the database being away). Each is driven again under its own job id: a live
// job is left alone, a finished one is restarted (JobQueues.redriveSend), and a mid-send message is reconciled
// with the provider before any resend.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueues } from '../queues/job-queues.ts';

/** Resolves how many messages were driven again. */
export async function requeueStaleSends(em: EntityManager, queues: JobQueues, olderThan: Date, limit = 1000): Promise<number> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    // The first four conditions are those of messages_unsent_outbound_index, so this reads that small index only.
    `select id from messages where direction = 'outbound' and provider_message_id is null and refusal_reason is null
       and error_message is null and status in ('queued', 'sending') and created_at < ? order by created_at limit ?`,
    [olderThan, limit],
  );
  let redriven = 0;
  for (const row of rows) if (await queues.redriveSend(row.id)) redriven++;
  return redriven;
}

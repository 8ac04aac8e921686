// Writes webhook events to the inbox in small batches: callbacks arriving together (Twilio sends thousands a
// second at scale) share one multi-row INSERT and one queue round trip, instead of one each. A batch is
// flushed on the next turn of the event loop or when it is full (MicroBatcher).
import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../db/new-id.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { MicroBatcher } from '../process/micro-batcher.ts';
import type { JobQueues } from '../queues/job-queues.ts';
import { dedupeKey, type IncomingWebhook, inboxPayload } from './webhook-inbox.ts';

export class InboxWriter {
  private readonly em: EntityManager;
  private readonly queues: JobQueues;
  private readonly batcher: MicroBatcher<IncomingWebhook, string | null>;

  constructor(deps: { em: EntityManager; queues: JobQueues }, maxBatch = 250) {
    this.em = deps.em;
    this.queues = deps.queues;
    this.batcher = new MicroBatcher((hooks) => this.write(hooks), maxBatch);
  }

  /** Resolves with the new event's id once it is stored and enqueued, or null for a repeat of an earlier event. */
  record(hook: IncomingWebhook): Promise<string | null> {
    return this.batcher.add(hook);
  }

  private async write(hooks: IncomingWebhook[]): Promise<(string | null)[]> {
    const rows = hooks.map((hook) => ({ id: newId(), hook, key: dedupeKey(hook.kind, hook.params) }));
    const inserted = await preparedQuery<{ id: string }>(
      this.em,
      'inbox.insert',
      `insert into webhook_events (id, company_id, provider_id, kind, dedupe_key, payload, received_at)
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::timestamptz[])
       on conflict (provider_id, dedupe_key) do nothing returning id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.hook.companyId),
        rows.map((r) => r.hook.providerId),
        rows.map((r) => r.hook.kind),
        rows.map((r) => r.key),
        rows.map((r) => JSON.stringify(inboxPayload(r.hook))),
        rows.map((r) => r.hook.receivedAt),
      ],
    );
    const fresh = new Set(inserted.map((r) => r.id));
    // Stored first, then enqueued: if the enqueue fails, the worker's upkeep finds the events later.
    await this.queues.enqueueWebhookEvents([...fresh]);
    return rows.map((r) => (fresh.has(r.id) ? r.id : null));
  }
}

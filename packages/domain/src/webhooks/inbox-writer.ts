// Writes webhook events to the inbox in small batches: callbacks arriving together (Twilio sends thousands a
// second at scale) share one multi-row INSERT and one queue round trip, instead of one each. A batch is
// flushed on the next turn of the event loop or when it is full, so a lone callback waits well under 1 ms.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobQueues } from '../queues/job-queues.ts';
import { dedupeKey, type IncomingWebhook, inboxPayload } from './webhook-inbox.ts';

interface Pending {
  id: string;
  hook: IncomingWebhook;
  key: string;
  resolve(id: string | null): void;
  reject(error: unknown): void;
}

export class InboxWriter {
  private readonly em: EntityManager;
  private readonly queues: JobQueues;
  private readonly maxBatch: number;
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(deps: { em: EntityManager; queues: JobQueues }, maxBatch = 250) {
    this.em = deps.em;
    this.queues = deps.queues;
    this.maxBatch = maxBatch;
  }

  /** Resolves with the new event's id once it is stored and enqueued, or null for a repeat of an earlier event. */
  record(hook: IncomingWebhook): Promise<string | null> {
    return new Promise((resolve, reject) => {
      this.pending.push({ id: randomUUID(), hook, key: dedupeKey(hook.kind, hook.params), resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length) void this.write(batch);
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      const values = batch.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      const params = batch.flatMap((p) => [
        p.id,
        p.hook.companyId,
        p.hook.providerId,
        p.hook.kind,
        p.key,
        JSON.stringify(inboxPayload(p.hook)),
        p.hook.receivedAt,
      ]);
      const inserted = await this.em.getConnection().execute<{ id: string }[]>(
        `insert into webhook_events (id, company_id, provider_id, kind, dedupe_key, payload, received_at) values ${values}
           on conflict (provider_id, dedupe_key) do nothing returning id`,
        params,
      );
      const fresh = new Set(inserted.map((r) => r.id));
      // Stored first, then enqueued: if the enqueue fails, the worker's upkeep finds the events later.
      await this.queues.enqueueWebhookEvents([...fresh]);
      for (const p of batch) p.resolve(fresh.has(p.id) ? p.id : null);
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}

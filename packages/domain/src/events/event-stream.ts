// The per-company live event stream, kept in a Redis stream so a console that reconnects with its
// last event id receives exactly what it missed. Publishing happens after the change is committed, so it is
// best-effort: the change stands whether or not its event goes out, and a failed publish must never fail (and
// invite a retry of) the mutation or job that made the change. Failures go to `onPublishError` (logs, metrics).
import type { Redis } from 'ioredis';
import { type LiveEvent, liveEventSchema, type TrackedLiveEvent } from './live-event.ts';

/** Roughly how many events each company's stream keeps for reconnecting consoles. */
const RETAINED_EVENTS = 10_000;
const BLOCK_MS = 5_000;
/**
 * How long a caller waits for a publish. Commands wait in ioredis's offline queue while Redis is away, so a
 * publish during an outage would otherwise hold its request until Redis returns; the event still goes out then.
 */
const PUBLISH_WAIT_MS = 2_000;

export interface EventStreamOptions {
  onPublishError?: (error: unknown, companyIds: string[]) => void;
  publishWaitMs?: number;
}

export class EventStream {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly onPublishError: (error: unknown, companyIds: string[]) => void;
  private readonly publishWaitMs: number;

  constructor(redis: Redis, prefix: string, options: EventStreamOptions = {}) {
    this.redis = redis;
    this.prefix = prefix;
    this.onPublishError = options.onPublishError ?? (() => {});
    this.publishWaitMs = options.publishWaitMs ?? PUBLISH_WAIT_MS;
  }

  /** Resolves with the operation's result, or null (reported) when it failed or took too long; never rejects. */
  private async bestEffort<T>(companyIds: string[], operation: () => Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`publishing took longer than ${this.publishWaitMs} ms`)), this.publishWaitMs);
      timer.unref();
    });
    try {
      return await Promise.race([operation(), timeout]);
    } catch (error) {
      this.onPublishError(error, companyIds);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private key(companyId: string): string {
    return `${this.prefix}:events:${companyId}`;
  }

  /** The event's stream id, or null when it could not be published (reported, never thrown). */
  publish(companyId: string, event: LiveEvent): Promise<string | null> {
    return this.bestEffort([companyId], async () => {
      const id = await this.redis.xadd(this.key(companyId), 'MAXLEN', '~', String(RETAINED_EVENTS), '*', 'e', JSON.stringify(event));
      return id as string;
    });
  }

  /** Many events (a batch of sends) in one round trip; each keeps its own id and order within its company. */
  async publishMany(events: { companyId: string; event: LiveEvent }[]): Promise<void> {
    if (events.length === 0) return;
    await this.bestEffort([...new Set(events.map((e) => e.companyId))], async () => {
      const pipeline = this.redis.pipeline();
      for (const { companyId, event } of events) {
        pipeline.xadd(this.key(companyId), 'MAXLEN', '~', String(RETAINED_EVENTS), '*', 'e', JSON.stringify(event));
      }
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    });
  }

  /** The id of the newest event, or '0-0' for an empty stream: where a fresh subscriber starts. */
  async latestId(companyId: string): Promise<string> {
    const last = await this.redis.xrevrange(this.key(companyId), '+', '-', 'COUNT', 1);
    return last[0]?.[0] ?? '0-0';
  }

  /** Events after `afterId`, oldest first, up to `count`; no waiting. */
  async readAfter(companyId: string, afterId: string, count = 500): Promise<TrackedLiveEvent[]> {
    const rows = await this.redis.xrange(this.key(companyId), `(${afterId}`, '+', 'COUNT', count);
    return rows.map(([id, fields]) => decode(id, fields));
  }

  /**
   * Yields the company's events after `afterId` (from `latestId()` for "from now on") until the signal aborts.
   * Blocking reads need a connection of their own, so each subscription duplicates one and closes it.
   */
  async *subscribe(companyId: string, afterId: string, signal: AbortSignal): AsyncGenerator<TrackedLiveEvent> {
    let cursor = afterId;
    const reader = this.redis.duplicate();
    const stop = () => reader.disconnect();
    signal.addEventListener('abort', stop, { once: true });
    try {
      while (!signal.aborted) {
        let reply: [string, [string, string[]][]][] | null;
        try {
          reply = (await reader.xread('COUNT', 500, 'BLOCK', BLOCK_MS, 'STREAMS', this.key(companyId), cursor)) as typeof reply;
        } catch (error) {
          if (signal.aborted) return;
          throw error;
        }
        for (const [, entries] of reply ?? []) {
          for (const [id, fields] of entries) {
            cursor = id;
            yield decode(id, fields);
          }
        }
      }
    } finally {
      signal.removeEventListener('abort', stop);
      reader.disconnect();
    }
  }
}

function decode(id: string, fields: string[]): TrackedLiveEvent {
  const json = fields[fields.indexOf('e') + 1] ?? '{}';
  return { id, ...liveEventSchema.parse(JSON.parse(json)) };
}

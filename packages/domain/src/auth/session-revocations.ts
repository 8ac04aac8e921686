// Tells every server process that a session has ended (sign-out), so live streams opened with it stop at once
// instead of at their next periodic check. One Redis pub/sub channel under REDIS_PREFIX carries the session's
// token hash (never the token); each process listens on ONE subscriber connection, however many streams it holds.
// Pub/sub is fire-and-forget: a message lost while a process reconnects is caught by the streams' periodic check.
import type { Redis } from 'ioredis';

export const sessionRevocationChannel = (prefix: string): string => `${prefix}:sessions:revoked`;

export class SessionRevocations {
  private readonly redis: Redis;
  private readonly channel: string;
  private readonly watchers = new Map<string, Set<() => void>>();
  private subscriber: Redis | null = null;
  private subscribed: Promise<void> | null = null;

  constructor(redis: Redis, prefix: string) {
    this.redis = redis;
    this.channel = sessionRevocationChannel(prefix);
  }

  /** Announces that the session with this token hash has ended; resolves false (never throws) when Redis failed. */
  async announce(tokenHash: string): Promise<boolean> {
    try {
      await this.redis.publish(this.channel, tokenHash);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Calls `onRevoked` once the session's end is announced by any process. Resolves when this process is listening
   * (so an announcement made after that is not missed); `stop` forgets the watch.
   */
  async watch(tokenHash: string, onRevoked: () => void): Promise<{ stop(): void }> {
    const set = this.watchers.get(tokenHash) ?? new Set();
    set.add(onRevoked);
    this.watchers.set(tokenHash, set);
    const stop = () => {
      set.delete(onRevoked);
      if (set.size === 0 && this.watchers.get(tokenHash) === set) this.watchers.delete(tokenHash);
    };
    try {
      await this.listening();
    } catch (error) {
      stop();
      throw error;
    }
    return { stop };
  }

  private listening(): Promise<void> {
    if (!this.subscribed) {
      const subscriber = this.redis.duplicate();
      this.subscriber = subscriber;
      subscriber.on('message', (_channel: string, tokenHash: string) => {
        for (const onRevoked of [...(this.watchers.get(tokenHash) ?? [])]) onRevoked();
      });
      // ioredis subscribes again by itself after a reconnect.
      this.subscribed = subscriber.subscribe(this.channel).then(() => undefined);
      // A failed first subscription is retried by the next watch.
      this.subscribed.catch(() => {
        if (this.subscriber === subscriber) {
          this.subscriber = null;
          this.subscribed = null;
          subscriber.disconnect();
        }
      });
    }
    return this.subscribed;
  }

  close(): void {
    this.subscriber?.disconnect();
    this.subscriber = null;
    this.subscribed = null;
    this.watchers.clear();
  }
}

// Per-sender throughput (WhatsApp: 80 messages/s per sender by default). A counter per sender and second in
// Redis, shared by every worker; a send over the limit is told how long to wait for the next second.
import type { Redis } from 'ioredis';

export class SendRateLimiter {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.redis = redis;
    this.prefix = prefix;
  }

  /** 0 when the send may go now, else the milliseconds to wait. */
  async acquire(senderKey: string, perSecond: number, nowMs: number): Promise<number> {
    const second = Math.floor(nowMs / 1000);
    const key = `${this.prefix}:send-rate:${senderKey}:${second}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 2).exec()) as [[Error | null, number], unknown];
    return count <= perSecond ? 0 : (second + 1) * 1000 - nowMs;
  }
}

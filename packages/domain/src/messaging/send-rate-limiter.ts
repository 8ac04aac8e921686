// Per-sender throughput (WhatsApp: 80 messages/s per sender by default). A counter per sender and second in
// Redis, shared by every worker; sends over the limit are told how long to wait for the next second.
import type { Redis } from 'ioredis';

// Grants what is left of this second's allowance, up to what was asked, in one atomic step: a batch never
// takes slots it cannot use, so what it leaves stays available to other workers.
const GRANT_SCRIPT = `
local used = tonumber(redis.call('get', KEYS[1]) or '0')
local grant = math.min(tonumber(ARGV[1]), math.max(0, tonumber(ARGV[2]) - used))
if grant > 0 then
  redis.call('incrby', KEYS[1], grant)
  redis.call('expire', KEYS[1], 2)
end
return grant`;

export interface RateGrant {
  /** How many of the asked sends may go now. */
  granted: number;
  /** For the rest: milliseconds until the next second. */
  waitMs: number;
}

export class SendRateLimiter {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.redis = redis;
    this.prefix = prefix;
  }

  async acquireMany(senderKey: string, perSecond: number, wanted: number, nowMs: number): Promise<RateGrant> {
    const second = Math.floor(nowMs / 1000);
    const key = `${this.prefix}:send-rate:${senderKey}:${second}`;
    const granted = Number(await this.redis.eval(GRANT_SCRIPT, 1, key, wanted, perSecond));
    return { granted, waitMs: (second + 1) * 1000 - nowMs };
  }

  /** 0 when the send may go now, else the milliseconds to wait. */
  async acquire(senderKey: string, perSecond: number, nowMs: number): Promise<number> {
    const { granted, waitMs } = await this.acquireMany(senderKey, perSecond, 1, nowMs);
    return granted === 1 ? 0 : waitMs;
  }
}

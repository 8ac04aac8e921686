// The worker proves it is alive by processing a repeating heartbeat job and stamping the time in Redis;
// the server's /readyz and the console can read how long ago that was.
import type { Redis } from 'ioredis';

const key = (prefix: string) => `${prefix}:worker:heartbeat`;

export async function recordHeartbeat(redis: Redis, prefix: string, at: Date): Promise<void> {
  await redis.set(key(prefix), at.toISOString(), 'EX', 300);
}

export async function lastHeartbeat(redis: Redis, prefix: string): Promise<Date | null> {
  const value = await redis.get(key(prefix));
  return value ? new Date(value) : null;
}

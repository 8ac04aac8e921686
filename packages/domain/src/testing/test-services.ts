// Real services for integration tests: the run's migrated database and a Redis connection under the run's prefix.
import { LoginThrottle } from '../auth/login-throttle.ts';
import { type Clock, systemClock } from '../clock/clock.ts';
import { type Orm, openOrm } from '../db/orm.ts';
import { EventStream } from '../events/event-stream.ts';
import { connectRedis, type Redis } from '../redis/redis.ts';

export interface TestServices {
  orm: Orm;
  redis: Redis;
  prefix: string;
  events: EventStream;
  throttle: LoginThrottle;
  clock: Clock;
  close(): Promise<void>;
}

export async function openTestServices(opts: {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  clock?: Clock;
}): Promise<TestServices> {
  const orm = await openOrm(opts.databaseUrl);
  const redis = connectRedis({ url: opts.redisUrl, prefix: opts.redisPrefix });
  return {
    orm,
    redis,
    prefix: opts.redisPrefix,
    events: new EventStream(redis, opts.redisPrefix),
    throttle: new LoginThrottle(redis, opts.redisPrefix),
    clock: opts.clock ?? systemClock,
    async close() {
      redis.disconnect();
      await orm.close();
    },
  };
}

let counter = 0;
/** A unique email for each sign-up in a test run, so tests never collide on the global email index. */
export const uniqueEmail = (label = 'user') => `${label}.${Date.now().toString(36)}.${++counter}@example.test`;

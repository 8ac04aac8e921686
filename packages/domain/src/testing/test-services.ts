// Real services for integration tests: the run's migrated database and a Redis connection under the run's prefix.
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from '../auth/login-throttle.ts';
import { SessionRevocations } from '../auth/session-revocations.ts';
import { type Clock, systemClock } from '../clock/clock.ts';
import { type Orm, openOrm } from '../db/orm.ts';
import { EventStream } from '../events/event-stream.ts';
import { LiveStreamSeats } from '../events/live-stream-seats.ts';
import { JobQueues } from '../queues/job-queues.ts';
import { connectRedis, type Redis } from '../redis/redis.ts';
import { SecretBox } from '../secrets/secret-box.ts';

export interface TestServices {
  orm: Orm;
  redis: Redis;
  prefix: string;
  events: EventStream;
  revocations: SessionRevocations;
  liveStreams: LiveStreamSeats;
  throttle: LoginThrottle;
  clock: Clock;
  secrets: SecretBox;
  publicUrl: string;
  queues: JobQueues;
  close(): Promise<void>;
}

/** The public URL test servers claim: webhook signatures are computed against it, as Twilio would. */
export const TEST_PUBLIC_URL = 'https://switchboard.test';

/** The product's limits, except sign-ups per address: test files sign up a company per test, all from 127.0.0.1. */
export const TEST_LOGIN_THROTTLE = {
  ...DEFAULT_LOGIN_THROTTLE,
  signUp: { ...DEFAULT_LOGIN_THROTTLE.signUp, perAddress: 100_000 },
};

export async function openTestServices(opts: {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  clock?: Clock;
  publicUrl?: string;
}): Promise<TestServices> {
  const orm = await openOrm(opts.databaseUrl);
  const redis = connectRedis({ url: opts.redisUrl, prefix: opts.redisPrefix });
  const queues = new JobQueues(redis, opts.redisPrefix);
  const revocations = new SessionRevocations(redis, opts.redisPrefix);
  return {
    orm,
    redis,
    prefix: opts.redisPrefix,
    events: new EventStream(redis, opts.redisPrefix),
    revocations,
    liveStreams: new LiveStreamSeats(),
    throttle: new LoginThrottle(redis, opts.redisPrefix, TEST_LOGIN_THROTTLE),
    clock: opts.clock ?? systemClock,
    secrets: new SecretBox(Buffer.alloc(32, 7)),
    publicUrl: opts.publicUrl ?? TEST_PUBLIC_URL,
    queues,
    async close() {
      await queues.close();
      revocations.close();
      redis.disconnect();
      await orm.close();
    },
  };
}

let counter = 0;
/** A unique email for each sign-up in a test run, so tests never collide on the global email index. */
export const uniqueEmail = (label = 'user') => `${label}.${Date.now().toString(36)}.${++counter}@example.test`;

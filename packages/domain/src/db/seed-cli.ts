// `pnpm db:seed`: seeds the demo company into DATABASE_URL when it holds no company yet.
import { LoginThrottle } from '../auth/login-throttle.ts';
import { systemClock } from '../clock/clock.ts';
import { envFields, parseEnv } from '../config/env.ts';
import { createLogger } from '../logging/logger.ts';
import { connectRedis } from '../redis/redis.ts';
import { migrate, openOrm } from './orm.ts';
import { DEMO_LOGIN, seedDemo } from './seed.ts';

const env = parseEnv({
  DATABASE_URL: envFields.DATABASE_URL,
  REDIS_URL: envFields.REDIS_URL,
  REDIS_PREFIX: envFields.REDIS_PREFIX,
  LOG_LEVEL: envFields.LOG_LEVEL,
});
const log = createLogger('seed', env.LOG_LEVEL);
const orm = await openOrm(env.DATABASE_URL);
const redis = connectRedis({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX });
try {
  await migrate(orm);
  const seeded = await seedDemo({ em: orm.em, clock: systemClock, throttle: new LoginThrottle(redis, env.REDIS_PREFIX) });
  log.info(
    seeded
      ? `seeded the demo company; sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`
      : 'database already has data; nothing seeded',
  );
} finally {
  await orm.close();
  redis.disconnect();
}

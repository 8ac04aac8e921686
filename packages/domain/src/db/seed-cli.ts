// `pnpm db:seed`: seeds the demo company into DATABASE_URL when it holds no company yet.
import { LoginThrottle } from '../auth/login-throttle.ts';
import { systemClock } from '../clock/clock.ts';
import { envFields, parseEnv } from '../config/env.ts';
import { resolveSecretKey } from '../config/secret-key.ts';
import { createLogger } from '../logging/logger.ts';
import { connectRedis } from '../redis/redis.ts';
import { SecretBox } from '../secrets/secret-box.ts';
import { migrate, openOrm } from './orm.ts';
import { DEMO_LOGIN, seedDemo } from './seed.ts';

const env = parseEnv({
  DATABASE_URL: envFields.DATABASE_URL,
  REDIS_URL: envFields.REDIS_URL,
  REDIS_PREFIX: envFields.REDIS_PREFIX,
  LOG_LEVEL: envFields.LOG_LEVEL,
  SECRET_KEY: envFields.SECRET_KEY,
  NODE_ENV: envFields.NODE_ENV,
  PUBLIC_URL: envFields.PUBLIC_URL,
});
const log = createLogger('seed', env.LOG_LEVEL);
const orm = await openOrm(env.DATABASE_URL);
const redis = connectRedis({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX });
try {
  await migrate(orm);
  const secrets = new SecretBox(resolveSecretKey({ secretKey: env.SECRET_KEY, nodeEnv: env.NODE_ENV, devKeyFile: '.data/secret-key' }));
  const seeded = await seedDemo({
    em: orm.em,
    clock: systemClock,
    throttle: new LoginThrottle(redis, env.REDIS_PREFIX),
    secrets,
    publicUrl: env.PUBLIC_URL ?? 'http://127.0.0.1:3000',
  });
  log.info(
    seeded
      ? `seeded the demo company; sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`
      : 'database already has data; nothing seeded',
  );
} finally {
  await orm.close();
  redis.disconnect();
}

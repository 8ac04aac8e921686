// `pnpm db:migrate`: applies pending migrations to DATABASE_URL.
import { envFields, parseEnv } from '../config/env.ts';
import { createLogger } from '../logging/logger.ts';
import { migrate, openOrm } from './orm.ts';

const env = parseEnv({ DATABASE_URL: envFields.DATABASE_URL, LOG_LEVEL: envFields.LOG_LEVEL });
const log = createLogger('migrate', env.LOG_LEVEL);
const orm = await openOrm(env.DATABASE_URL);
try {
  const applied = await migrate(orm);
  log.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : 'schema is up to date');
} finally {
  await orm.close();
}

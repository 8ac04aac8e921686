// Used by the `mikro-orm` CLI (migration:create); the processes call ormConfig directly.
import { ormConfig } from './src/db/orm-config.ts';

export default ormConfig(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/switchboard_dev');

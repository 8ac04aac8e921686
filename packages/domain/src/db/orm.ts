// Opening the database and bringing its schema up to date.
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm-config.ts';

export type Orm = MikroORM;

export async function openOrm(databaseUrl: string): Promise<Orm> {
  return MikroORM.init(ormConfig(databaseUrl));
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}

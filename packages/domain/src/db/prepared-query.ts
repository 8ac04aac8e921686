// Hot paths (the send worker, webhook ingest) skip the ORM: named prepared statements on MikroORM's own pg pool,
// parsed and planned once per connection, with values bound (ids as one array) instead of formatted into SQL.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';

export async function preparedQuery<Row>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (await em.getConnection().getNativeClient()) as Pool;
  const result = await pool.query({ name, text, values });
  return result.rows as Row[];
}

import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate, type Orm, openOrm } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

let db: TestDatabase;
let orm: Orm;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: false });
  orm = await openOrm(db.url);
});
afterAll(async () => {
  await orm.close();
  await db.drop();
});

it('the committed migrations create exactly the schema the entities describe', async () => {
  expect((await migrate(orm)).length).toBeGreaterThan(0);
  expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
});

it('migrating again applies nothing', async () => {
  expect(await migrate(orm)).toEqual([]);
});

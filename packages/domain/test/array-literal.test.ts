import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from '../src/db/array-literal.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

const CASES: (string | null)[][] = [
  [],
  ['plain'],
  ['a', null, 'NULL', 'null', ''],
  ['say "hi"', 'back\\slash', '\\"', '"'],
  ['{brace}', 'a,b', ' spaced ', 'tab\there', 'new\nline'],
  ['naïve 🌞', 'Müller', '東京'],
  ['{"x","y"}', '{}'],
];

describe('array literals', () => {
  it.each([
    [[], '{}'],
    [['a', 'b c'], '{"a","b c"}'],
    [['say "hi"', 'back\\slash'], '{"say \\"hi\\"","back\\\\slash"}'],
    [[null, 'NULL'], '{NULL,"NULL"}'],
  ] as [(string | null)[], string][])('%j → %s', (values, literal) => {
    expect(arrayLiteral(values)).toBe(literal);
  });

  describe('read back by PostgreSQL', () => {
    let db: TestDatabase;
    let client: pg.Client;
    beforeAll(async () => {
      db = await createTestDatabase({ migrated: false });
      client = new pg.Client({ connectionString: db.url });
      await client.connect();
    });
    afterAll(async () => {
      await client.end();
      await db.drop();
    });

    it.each(CASES.map((values) => [values]))('%j', async (values) => {
      const { rows } = await client.query<{ values: (string | null)[] }>('select $1::text[] as values', [arrayLiteral(values)]);
      expect(rows[0]?.values).toEqual(values);
    });
  });
});

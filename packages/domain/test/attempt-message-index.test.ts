// The send path closes a message's interaction attempt by the message's id (send-statements.ts): an index on
// interaction_attempts(message_id) keeps that a lookup instead of a scan of every attempt ever made.
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { SEND_STATEMENTS } from '../src/conversations/send-statements.ts';

let sql: pg.Pool;
beforeAll(() => {
  sql = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
});
afterAll(async () => {
  await sql.end();
});

it('interaction_attempts has a valid index on message_id', async () => {
  const { rows } = await sql.query<{ name: string; valid: boolean; definition: string }>(
    `select c.relname as name, i.indisvalid as valid, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = 'interaction_attempts'::regclass and c.relname = 'interaction_attempts_message_id_index'`,
  );
  expect(rows).toEqual([
    {
      name: 'interaction_attempts_message_id_index',
      valid: true,
      definition: expect.stringMatching(/USING btree \(message_id\)$/),
    },
  ]);
});

it('closing a batch’s attempts finds them through that index', async () => {
  const client = await sql.connect();
  try {
    await client.query('begin');
    // The test table is nearly empty, where a scan is cheapest anyway: rule scans out to see which index it would use.
    await client.query('set local enable_seqscan = off');
    const { rows } = await client.query<{ 'QUERY PLAN': string }>({
      text: `explain ${SEND_STATEMENTS.fail}`,
      values: [['0194f2a0-0000-7000-8000-000000000001'], [null], ['Could not send: a test'], [null], new Date()],
    });
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(
      /Index (Only )?Scan using interaction_attempts_message_id_index|Bitmap Index Scan on interaction_attempts_message_id_index/,
    );
  } finally {
    await client.query('rollback');
    client.release();
  }
});

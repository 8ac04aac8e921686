// The migration that orders the conversation list by the sessions' last-message time first puts that time right on
// sessions written before it was kept on every message: their newest message's time, or else their creation.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../src/db/new-id.ts';
import { migrate, type Orm, openOrm } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

let db: TestDatabase;
let orm: Orm;
let sql: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: false });
  orm = await openOrm(db.url);
  sql = new pg.Pool({ connectionString: db.url, max: 2 });
});
afterAll(async () => {
  await sql.end();
  await orm.close();
  await db.drop();
});

it('sessions get the time of their newest message, or of their creation when they have none', async () => {
  await orm.migrator.up({ to: 'Migration20261125223000_statement_reference_checks' });
  const companyId = newId();
  const providerId = newId();
  await sql.query(`insert into companies (id, name, created_at) values ($1, 'Acme', now())`, [companyId]);
  await sql.query(
    `insert into whatsapp_providers (id, company_id, kind, sender, active, created_at, updated_at)
     values ($1, $2, 'simulator', '+15550100000', true, now(), now())`,
    [providerId, companyId],
  );
  const sessions: Record<'missing' | 'stale' | 'right' | 'empty', string> = {
    missing: newId(),
    stale: newId(),
    right: newId(),
    empty: newId(),
  };
  const lastMessageAt = { missing: null, stale: '2026-05-01T08:00:00Z', right: '2026-05-03T08:00:00Z', empty: null };
  for (const [i, [kind, id]] of Object.entries(sessions).entries()) {
    const leadId = newId();
    await sql.query(
      `insert into leads (id, company_id, name, phone, tags, custom_fields, created_at, updated_at) values ($1, $2, 'L', $3, '{}', '{}', now(), now())`,
      [leadId, companyId, `+1415200000${i}`],
    );
    await sql.query(
      `insert into whatsapp_sessions (id, company_id, lead_id, provider_id, unread_count, last_message_at, created_at)
       values ($1, $2, $3, $4, 0, $5, '2026-04-01T08:00:00Z')`,
      [id, companyId, leadId, providerId, lastMessageAt[kind as keyof typeof lastMessageAt]],
    );
    if (kind === 'empty') continue;
    for (const at of ['2026-05-02T08:00:00Z', '2026-05-02T09:30:00Z']) {
      await sql.query(
        `insert into messages (id, company_id, lead_id, session_id, direction, kind, body, status, created_at)
         values ($1, $2, $3, $4, 'inbound', 'text', 'hi', 'received', $5)`,
        [newId(), companyId, leadId, id, at],
      );
    }
  }

  await migrate(orm);

  const { rows } = await sql.query<{ id: string; last_message_at: Date }>('select id, last_message_at from whatsapp_sessions');
  const after = Object.fromEntries(rows.map((r) => [r.id, r.last_message_at.toISOString()]));
  expect({
    missing: after[sessions.missing],
    stale: after[sessions.stale],
    right: after[sessions.right],
    empty: after[sessions.empty],
  }).toEqual({
    missing: '2026-05-02T09:30:00.000Z',
    stale: '2026-05-02T09:30:00.000Z',
    right: '2026-05-03T08:00:00.000Z',
    empty: '2026-04-01T08:00:00.000Z',
  });
});

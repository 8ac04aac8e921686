// The triggers that check leads' and consent events' company (and a lead's owner agent) once per statement keep
// every promise of the foreign keys they replaced: refusal with 23503 and the constraint's name, all or nothing,
// no deleting a company that has leads, unassigning an agent's leads, and a delete waiting for an insert that
// names the row.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/new-id.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

let db: TestDatabase;
let sql: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = new pg.Pool({ connectionString: db.url, max: 4 });
});
afterAll(async () => {
  await sql.end();
  await db.drop();
});

async function company(): Promise<string> {
  const id = newId();
  await sql.query(`insert into companies (id, name, created_at) values ($1, 'Acme', now())`, [id]);
  return id;
}

async function agent(companyId: string): Promise<string> {
  const id = newId();
  await sql.query(
    `insert into agents (id, company_id, name, channels, settings, created_at, updated_at) values ($1, $2, 'Ava', '[]', '{}', now(), now())`,
    [id, companyId],
  );
  return id;
}

let phone = 2_000_000;
/** Inserts leads in one statement: [company, owner] a lead. */
function insertLeads(rows: [string, string | null][], client: pg.Pool | pg.PoolClient = sql) {
  const values = rows.map(
    (_, i) => `($${i * 4 + 1}::uuid, $${i * 4 + 2}::uuid, 'L', $${i * 4 + 3}, '{}', '{}', $${i * 4 + 4}::uuid, now(), now())`,
  );
  return client.query(
    `insert into leads (id, company_id, name, phone, tags, custom_fields, owner_agent_id, created_at, updated_at) values ${values.join(', ')}`,
    rows.flatMap(([companyId, owner]) => [newId(), companyId, `+1415${++phone}`, owner]),
  );
}

const refused = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: pg.DatabaseError) => e,
  );
  return error && { code: error.code, constraint: error.constraint };
};

const count = async (table: string, companyId: string) =>
  Number((await sql.query(`select count(*) as n from ${table} where company_id = $1`, [companyId])).rows[0].n);

describe('references checked once per statement', () => {
  it.each([
    ['an unknown company', 'company', 'leads_company_id_foreign'],
    ['an unknown owner agent', 'owner', 'leads_owner_agent_id_foreign'],
  ])('a statement with one lead naming %s is refused whole', async (_what, bad, constraint) => {
    const companyId = await company();
    const owner = await agent(companyId);
    const badRow: [string, string | null] = bad === 'company' ? [newId(), null] : [companyId, newId()];
    expect(await refused(insertLeads([[companyId, owner], badRow, [companyId, null]]))).toEqual({ code: '23503', constraint });
    expect(await count('leads', companyId)).toBe(0);
    await insertLeads([
      [companyId, owner],
      [companyId, null],
    ]);
    expect(await count('leads', companyId)).toBe(2);
  });

  it('an update that moves a lead to an unknown company or agent is refused', async () => {
    const companyId = await company();
    await insertLeads([[companyId, null]]);
    expect(await refused(sql.query('update leads set company_id = $2 where company_id = $1', [companyId, newId()]))).toEqual({
      code: '23503',
      constraint: 'leads_company_id_foreign',
    });
    expect(await refused(sql.query('update leads set owner_agent_id = $2 where company_id = $1', [companyId, newId()]))).toEqual({
      code: '23503',
      constraint: 'leads_owner_agent_id_foreign',
    });
  });

  it('a consent event naming an unknown company is refused', async () => {
    const companyId = await company();
    await insertLeads([[companyId, null]]);
    const { rows } = await sql.query<{ id: string }>('select id from leads where company_id = $1', [companyId]);
    const event = (forCompany: string) =>
      sql.query(
        `insert into consent_events (id, company_id, lead_id, channel, opt_in, source, actor, occurred_at)
         values ($1, $2, $3, 'whatsapp', true, 'form', 'test', now())`,
        [newId(), forCompany, rows[0]?.id],
      );
    expect(await refused(event(newId()))).toEqual({ code: '23503', constraint: 'consent_events_company_id_foreign' });
    await event(companyId);
    expect(await count('consent_events', companyId)).toBe(1);
  });

  it('a company with leads cannot be deleted; one without can', async () => {
    const withLeads = await company();
    await insertLeads([[withLeads, null]]);
    expect((await refused(sql.query('delete from companies where id = $1', [withLeads])))?.code).toBe('23503');
    const empty = await company();
    expect((await sql.query('delete from companies where id = $1', [empty])).rowCount).toBe(1);
  });

  it('deleting an agent unassigns its leads and no others', async () => {
    const companyId = await company();
    const [gone, stays] = [await agent(companyId), await agent(companyId)];
    await insertLeads([
      [companyId, gone],
      [companyId, gone],
      [companyId, stays],
    ]);
    await sql.query('delete from agents where id = $1', [gone]);
    const { rows } = await sql.query('select owner_agent_id from leads where company_id = $1 order by owner_agent_id nulls first', [
      companyId,
    ]);
    expect(rows.map((r) => r.owner_agent_id)).toEqual([null, null, stays]);
  });

  it('a delete of the agent a lead being inserted names waits for that insert, then unassigns it', async () => {
    const companyId = await company();
    const owner = await agent(companyId);
    const inserting = await sql.connect();
    const deleting = await sql.connect();
    try {
      await inserting.query('begin');
      await insertLeads([[companyId, owner]], inserting);
      await deleting.query(`set lock_timeout = '300ms'`);
      // The insert holds the agent FOR KEY SHARE, as a foreign key's check would: the delete cannot go ahead.
      expect((await refused(deleting.query('delete from agents where id = $1', [owner])))?.code).toBe('55P03');
      await inserting.query('commit');
      await deleting.query('delete from agents where id = $1', [owner]);
      expect((await sql.query('select owner_agent_id from leads where company_id = $1', [companyId])).rows).toEqual([
        { owner_agent_id: null },
      ]);
    } finally {
      inserting.release();
      deleting.release();
    }
  });
});

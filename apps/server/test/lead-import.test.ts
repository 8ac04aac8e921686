// CSV imports end to end on the server: the upload streamed into storage, the mapping, the worker's run (as the
// worker calls it), exact counts and the report of refused rows, de-duplication by phone, consent only from an
// explicit column, a crash half-way, memory that stays flat, and the export of a filtered list.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  FixedClock,
  failLeadImport,
  IMPORT_BATCH_ROWS,
  MAX_IMPORT_RECORD_BYTES,
  runLeadImport,
  sweepStaleLeadImports,
} from '@switchboard/domain';
import { uniqueEmail } from '@switchboard/domain/testing';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';

// A full collection on demand, to measure live memory (the flag can be set at run time; gc then comes from a new context).
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

const clock = new FixedClock('2026-06-01T10:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ prefix: 'imports', clock });
});
afterAll(() => server.close());

async function company() {
  const { token } = await server
    .client()
    .auth.signUp.mutate({ companyName: 'Import Co', name: 'A', email: uniqueEmail(), password: 'password-1234' });
  return { api: server.client(token), token };
}

async function upload(token: string, csv: string, filename = 'leads.csv') {
  const res = await fetch(`${server.url}/imports/leads?filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      import: { id: string; headers: string[] };
      guessedMapping: (string | null)[];
      sample: string[][];
      error?: string;
    },
  };
}

const run = (importId: string, opts = {}) =>
  runLeadImport({ em: server.services.orm.em, events: server.services.events, clock }, importId, opts);

async function download(token: string, path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

let phoneSeed = 3_000_000;
const phone = () => `+1415${String(++phoneSeed).padStart(7, '0')}`;

describe('a small file', () => {
  it('maps columns, creates and updates by phone, takes consent only from its column, and reports refused rows', async () => {
    const { api, token } = await company();
    const known = await api.leads.create.mutate({ name: 'Known', phone: phone(), whatsappOptIn: true, optInSource: 'form' });
    const stopped = await api.leads.create.mutate({ name: 'Stopped', phone: phone(), whatsappOptIn: true, optInSource: 'form' });
    await api.leads.setConsent.mutate({ leadId: stopped.id, channel: 'whatsapp', optIn: false, source: 'STOP by phone' });
    const fresh = phone();
    const csv = [
      'Full Name;Mobile;E-mail;WhatsApp consent;Tags;Plan',
      `Ana Souza;${fresh};ana@example.com;yes;VIP, solar;gold`,
      `Ana S.;${fresh};;;warm;`,
      `Known Again;${known.phone};known@example.com;no;;silver`,
      `Stopped Again;${stopped.phone};;yes;;`,
      ';+14155550000;;;;',
      'Bad Phone;12345;;;;',
      'Maybe;+14155550001;;maybe;;',
      '',
      '"=HYPERLINK(""http://evil"")";+14155550002;;;;',
      // Quotes, backslashes, braces and emoji travel to PostgreSQL inside array literals: they come back as typed.
      'Tricky;+14155550003;;;"say ""hi"", back\\slash, {brace}, naïve 🌞";"x\\""y"',
    ].join('\n');
    const { status, body } = await upload(token, csv, 'spring-fair.csv');
    expect(status).toBe(200);
    expect(body.import.headers).toEqual(['Full Name', 'Mobile', 'E-mail', 'WhatsApp consent', 'Tags', 'Plan']);
    expect(body.guessedMapping).toEqual(['name', 'phone', 'email', 'whatsapp_opt_in', 'tags', null]);
    expect(body.sample[0]?.[0]).toBe('Ana Souza');
    const started = await api.leads.startImport.mutate({
      importId: body.import.id,
      mapping: ['name', 'phone', 'email', 'whatsapp_opt_in', 'tags', 'custom:plan'],
      consentSource: 'Spring fair sign-up sheet',
    });
    expect(started.status).toBe('queued');
    await run(body.import.id);
    expect(await api.leads.importStatus.query({ id: body.import.id })).toMatchObject({
      status: 'done',
      rowsRead: 10,
      created: 3,
      updated: 3,
      rejected: 3,
      consentKept: 1,
    });
    const [created] = await api.leads.list.query({ search: fresh.slice(2) });
    expect(created).toMatchObject({
      name: 'Ana S.',
      email: 'ana@example.com',
      consent: 'opted_in',
      tags: ['vip', 'solar', 'warm'],
      customFields: { plan: 'gold' },
    });
    expect((await api.leads.get.query({ id: created?.id as string })).consentHistory[0]).toMatchObject({
      optIn: true,
      source: 'Spring fair sign-up sheet',
      actor: `import:${body.import.id}`,
    });
    expect((await api.leads.get.query({ id: known.id })).lead).toMatchObject({
      name: 'Known Again',
      consent: 'opted_out',
      customFields: { plan: 'silver' },
    });
    // The lead's own opt-out stands: a file's "yes" does not undo it.
    expect((await api.leads.get.query({ id: stopped.id })).lead.consent).toBe('opted_out');
    const [formula] = await api.leads.list.query({ search: '14155550002' });
    expect(formula?.name).toBe('=HYPERLINK("http://evil")');
    const [tricky] = await api.leads.list.query({ search: '14155550003' });
    expect(tricky).toMatchObject({ tags: ['say "hi"', 'back\\slash', '{brace}', 'naïve 🌞'], customFields: { plan: 'x\\"y' } });

    const report = await download(token, `/imports/${body.import.id}/rejected.csv`);
    expect(report.type).toMatch(/text\/csv/);
    const lines = report.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('row,reason,Full Name,Mobile,E-mail,WhatsApp consent,Tags,Plan');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['6', '7', '8']);
    expect(lines[1]).toMatch(/^6,Name is empty/);
    expect(lines[2]).toMatch(/^7,.*[Pp]hone/);
    expect(lines[3]).toMatch(/^8,.*maybe/);

    const exported = await download(token, '/exports/leads.csv?search=hyperlink');
    expect(exported.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(exported.text).toContain("'+14155550002");
  });

  it('refuses a bad mapping, a foreign import, and an upload without the manager role or sign-in', async () => {
    const a = await company();
    const b = await company();
    const { body } = await upload(a.token, 'name,phone\nA,+14155550100\n');
    const noPhone = await outcome(a.api.leads.startImport.mutate({ importId: body.import.id, mapping: ['name', null] }));
    expect(noPhone.code).toBe('BAD_REQUEST');
    expect((await outcome(b.api.leads.startImport.mutate({ importId: body.import.id, mapping: ['name', 'phone'] }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await outcome(b.api.leads.importStatus.query({ id: body.import.id }))).code).toBe('NOT_FOUND');
    expect((await download(b.token, `/imports/${body.import.id}/rejected.csv`)).status).toBe(404);
    expect((await upload('not-a-token', 'name,phone\n')).status).toBe(401);
    expect((await upload(a.token, '')).status).toBe(400);
    expect((await a.api.leads.importStatus.query({ id: body.import.id })).status).toBe('uploaded');
  });
});

/** 100,000 rows with known defects; the expected counts come from how the file was made, not from the importer. */
function bigFile(rows: number) {
  const lines = ['name,phone,email,consent,tags'];
  const phones = new Set<string>();
  let valid = 0;
  let rejected = 0;
  const rejectedRows: number[] = [];
  let last = '';
  for (let i = 0; i < rows; i++) {
    const rowNumber = i + 2;
    if (i % 300 === 299) {
      lines.push('');
      continue;
    }
    if (i % 50 === 0) {
      lines.push(`Bad Phone ${i},12345,,,`);
      rejected++;
      rejectedRows.push(rowNumber);
      continue;
    }
    if (i % 97 === 0) {
      lines.push(`,${phone()},,,`);
      rejected++;
      rejectedRows.push(rowNumber);
      continue;
    }
    if (i % 500 === 1) {
      lines.push(`Unsure ${i},${phone()},,maybe,`);
      rejected++;
      rejectedRows.push(rowNumber);
      continue;
    }
    // Every 200th valid-looking row repeats the phone of the row before it (an update, not a new lead).
    const p = i % 200 === 2 && last ? last : phone();
    lines.push(`Lead ${i},${p},lead${i}@example.com,${i % 3 === 0 ? 'yes' : ''},batch-${i % 7}`);
    phones.add(p);
    last = p;
    valid++;
  }
  return { csv: `${lines.join('\n')}\n`, created: phones.size, updated: valid - phones.size, rejected, rejectedRows };
}

describe('a big file', () => {
  it('100,000 rows with bad ones mixed in: counts and report exactly right, memory flat, a crash half-way changes nothing', async () => {
    const { api, token } = await company();
    const file = bigFile(100_000);
    const { body } = await upload(token, file.csv, 'big.csv');
    await api.leads.startImport.mutate({ importId: body.import.id, mapping: ['name', 'phone', 'email', 'whatsapp_opt_in', 'tags'] });

    // A crash after 10 batches, then the retry: it continues after the last committed batch.
    await expect(run(body.import.id, { interruptAfterBatches: 10 })).rejects.toThrow(/interrupted/);
    const half = await api.leads.importStatus.query({ id: body.import.id });
    expect(half.rowsRead).toBeGreaterThanOrEqual(10 * IMPORT_BATCH_ROWS * 0.9);

    // Live memory, measured after a full collection: what the import holds on to, not garbage awaiting the collector.
    const liveHeap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const heapBefore = liveHeap();
    let heapPeak = heapBefore;
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, liveHeap());
    }, 1000);
    const stats = await run(body.import.id).finally(() => clearInterval(sampler));
    // Never more than a batch in memory; the live heap grows by a few megabytes, not with the file's 100,000 rows.
    expect(stats.maxBufferedRows).toBeLessThanOrEqual(IMPORT_BATCH_ROWS);
    expect(heapPeak - heapBefore).toBeLessThan(32 * 1024 * 1024);

    const done = await api.leads.importStatus.query({ id: body.import.id });
    expect(done).toMatchObject({
      status: 'done',
      rowsRead: 100_000,
      created: file.created,
      updated: file.updated,
      rejected: file.rejected,
    });
    expect((await api.leads.count.query({})).count).toBe(Math.min(file.created, 10_000));
    const report = await download(token, `/imports/${body.import.id}/rejected.csv`);
    const reportRows = report.text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => Number(l.split(',')[0]));
    expect(reportRows).toEqual(file.rejectedRows);
  }, 120_000);
});

describe('what a file or a failure cannot break', () => {
  const pool = async () => (await server.services.orm.em.getConnection().getNativeClient()) as Pool;
  const storedChunks = async (importId: string) =>
    (await (await pool()).query<{ n: number }>('select count(*)::int as n from lead_import_chunks where import_id = $1', [importId]))
      .rows[0]?.n;

  it('a file name of any length: the consent source it names fits its column, and the import runs', async () => {
    const { api, token } = await company();
    const filename = `${'Spring fair sign-up sheet, hall B, '.repeat(7)}final.csv`;
    expect(filename.length).toBeGreaterThan(200);
    const fresh = phone();
    const { body } = await upload(token, `name,phone,consent\nLong Name,${fresh},yes\n`, filename);
    await api.leads.startImport.mutate({ importId: body.import.id, mapping: ['name', 'phone', 'whatsapp_opt_in'] });
    await run(body.import.id);
    expect(await api.leads.importStatus.query({ id: body.import.id })).toMatchObject({ status: 'done', created: 1 });
    const [lead] = await api.leads.list.query({ search: fresh.slice(2) });
    const [event] = (await api.leads.get.query({ id: lead?.id as string })).consentHistory;
    expect(event?.source).toHaveLength(100);
    expect(event?.source).toMatch(/^CSV import: Spring fair sign-up sheet, hall B, .*…$/);
    expect(lead?.whatsappOptInSource).toBe(event?.source);
  });

  it('an import that fails for good deletes its stored file', async () => {
    const { api, token } = await company();
    const { body } = await upload(token, `name,phone\nBoom ${phone()},${phone()}\nFine,${phone()}\n`);
    await api.leads.startImport.mutate({ importId: body.import.id, mapping: ['name', 'phone'] });
    expect(await storedChunks(body.import.id)).toBe(1);
    // PostgreSQL refuses this import's leads: every attempt fails, then the worker gives up (failLeadImport).
    const db = await pool();
    const trigger = `refuse_import_${body.import.id.replaceAll('-', '_')}`;
    await db.query(`create function ${trigger}() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
    await db.query(
      `create trigger ${trigger} before insert on leads for each row when (new.name like 'Boom %') execute function ${trigger}()`,
    );
    try {
      await expect(run(body.import.id)).rejects.toThrow(/injected failure/);
    } finally {
      await db.query(`drop trigger ${trigger} on leads`);
      await db.query(`drop function ${trigger}()`);
    }
    await failLeadImport({ em: server.services.orm.em, events: server.services.events, clock }, body.import.id, 'gave up');
    expect(await api.leads.importStatus.query({ id: body.import.id })).toMatchObject({ status: 'failed' });
    expect(await storedChunks(body.import.id)).toBe(0);
  });

  it('the upkeep deletes the files of imports never started or abandoned for 24 hours, and of finished ones left behind', async () => {
    const { api, token } = await company();
    const never = (await upload(token, `name,phone\nA,${phone()}\n`)).body.import.id;
    const abandoned = (await upload(token, `name,phone\nB,${phone()}\n`)).body.import.id;
    await api.leads.startImport.mutate({ importId: abandoned, mapping: ['name', 'phone'] });
    const leftBehind = (await upload(token, `name,phone\nC,${phone()}\n`)).body.import.id;
    const recent = (await upload(token, `name,phone\nD,${phone()}\n`)).body.import.id;
    const db = await pool();
    // Created long ago (the upkeep compares with the time it is given, so no other test's import is that old)…
    await db.query(`update lead_imports set created_at = '2001-01-01T00:00:00Z' where id = any($1)`, [[never, abandoned]]);
    await db.query(`update lead_imports set status = 'running' where id = $1`, [abandoned]);
    // …and one that failed before failures deleted their files.
    await db.query(`update lead_imports set status = 'failed', error = 'old failure' where id = $1`, [leftBehind]);

    await sweepStaleLeadImports(server.services.orm.em, new Date('2001-01-02T01:00:00Z'));
    for (const id of [never, abandoned, leftBehind]) expect([id, await storedChunks(id)]).toEqual([id, 0]);
    expect(await storedChunks(recent)).toBe(1);
    expect(await api.leads.importStatus.query({ id: never })).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/not started within 24 hours/),
    });
    expect(await api.leads.importStatus.query({ id: abandoned })).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/not finished within 24 hours/),
    });
    expect(await api.leads.importStatus.query({ id: recent })).toMatchObject({ status: 'uploaded' });
    // A worker still holding the abandoned import finds its file gone and changes nothing more.
    await run(abandoned);
    expect(await api.leads.importStatus.query({ id: abandoned })).toMatchObject({ status: 'failed', created: 0 });
  });

  it.each([
    { what: 'near the end of the file', after: 3 },
    { what: 'followed by more than a record may hold', after: 60_000 },
  ])(
    'an unterminated quote $what fails the import naming the line where its row starts',
    async ({ after }) => {
      const { api, token } = await company();
      const before = [phone(), phone()];
      const lines = ['name,phone', `First,${before[0]}`, `"Second`, `line",${before[1]}`, `"Broken,${phone()}`];
      for (let i = 0; i < after; i++) lines.push(`After ${i},${phone()}`);
      const csv = `${lines.join('\n')}\n`;
      // The long case makes the parser give up at its record bound, the short one at the end of the file.
      expect(csv.length > MAX_IMPORT_RECORD_BYTES).toBe(after > 1000);
      const { body } = await upload(token, csv, 'broken.csv');
      await api.leads.startImport.mutate({ importId: body.import.id, mapping: ['name', 'phone'] });
      await run(body.import.id);
      const status = await api.leads.importStatus.query({ id: body.import.id });
      expect(status).toMatchObject({ status: 'failed', rowsRead: 2, created: 2, rejected: 0 });
      expect(status.error).toMatch(/^Line 5 opens a quoted field that never closes/);
      expect(await storedChunks(body.import.id)).toBe(0);
      expect((await api.leads.count.query({})).count).toBe(2);
    },
    60_000,
  );
});

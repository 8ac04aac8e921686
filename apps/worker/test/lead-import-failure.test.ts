// The import worker's last attempt: the import ends failed, its stored file is deleted, and what the console reads
// as the reason is the domain's own words or, for an internal error, a generic reason naming the job, never the
// error's text.
import { Readable } from 'node:stream';
import { Company, FixedClock, LeadImport, receiveLeadImport, TenantScope } from '@switchboard/domain';
import { openTestServices, type TestServices } from '@switchboard/domain/testing';
import type { Job } from 'bullmq';
import type { Pool } from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { leadImportProcessor } from '../src/processors/lead-import.processor.ts';

const clock = new FixedClock('2026-07-01T08:00:00Z');
let services: TestServices;
beforeAll(async () => {
  services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:import-failure`,
    clock,
  });
});
afterAll(() => services.close());

async function startedImport(): Promise<string> {
  const em = services.orm.em.fork();
  const company = em.create(Company, { name: 'Failing Imports Co' });
  await em.flush();
  const scope = new TenantScope(services.orm.em.fork(), company.id, clock);
  const uploaded = await receiveLeadImport(scope, { filename: 'leads.csv', body: Readable.from(['name,phone\nAna,+14155550100\n']) });
  await em.nativeUpdate(LeadImport, { id: uploaded.import.id }, { status: 'queued', mapping: ['name', 'phone'] });
  return uploaded.import.id;
}

/** The job as BullMQ hands it over on its fifth and last attempt. */
const lastAttempt = (importId: string) =>
  ({ id: `import-${importId}`, data: { importId }, attemptsMade: 4, opts: { attempts: 5 } }) as unknown as Job;

const run = (importId: string) => leadImportProcessor({ em: services.orm.em, events: services.events, clock })(lastAttempt(importId));

async function chunks(importId: string): Promise<number> {
  const pool = (await services.orm.em.getConnection().getNativeClient()) as Pool;
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from lead_import_chunks where import_id = $1', [importId]);
  return rows[0]?.n ?? -1;
}

it('an internal error fails the import with a reason naming the job, not the error, and deletes its file', async () => {
  const importId = await startedImport();
  // A stored mapping the code cannot read: an internal error, whose text is for the log only.
  await services.orm.em.fork().nativeUpdate(LeadImport, { id: importId }, { mapping: ['secret_internal_column', 'phone'] });
  await expect(run(importId)).rejects.toThrow(/secret_internal_column/);
  const imp = await services.orm.em.fork().findOneOrFail(LeadImport, { id: importId });
  expect(imp.status).toBe('failed');
  expect(imp.error).toBe(
    `Stopped by an internal error, retried and logged by the worker (job import-${importId}); what was done before it stays`,
  );
  expect(await chunks(importId)).toBe(0);
});

it('a failure the domain explains keeps its words', async () => {
  const importId = await startedImport();
  const pool = (await services.orm.em.getConnection().getNativeClient()) as Pool;
  await pool.query('delete from lead_import_chunks where import_id = $1', [importId]);
  await expect(run(importId)).rejects.toThrow(/no longer stored/);
  const imp = await services.orm.em.fork().findOneOrFail(LeadImport, { id: importId });
  expect(imp).toMatchObject({ status: 'failed', error: 'The uploaded file is no longer stored: upload it again to import it' });
});

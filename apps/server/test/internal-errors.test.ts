// An internal failure never shows its text to a client: a tRPC INTERNAL_SERVER_ERROR and a 5xx of a plain route
// (the CSV upload here) answer with a generic message and a request id, and the server log has the real error under
// that id. The failures are real ones, raised by PostgreSQL through triggers that only these tests' rows meet.
import { randomUUID } from 'node:crypto';
import type { AppRouter } from '@switchboard/api';
import { createLogger } from '@switchboard/domain';
import { openTestServices, type TestServices, uniqueEmail } from '@switchboard/domain/testing';
import { TRPCClientError } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { createTestClient } from './test-server.ts';

const secret = `secret-detail-${randomUUID()}`;
const logLines: Record<string, unknown>[] = [];
let services: TestServices;
let app: FastifyInstance;
let url: string;
let pool: Pool;

beforeAll(async () => {
  services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:internal-errors`,
  });
  // The server's log, kept here to find the real error by the id the client was given.
  const logger = createLogger('server-test', 'error', {
    write: (line: string) => logLines.push(JSON.parse(line) as Record<string, unknown>),
  });
  app = await buildServer({ ...services, logger });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  pool = (await services.orm.em.getConnection().getNativeClient()) as Pool;
  // Refused by PostgreSQL with a message no client may see: leads named for this test, and this test's uploads.
  await pool.query(`create function fail_${secret.replaceAll('-', '_')}() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'leads' then
        if new.name = 'Fail Internally' then raise exception '${secret}'; end if;
      elsif exists (select 1 from lead_imports where id = new.import_id and filename = 'fail-internally.csv') then
        raise exception '${secret}';
      end if;
      return new;
    end $$`);
  for (const table of ['leads', 'lead_import_chunks'])
    await pool.query(
      `create trigger fail_${secret.replaceAll('-', '_')} before insert on ${table} for each row execute function fail_${secret.replaceAll('-', '_')}()`,
    );
});
afterAll(async () => {
  for (const table of ['leads', 'lead_import_chunks']) await pool.query(`drop trigger fail_${secret.replaceAll('-', '_')} on ${table}`);
  await pool.query(`drop function fail_${secret.replaceAll('-', '_')}()`);
  await app.close();
  await services.close();
});

async function signedIn() {
  const { token } = await createTestClient(url).auth.signUp.mutate({
    companyName: 'Failing Co',
    name: 'F',
    email: uniqueEmail(),
    password: 'password-1234',
  });
  return { api: createTestClient(url, token), token };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The log line that carries this request id, with the real error. */
const logged = (requestId: string) => logLines.find((line) => line.requestId === requestId);

describe('internal errors', () => {
  it('tRPC: INTERNAL_SERVER_ERROR carries a generic message and a request id; the log has the error under it', async () => {
    const { api } = await signedIn();
    const error = await api.leads.create.mutate({ name: 'Fail Internally', phone: '+14155550199' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    const failure = error as TRPCClientError<AppRouter>;
    const requestId = (failure.data as { requestId?: string } | undefined)?.requestId as string;
    expect(failure.data?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(failure.shape)).not.toContain(secret);
    expect(requestId).toMatch(UUID);
    expect(failure.message).toBe(`Something went wrong on the server: its log has the details under request id ${requestId}`);
    expect(JSON.stringify(logged(requestId))).toContain(secret);
  });

  it('a plain route: a 5xx carries a generic message and a request id; the log has the error under it', async () => {
    const { api, token } = await signedIn();
    const res = await fetch(`${url}/imports/leads?filename=fail-internally.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: 'name,phone\nAna,+14155550100\n',
    });
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).not.toContain(secret);
    const body = JSON.parse(text) as { error: string; requestId: string };
    expect(body.requestId).toMatch(UUID);
    expect(body.error).toBe(`Something went wrong on the server: its log has the details under request id ${body.requestId}`);
    expect(JSON.stringify(logged(body.requestId))).toContain(secret);
    // The failed upload's own record does not keep the internal text for the console either.
    const [failed] = await api.leads.imports.query();
    expect(failed).toMatchObject({ filename: 'fail-internally.csv', status: 'failed' });
    expect(failed?.error).not.toContain(secret);
  });

  it('a client error keeps its own message (404 for an unknown route)', async () => {
    const res = await fetch(`${url}/no-such-route`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404, message: 'Route GET:/no-such-route not found' });
  });
});

// Leads through the API: phones parsed to E.164 with reasons, time zones derived, the filtered list page by page,
// a lead's detail with its consent history and timeline, bulk operations, and tenancy for every procedure.
import { FixedClock, runBulkOperation, User } from '@switchboard/domain';
import { uniqueEmail } from '@switchboard/domain/testing';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';

const clock = new FixedClock('2026-06-01T10:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ prefix: 'leads', clock });
});
afterAll(() => server.close());

type Api = ReturnType<TestServer['client']>;

async function company() {
  const { token, user } = await server
    .client()
    .auth.signUp.mutate({ companyName: 'Lead Co', name: 'A', email: uniqueEmail(), password: 'password-1234' });
  return { api: server.client(token), user, token };
}

let phoneCounter = 0;
/** A valid US number no other test uses (+1 415 555 01xx style numbers are valid in libphonenumber). */
const nextPhone = () => `+1415${String(2000000 + ++phoneCounter).padStart(7, '0')}`;

/** Bulk jobs run as the worker would. */
async function runBulk(id: string) {
  await runBulkOperation({ em: server.services.orm.em, events: server.services.events, clock, queues: server.services.queues }, id);
}

describe('creating and editing leads', () => {
  it.each([
    { phone: '+1 (415) 555-0123', stored: '+14155550123', timezone: null },
    { phone: '0044 20 7946 0958', stored: '+442079460958', timezone: 'Europe/London' },
    { phone: 'whatsapp:+49 30 901820', stored: '+4930901820', timezone: 'Europe/Berlin' },
    { phone: '+91 98765 43210', stored: '+919876543210', timezone: 'Asia/Kolkata' },
  ])('$phone is stored as $stored with time zone $timezone', async ({ phone, stored, timezone }) => {
    const { api } = await company();
    const lead = await api.leads.create.mutate({ name: 'Ada', phone });
    expect(lead).toMatchObject({ phone: stored, timezone, preferredChannel: 'both', consent: 'none', status: 'new' });
  });

  it.each([
    { phone: '12345', reason: /country code/ },
    { phone: '+1 555 123 4567', reason: /not a valid phone number for the United States/ },
    { phone: '+44 20 7946', reason: /too short|wrong number of digits/ },
    { phone: 'call me', reason: /letters/ },
  ])('$phone is refused: $reason, on the phone field, and nothing is stored', async ({ phone, reason }) => {
    const { api } = await company();
    const data = await outcome(api.leads.create.mutate({ name: 'Ada', phone }));
    expect(data.code).toBe('BAD_REQUEST');
    expect(data.zodIssues?.find((i) => i.path[0] === 'phone')?.message).toMatch(reason);
    expect(await api.leads.list.query()).toEqual([]);
  });

  it('a given time zone wins; a bad one is refused; tags are normalised; the same phone twice is CONFLICT', async () => {
    const { api } = await company();
    const phone = nextPhone();
    const lead = await api.leads.create.mutate({ name: 'Bo', phone, timezone: 'America/Chicago', tags: [' VIP', 'vip', 'Solar '] });
    expect(lead).toMatchObject({ timezone: 'America/Chicago', tags: ['vip', 'solar'] });
    expect((await outcome(api.leads.create.mutate({ name: 'Bo again', phone }))).code).toBe('CONFLICT');
    expect((await outcome(api.leads.update.mutate({ id: lead.id, timezone: 'Mars/Olympus' }))).code).toBe('BAD_REQUEST');
    const edited = await api.leads.update.mutate({
      id: lead.id,
      status: 'qualified',
      customFields: { plan: 'gold' },
      preferredChannel: 'voice',
    });
    expect(edited).toMatchObject({
      status: 'qualified',
      customFields: { plan: 'gold' },
      preferredChannel: 'voice',
      timezone: 'America/Chicago',
    });
  });

  it('consent history keeps every change, who made it and from where; the detail shows it newest first', async () => {
    const { api, user } = await company();
    const lead = await api.leads.create.mutate({ name: 'Cy', phone: nextPhone(), whatsappOptIn: true, optInSource: 'web form' });
    clock.advance(1000);
    await api.leads.setConsent.mutate({ leadId: lead.id, channel: 'whatsapp', optIn: false, source: 'phone call' });
    const detail = await api.leads.get.query({ id: lead.id });
    expect(detail.lead.consent).toBe('opted_out');
    expect(detail.consentHistory.map((c) => [c.optIn, c.source, c.actor])).toEqual([
      [false, 'phone call', `user:${user.id}`],
      [true, 'web form', `user:${user.id}`],
    ]);
    expect(await api.leads.timeline.query({ id: lead.id })).toEqual([]);
  });
});

describe('the list', () => {
  async function seeded(api: Api) {
    const agent = await api.agents.create.mutate({ name: 'Ava', channels: ['whatsapp'] });
    const made = [];
    for (let i = 0; i < 12; i++) {
      clock.advance(1000);
      made.push(
        await api.leads.create.mutate({
          name: i % 3 === 0 ? `Zoë Müller ${i}` : `Lead ${i}`,
          phone: nextPhone(),
          email: i === 5 ? 'special_100@example.com' : i === 7 ? 'specialx100@example.com' : null,
          status: i % 2 ? 'contacted' : 'new',
          preferredChannel: i % 4 === 0 ? 'voice' : 'whatsapp',
          whatsappOptIn: i % 3 === 1,
          tags: i % 5 === 0 ? ['vip'] : [],
          ownerAgentId: i < 4 ? agent.id : null,
        }),
      );
    }
    return { agent, made: made.reverse() };
  }

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const { api } = await company();
    const { made } = await seeded(api);
    const first = await api.leads.list.query({ limit: 5 });
    const second = await api.leads.list.query({ limit: 5, after: first.at(-1)?.cursor });
    const third = await api.leads.list.query({ limit: 5, after: second.at(-1)?.cursor });
    expect([...first, ...second, ...third].map((l) => l.id)).toEqual(made.map((l) => l.id));
    expect(await api.leads.count.query({})).toEqual({ count: 12, capped: false });
  });

  it.each([
    { filter: { status: 'contacted' as const }, expected: (i: number) => i % 2 === 1 },
    { filter: { channel: 'voice' as const }, expected: (i: number) => i % 4 === 0 },
    { filter: { consent: 'opted_in' as const }, expected: (i: number) => i % 3 === 1 },
    { filter: { consent: 'none' as const }, expected: (i: number) => i % 3 !== 1 },
    { filter: { tag: 'VIP' }, expected: (i: number) => i % 5 === 0 },
    { filter: { search: 'zoë müller' }, expected: (i: number) => i % 3 === 0 },
    // LIKE's wildcards are literal: "_" matches only an underscore.
    { filter: { search: 'special_100' }, expected: (i: number) => i === 5 },
    { filter: { status: 'new' as const, channel: 'whatsapp' as const }, expected: (i: number) => i % 2 === 0 && i % 4 !== 0 },
  ])('filters by $filter', async ({ filter, expected }) => {
    const { api } = await company();
    const { made } = await seeded(api);
    const want = made.filter((_, k) => expected(11 - k)).map((l) => l.id);
    expect((await api.leads.list.query({ ...filter, limit: 100 })).map((l) => l.id)).toEqual(want);
    expect((await api.leads.count.query(filter)).count).toBe(want.length);
  });

  it('searches a phone as people type it, an email by its start and a name anywhere in it', async () => {
    const { api } = await company();
    const london = await api.leads.create.mutate({ name: 'Priya Shah', phone: '+44 20 7946 0958', email: 'Priya.Shah@Example.co.uk' });
    const sf = await api.leads.create.mutate({ name: 'Sam Ortiz', phone: '+1 415 200 0958', email: 'sam@ortiz.example' });
    const other = await api.leads.create.mutate({ name: 'Ola Nordmann', phone: '+47 412 34 567', email: 'ola@example.no' });
    const found = async (search: string) => (await api.leads.list.query({ search })).map((l) => l.name).sort();
    const cases: [string, string[]][] = [
      ['+44 20 7946 0958', ['Priya Shah']],
      ['0044 20', ['Priya Shah']],
      ['020 7946 0958', ['Priya Shah']], // the national number, with its trunk 0
      ['(415) 200-0958', ['Sam Ortiz']],
      ['1415200', ['Sam Ortiz']], // the start, with the country code but no plus
      ['0958', ['Priya Shah', 'Sam Ortiz']], // the last digits
      ['+1 41', ['Sam Ortiz']],
      ['+4', []], // too few digits to search as a phone
      ['priya.shah@example', ['Priya Shah']],
      ['OLA@', ['Ola Nordmann']],
      ['example.no', []], // an email is found by its start
      ['ortiz', ['Sam Ortiz']], // in the name
      ['rdman', ['Ola Nordmann']],
      ['7946 09', []], // the middle of a number
    ];
    for (const [search, names] of cases) expect([search, await found(search)]).toEqual([search, names]);
    expect(await api.leads.count.query({ search: '0958' })).toEqual({ count: 2, capped: false });
    expect([london.phone, sf.phone, other.phone]).toEqual(['+442079460958', '+14152000958', '+4741234567']);
  });

  it('filters by owner agent, and by no agent', async () => {
    const { api } = await company();
    const { agent } = await seeded(api);
    expect(await api.leads.list.query({ agentId: agent.id })).toHaveLength(4);
    expect(await api.leads.list.query({ agentId: 'none' })).toHaveLength(8);
  });
});

describe('bulk operations', () => {
  it('sets a channel on a filter; leads already on it are counted, not silently skipped', async () => {
    const { api } = await company();
    for (let i = 0; i < 6; i++)
      await api.leads.create.mutate({ name: `L${i}`, phone: nextPhone(), preferredChannel: i < 2 ? 'voice' : 'both' });
    const op = await api.leads.bulk.mutate({ target: { filter: {} }, action: { kind: 'setChannel', channel: 'voice' } });
    expect(op.status).toBe('queued');
    await runBulk(op.id);
    expect(await api.leads.bulkStatus.query({ id: op.id })).toMatchObject({
      status: 'done',
      total: 6,
      processed: 6,
      affected: 4,
      skipped: { 'Already on that channel': 2 },
    });
    expect((await api.leads.count.query({ channel: 'voice' })).count).toBe(6);
  });

  it('tags the leads a search finds, and only them', async () => {
    const { api } = await company();
    const names = ['Zoë Müller', 'Ana Silva', 'Max Mueller', 'Jo Müller-Lang', 'Ben Okafor'];
    for (const name of names) await api.leads.create.mutate({ name, phone: nextPhone() });
    const op = await api.leads.bulk.mutate({ target: { filter: { search: 'müller' } }, action: { kind: 'addTag', tag: 'dach' } });
    await runBulk(op.id);
    expect(await api.leads.bulkStatus.query({ id: op.id })).toMatchObject({ status: 'done', total: 2, processed: 2, affected: 2 });
    const tagged = await api.leads.list.query({ tag: 'dach' });
    expect(tagged.map((l) => l.name).sort()).toEqual(['Jo Müller-Lang', 'Zoë Müller']);
  });

  it('consent in bulk needs a source, never re-opts-in an opted-out lead, and records history', async () => {
    const { api } = await company();
    const out = await api.leads.create.mutate({ name: 'Out', phone: nextPhone(), whatsappOptIn: true, optInSource: 'form' });
    await api.leads.setConsent.mutate({ leadId: out.id, channel: 'whatsapp', optIn: false, source: 'asked by phone' });
    const fresh = await api.leads.create.mutate({ name: 'Fresh', phone: nextPhone() });
    const already = await api.leads.create.mutate({ name: 'Already', phone: nextPhone(), whatsappOptIn: true, optInSource: 'form' });
    expect(
      (await outcome(api.leads.bulk.mutate({ target: { ids: [fresh.id] }, action: { kind: 'setConsent', optIn: true, source: '' } }))).code,
    ).toBe('BAD_REQUEST');
    const op = await api.leads.bulk.mutate({
      target: { ids: [out.id, fresh.id, already.id] },
      action: { kind: 'setConsent', optIn: true, source: 'trade show list' },
    });
    await runBulk(op.id);
    const done = await api.leads.bulkStatus.query({ id: op.id });
    expect(done).toMatchObject({ affected: 1, processed: 3 });
    expect(done.skipped).toEqual({
      'Already opted in': 1,
      'Opted out: only the lead, or a change on the lead’s own page, can opt them back in': 1,
    });
    const detail = await api.leads.get.query({ id: fresh.id });
    expect(detail.lead).toMatchObject({ consent: 'opted_in', whatsappOptInSource: 'trade show list' });
    expect(detail.consentHistory[0]).toMatchObject({ optIn: true, source: 'trade show list' });
  });

  it('a STOP that commits after the page was read and before its update stands: no opt-in, no opt-in event', async () => {
    const { api } = await company();
    const lead = await api.leads.create.mutate({ name: 'Late Stop', phone: nextPhone() });
    const pool = (await server.services.orm.em.getConnection().getNativeClient()) as Pool;
    // The lead's STOP, as the inbound path applies it: a transaction holding the lead's row while the bulk job runs.
    const stop = await pool.connect();
    try {
      await stop.query('begin');
      const {
        rows: [me],
      } = await stop.query<{ pid: number }>('select pg_backend_pid() as pid');
      await stop.query('select id from leads where id = $1 for update', [lead.id]);
      const op = await api.leads.bulk.mutate({
        target: { ids: [lead.id] },
        action: { kind: 'setConsent', optIn: true, source: 'trade show list' },
      });
      const running = runBulk(op.id);
      // The job has read the page (the lead not opted out) and now waits for the row to write its opt-in.
      const waiting = async () =>
        (
          await pool.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [
            me?.pid,
          ])
        ).rows[0]?.n;
      for (const until = Date.now() + 20_000; (await waiting()) === 0; ) {
        if (Date.now() > until) throw new Error('the bulk job never reached its update');
        await new Promise((resolve) => setImmediate(resolve));
      }
      const at = clock.now();
      await stop.query('update leads set whatsapp_opt_in = false, whatsapp_opted_out_at = $2 where id = $1', [lead.id, at]);
      await stop.query(
        `insert into consent_events (id, company_id, lead_id, channel, opt_in, source, actor, occurred_at)
         select gen_random_uuid(), company_id, id, 'whatsapp', false, 'WhatsApp keyword: STOP', 'lead:' || phone, $2 from leads where id = $1`,
        [lead.id, at],
      );
      await stop.query('commit');
      await running;
      const done = await api.leads.bulkStatus.query({ id: op.id });
      expect(done).toMatchObject({ status: 'done', processed: 1, affected: 0 });
      expect(done.skipped).toEqual({ 'Opted out: only the lead, or a change on the lead’s own page, can opt them back in': 1 });
    } finally {
      await stop.query('rollback').catch(() => undefined);
      stop.release();
    }
    const detail = await api.leads.get.query({ id: lead.id });
    expect(detail.lead.consent).toBe('opted_out');
    expect(detail.consentHistory.map((c) => [c.optIn, c.source])).toEqual([[false, 'WhatsApp keyword: STOP']]);
  });

  it('tags, untags and assigns an agent to a selection', async () => {
    const { api } = await company();
    const agent = await api.agents.create.mutate({ name: 'Ava', channels: ['voice'] });
    const a = await api.leads.create.mutate({ name: 'A', phone: nextPhone(), tags: ['hot'] });
    const b = await api.leads.create.mutate({ name: 'B', phone: nextPhone() });
    for (const action of [
      { kind: 'addTag' as const, tag: 'Hot' },
      { kind: 'removeTag' as const, tag: 'cold' },
      { kind: 'assignAgent' as const, agentId: agent.id },
    ]) {
      const op = await api.leads.bulk.mutate({ target: { ids: [a.id, b.id] }, action });
      await runBulk(op.id);
    }
    expect((await api.leads.get.query({ id: b.id })).lead).toMatchObject({ tags: ['hot'], ownerAgentId: agent.id });
    expect((await api.leads.get.query({ id: a.id })).lead).toMatchObject({ tags: ['hot'], ownerAgentId: agent.id });
  });
});

describe('tenancy and roles', () => {
  it('another company’s lead, agent or operation is NOT_FOUND in every procedure', async () => {
    const a = await company();
    const b = await company();
    const lead = await a.api.leads.create.mutate({ name: 'Mine', phone: nextPhone() });
    const agent = await a.api.agents.create.mutate({ name: 'Mine', channels: ['voice'] });
    const op = await a.api.leads.bulk.mutate({ target: { ids: [lead.id] }, action: { kind: 'addTag', tag: 'x' } });
    const codes = await Promise.all(
      [
        b.api.leads.get.query({ id: lead.id }),
        b.api.leads.timeline.query({ id: lead.id }),
        b.api.leads.update.mutate({ id: lead.id, name: 'Stolen' }),
        b.api.leads.setConsent.mutate({ leadId: lead.id, channel: 'whatsapp', optIn: true, source: 'x' }),
        b.api.leads.bulkStatus.query({ id: op.id }),
        b.api.leads.create.mutate({ name: 'X', phone: nextPhone(), ownerAgentId: agent.id }),
        b.api.leads.bulk.mutate({ target: { ids: [lead.id] }, action: { kind: 'assignAgent', agentId: agent.id } }),
        b.api.agents.get.query({ id: agent.id }),
        b.api.agents.update.mutate({ id: agent.id, name: 'Stolen' }),
        b.api.agents.archive.mutate({ id: agent.id }),
        b.api.agents.preview.query({ agentId: agent.id, leadId: lead.id }),
      ].map(async (call) => (await outcome(call)).code),
    );
    expect(codes).toEqual(Array(11).fill('NOT_FOUND'));
    // A bulk operation of B that names A's lead changes nothing of A's.
    const foreign = await b.api.leads.bulk.mutate({ target: { ids: [lead.id] }, action: { kind: 'addTag', tag: 'stolen' } });
    await runBulk(foreign.id);
    expect(await b.api.leads.bulkStatus.query({ id: foreign.id })).toMatchObject({ processed: 0, affected: 0 });
    expect((await a.api.leads.get.query({ id: lead.id })).lead.tags).toEqual([]);
    expect(await b.api.leads.list.query()).toEqual([]);
    expect(await b.api.leads.imports.query()).toEqual([]);
  });

  it('an operator may read and edit leads but not run bulk operations or imports', async () => {
    const { api, user, token } = await company();
    const lead = await api.leads.create.mutate({ name: 'Op', phone: nextPhone() });
    await server.services.orm.em.fork().nativeUpdate(User, { id: user.id }, { role: 'operator' });
    const operator = server.client(token);
    expect((await outcome(operator.leads.update.mutate({ id: lead.id, status: 'contacted' }))).code).toBe('OK');
    expect((await outcome(operator.leads.bulk.mutate({ target: { ids: [lead.id] }, action: { kind: 'addTag', tag: 'x' } }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

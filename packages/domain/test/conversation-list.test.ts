// The Conversations list: one row per lead, newest conversation first by its last message in or out, read from the
// index on the sessions' last-message time (the newest N, not every session of the company), paged by a cursor.
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FixedClock } from '../src/clock/clock.ts';
import { applyInboundMessage } from '../src/conversations/apply-inbound-message.ts';
import { CONVERSATION_LIST_STATEMENTS, listConversations } from '../src/conversations/conversation-list.ts';
import { queueOutboundMessage } from '../src/conversations/queue-outbound-message.ts';
import { newId } from '../src/db/new-id.ts';
import { Lead } from '../src/entities/lead.ts';
import { WhatsappSession } from '../src/entities/whatsapp-session.ts';
import { TenantScope } from '../src/tenancy/tenant-scope.ts';
import { openTestServices, type TestServices } from '../src/testing/index.ts';

let services: TestServices;
const clock = new FixedClock('2026-06-01T10:00:00Z');

beforeAll(async () => {
  services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:conversation-list`,
    clock,
  });
});
afterAll(async () => {
  await services?.close();
});

const sql = <T>(query: string, params: unknown[] = []) => services.orm.em.getConnection().execute<T[]>(query, params);
const scopeOf = (companyId: string) => new TenantScope(services.orm.em.fork(), companyId, clock);
const at = (minutes: number) => new Date(Date.parse('2026-06-01T09:00:00Z') + minutes * 60_000);

async function company(): Promise<{ companyId: string; providerId: string }> {
  const companyId = newId();
  const providerId = newId();
  await sql(`insert into companies (id, name, created_at) values (?, 'Harbor Realty', now())`, [companyId]);
  await sql(
    `insert into whatsapp_providers (id, company_id, kind, sender, active, created_at, updated_at)
     values (?, ?, 'simulator', '+15550100000', true, now(), now())`,
    [providerId, companyId],
  );
  return { companyId, providerId };
}

async function provider(companyId: string): Promise<string> {
  const id = newId();
  await sql(
    `insert into whatsapp_providers (id, company_id, kind, sender, active, created_at, updated_at)
     values (?, ?, 'simulator', '+15550100001', false, now(), now())`,
    [id, companyId],
  );
  return id;
}

let phone = 3_000_000;
async function lead(companyId: string, name: string): Promise<string> {
  const id = newId();
  await sql(
    `insert into leads (id, company_id, name, phone, whatsapp_opt_in, tags, custom_fields, created_at, updated_at)
     values (?, ?, ?, ?, true, '{}', '{}', now(), now())`,
    [id, companyId, name, `+1415${++phone}`],
  );
  return id;
}

/** A session of the lead with that provider, holding one message per minute given (in or out). */
async function session(
  companyId: string,
  leadId: string,
  providerId: string,
  messages: { minute: number; body: string; direction?: 'inbound' | 'outbound' }[],
  extra: { unread?: number; windowEndsAt?: Date } = {},
): Promise<string> {
  const id = newId();
  const last = Math.max(...messages.map((m) => m.minute));
  await sql(
    `insert into whatsapp_sessions (id, company_id, lead_id, provider_id, unread_count, window_ends_at, last_message_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      companyId,
      leadId,
      providerId,
      extra.unread ?? 0,
      extra.windowEndsAt ?? null,
      at(last),
      at(Math.min(...messages.map((m) => m.minute))),
    ],
  );
  for (const m of messages) {
    const direction = m.direction ?? 'inbound';
    await sql(
      `insert into messages (id, company_id, lead_id, session_id, direction, kind, body, status, created_at)
       values (?, ?, ?, ?, ?, 'text', ?, ?, ?)`,
      [newId(), companyId, leadId, id, direction, m.body, direction === 'inbound' ? 'received' : 'sent', at(m.minute)],
    );
  }
  return id;
}

describe('the conversation list', () => {
  it('has one row per lead, even when the lead has sessions with two providers', async () => {
    const { companyId, providerId } = await company();
    const second = await provider(companyId);
    const ana = await lead(companyId, 'Ana Silva');
    const ben = await lead(companyId, 'Ben Khan');
    await session(companyId, ana, providerId, [{ minute: 1, body: 'old number' }], { unread: 2, windowEndsAt: at(60 * 24 + 1) });
    await session(companyId, ana, second, [{ minute: 30, body: 'new number' }], { unread: 1, windowEndsAt: at(60 * 24 + 30) });
    await session(companyId, ben, providerId, [{ minute: 10, body: 'hello' }]);

    const list = await listConversations(scopeOf(companyId));
    expect(list.map((c) => [c.leadName, c.lastMessage?.body, c.unreadCount, c.windowEndsAt])).toEqual([
      ['Ana Silva', 'new number', 3, at(60 * 24 + 30).toISOString()],
      ['Ben Khan', 'hello', 0, null],
    ]);
  });

  it('pages with a cursor reach every conversation once, newest first', async () => {
    const { companyId, providerId } = await company();
    const names = ['Cleo', 'Dev', 'Emma', 'Femi', 'Gus', 'Hana', 'Ivan'];
    for (const [i, name] of names.entries()) {
      // Two conversations share a minute: the order between them is still exact.
      await session(companyId, await lead(companyId, name), providerId, [{ minute: i === 3 ? 2 : i, body: name }]);
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const items = await listConversations(scopeOf(companyId), { limit: 3, after });
      seen.push(...items.map((c) => c.leadName));
      if (items.length < 3) break;
      after = items.at(-1)?.cursor;
    }
    expect(seen).toHaveLength(names.length);
    expect(new Set(seen).size).toBe(names.length);
    expect(seen.slice(0, 3)).toEqual(['Ivan', 'Hana', 'Gus']);
    await expect(listConversations(scopeOf(companyId), { after: 'not-a-place' })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('follows the last message in or out: inbound and outbound messages both keep the session’s last-message time', async () => {
    const { companyId, providerId } = await company();
    const scope = scopeOf(companyId);
    const inbound = (phone: string, minute: number, body: string) =>
      applyInboundMessage(services.orm.em.fork(), services.events, {
        companyId,
        providerId,
        params: { MessageSid: `SM${newId().replaceAll('-', '')}`, From: `whatsapp:${phone}`, Body: body },
        at: at(minute),
      });
    const first = await inbound('+14155551001', 1, 'first');
    const second = await inbound('+14155551002', 2, 'second');
    await services.orm.em.fork().nativeUpdate(Lead, { id: first?.leadId as string }, { whatsappOptIn: true });
    clock.set(at(3));
    await queueOutboundMessage(scope, services, { kind: 'text', leadId: first?.leadId as string, text: 'answer' });
    // A webhook that arrives late, for a message written before the answer, does not move the conversation back.
    await inbound('+14155551001', 0, 'late');

    const list = await listConversations(scopeOf(companyId));
    expect(list.map((c) => [c.leadId, c.lastMessage?.body, c.lastMessage?.direction])).toEqual([
      [first?.leadId, 'answer', 'outbound'],
      [second?.leadId, 'second', 'inbound'],
    ]);
    const sessions = await services.orm.em.fork().find(WhatsappSession, { company: companyId }, { orderBy: { lastMessageAt: 'desc' } });
    expect(sessions.map((s) => s.lastMessageAt?.toISOString())).toEqual([at(3).toISOString(), at(2).toISOString()]);
  });

  it('reads the newest sessions by the index, not every session of the company', async () => {
    const { companyId, providerId } = await company();
    const total = 3000;
    // A company with many conversations, each with two messages, written in bulk.
    await sql(
      `insert into leads (id, company_id, name, phone, whatsapp_opt_in, tags, custom_fields, created_at, updated_at)
       select gen_random_uuid(), ?, 'Lead ' || i, '+1416' || (2000000 + i), true, '{}', '{}', now(), now() from generate_series(1, ?) i`,
      [companyId, total],
    );
    await sql(
      `insert into whatsapp_sessions (id, company_id, lead_id, provider_id, unread_count, last_message_at, created_at)
       select gen_random_uuid(), company_id, id, ?, 1, ?::timestamptz - (row_number() over (order by id)) * interval '1 minute', now()
       from leads where company_id = ?`,
      [providerId, at(0), companyId],
    );
    for (const offset of [0, 1]) {
      await sql(
        `insert into messages (id, company_id, lead_id, session_id, direction, kind, body, status, created_at)
         select gen_random_uuid(), company_id, lead_id, id, 'inbound', 'text', 'hi', 'received', last_message_at - ? * interval '1 minute'
         from whatsapp_sessions where company_id = ?`,
        [offset, companyId],
      );
    }
    await sql('analyze leads, whatsapp_sessions, messages');

    const list = await listConversations(scopeOf(companyId), { limit: 50 });
    expect(list).toHaveLength(50);

    // The statement the list runs, explained as PostgreSQL runs it once prepared: with the values (the first few
    // times) and with its generic plan (from then on).
    const pool = (await services.orm.em.getConnection().getNativeClient()) as Pool;
    const client = await pool.connect();
    try {
      await client.query(`prepare conversation_list_plan as ${CONVERSATION_LIST_STATEMENTS.first}`);
      for (const mode of ['force_custom_plan', 'force_generic_plan']) {
        await client.query(`set plan_cache_mode = ${mode}`);
        const explained = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
          `explain (analyze, format json) execute conversation_list_plan('${companyId}', 50)`,
        );
        const plan = explained.rows[0]?.['QUERY PLAN'][0]?.Plan as PlanNode;
        // About two rows a conversation shown (it and its lead's sessions), never the company's 3,000.
        expect({ mode, sessions: rowsRead(plan, 'whatsapp_sessions') <= 50 * 3 }).toEqual({ mode, sessions: true });
        expect({ mode, messages: rowsRead(plan, 'messages') }).toEqual({ mode, messages: 50 });
        expect({ mode, leads: rowsRead(plan, 'leads') }).toEqual({ mode, leads: 50 });
      }
    } finally {
      await client.query('deallocate conversation_list_plan').catch(() => undefined);
      await client.query('reset plan_cache_mode');
      client.release();
    }
  });
});

const rowsRead = (node: PlanNode, relation: string): number =>
  (node['Relation Name'] === relation ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'] : 0) +
  (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child, relation), 0);

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

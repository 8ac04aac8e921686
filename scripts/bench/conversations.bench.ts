// The Conversations list at scale: a company with 100,000 WhatsApp sessions (each with messages, some leads with a
// session on two numbers), and `conversations.list` asked over tRPC, authenticated, by a real server process, the
// way the console asks: the first page, then older pages through the cursor. Beside it, for comparison, the query
// the list ran before issue 20 (every session of the company joined to its last message, then sorted), timed in SQL
// alone. CONVERSATIONS_BENCH_SESSIONS sets another size.
import { CONVERSATION_LIST_STATEMENTS, listConversations, openOrm, systemClock, TenantScope } from '@switchboard/domain';
import pg from 'pg';
import { type Figure, percentile } from './measure.ts';
import { freePort, startProcess, waitForHttp } from './processes.ts';

interface Env {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

const SESSIONS = Number(process.env.CONVERSATIONS_BENCH_SESSIONS ?? 100_000);
const MESSAGES_PER_SESSION = 3;
/** One lead in fifty also wrote to the company's second number: two sessions, one conversation. */
const SECOND_NUMBER_EVERY = 50;

const PREVIOUS_QUERY = `select s.lead_id, l.name, l.phone, l.whatsapp_opt_in, s.unread_count, s.window_ends_at,
       m.body, m.kind, m.direction, m.status, m.created_at
  from whatsapp_sessions s
  join leads l on l.id = s.lead_id
  left join lateral (
    select body, kind, direction, status, created_at from messages
    where messages.lead_id = s.lead_id order by created_at desc limit 1
  ) m on true
  where s.company_id = $1
  order by coalesce(m.created_at, s.last_message_at, s.created_at) desc
  limit 100`;

/** Leads, their sessions (last message spread over 90 days) and their messages, written in bulk. */
async function seed(sql: pg.Pool, companyId: string, providerId: string, secondProviderId: string): Promise<void> {
  const chunk = 25_000;
  for (let from = 1; from <= SESSIONS; from += chunk) {
    const to = Math.min(SESSIONS, from + chunk - 1);
    await sql.query(
      `insert into leads (id, company_id, name, phone, preferred_channel, whatsapp_opt_in, status, tags, custom_fields, created_at, updated_at)
       select gen_random_uuid(), $1, 'Lead ' || i, '+1415' || (2000000 + i), 'whatsapp', i % 3 <> 0, 'new', '{}', '{}', now(), now()
       from generate_series($2::int, $3::int) i`,
      [companyId, from, to],
    );
  }
  // The newest message of lead i is i minutes after the start of a 90-day span, give or take: interleaved, not in
  // insertion order, so the index order is not the table order.
  await sql.query(
    `insert into whatsapp_sessions (id, company_id, lead_id, provider_id, last_inbound_at, window_ends_at, unread_count, last_message_at, created_at)
     select gen_random_uuid(), l.company_id, l.id, $2, t.at, t.at + interval '24 hours', (n % 4), t.at, t.at - interval '3 days'
     from (select id, company_id, row_number() over () as n from leads where company_id = $1) l
     cross join lateral (select now() - ((n * 7919) % (90 * 24 * 60)) * interval '1 minute' as at) t`,
    [companyId, providerId],
  );
  await sql.query(
    `insert into whatsapp_sessions (id, company_id, lead_id, provider_id, last_inbound_at, window_ends_at, unread_count, last_message_at, created_at)
     select gen_random_uuid(), s.company_id, s.lead_id, $2, s.last_message_at - interval '2 days', s.last_message_at - interval '1 day', 1,
            s.last_message_at - interval '2 days', s.created_at
     from whatsapp_sessions s where s.company_id = $1 and s.provider_id = $3 and abs(hashtext(s.lead_id::text)) % $4 = 0`,
    [companyId, secondProviderId, providerId, SECOND_NUMBER_EVERY],
  );
  await sql.query(
    `insert into messages (id, company_id, lead_id, session_id, direction, kind, body, status, created_at)
     select gen_random_uuid(), s.company_id, s.lead_id, s.id, case when k % 2 = 0 then 'inbound' else 'outbound' end, 'text',
            'Message ' || k || ' about the viewing', case when k % 2 = 0 then 'received' else 'read' end,
            s.last_message_at - (k - 1) * interval '7 minutes'
     from whatsapp_sessions s cross join generate_series(1, $2::int) k where s.company_id = $1`,
    [companyId, MESSAGES_PER_SESSION],
  );
  await sql.query('analyze leads, whatsapp_sessions, messages');
}

export async function benchConversations(env: Env): Promise<Figure[]> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startProcess('apps/server/src/main.ts', {
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: env.redisPrefix,
    SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
    LOG_LEVEL: 'warn',
    PUBLIC_URL: url,
    PORT: String(port),
  });
  const sql = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
  try {
    await waitForHttp(`${url}/healthz`);
    const call = async <T>(path: string, input: unknown, token?: string, method: 'GET' | 'POST' = 'POST'): Promise<T> => {
      const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const res =
        method === 'POST'
          ? await fetch(`${url}/trpc/${path}`, { method, headers, body: JSON.stringify(input) })
          : await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
      const body = (await res.json()) as { result?: { data: T }; error?: unknown };
      if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
      return body.result.data;
    };
    const { token, user } = await call<{ token: string; user: { companyId: string } }>('auth.signUp', {
      companyName: 'Conversations bench',
      name: 'B',
      email: `conversations-bench-${Date.now()}@example.test`,
      password: 'bench-password',
    });
    const provider = await call<{ id: string }>('providers.upsertWhatsApp', { kind: 'simulator', from: '+15550100000' }, token);
    const second = await sql.query<{ id: string }>(
      `insert into whatsapp_providers (id, company_id, kind, sender, active, created_at, updated_at)
       values (gen_random_uuid(), $1, 'simulator', '+15550100001', false, now(), now()) returning id`,
      [user.companyId],
    );
    const seedStart = performance.now();
    await seed(sql, user.companyId, provider.id, second.rows[0]?.id as string);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const sessions = Number(
      (await sql.query('select count(*) as n from whatsapp_sessions where company_id = $1', [user.companyId])).rows[0].n,
    );

    type Summary = { leadId: string; cursor: string };
    const list = (input: { after?: string }) => call<Summary[]>('conversations.list', input, token, 'GET');
    // Warm-up: the server's first requests compile code and fill PostgreSQL's caches.
    for (let i = 0; i < 30; i++) await list({});

    // The console's first page, asked one at a time as a console does; between two, the cheapest authenticated
    // call (auth.me: HTTP, tRPC and the token check, one indexed read), which shows what the machine gives any request
    // at that moment, since this machine's speed drifts.
    const firstPage: number[] = [];
    const me: number[] = [];
    let firstItems: Summary[] = [];
    for (let i = 0; i < 300; i++) {
      let t0 = performance.now();
      firstItems = await list({});
      firstPage.push(performance.now() - t0);
      t0 = performance.now();
      await call('auth.me', undefined, token, 'GET');
      me.push(performance.now() - t0);
    }
    // Older pages: through the cursor, five pages deep.
    const olderPages: number[] = [];
    for (let round = 0; round < 40; round++) {
      let after = firstItems.at(-1)?.cursor;
      for (let page = 0; page < 5 && after; page++) {
        const t0 = performance.now();
        const items = await list({ after });
        olderPages.push(performance.now() - t0);
        after = items.at(-1)?.cursor;
      }
    }
    const leadsOnFirstPage = new Set(firstItems.map((c) => c.leadId)).size;
    if (firstItems.length !== 100 || leadsOnFirstPage !== 100)
      throw new Error(`first page: ${firstItems.length} rows, ${leadsOnFirstPage} leads`);

    // The list in this process, straight on the database (no HTTP, no auth): the statement's own share.
    const orm = await openOrm(env.databaseUrl);
    const direct: number[] = [];
    try {
      for (let i = 0; i < 100; i++) {
        const t0 = performance.now();
        await listConversations(new TenantScope(orm.em.fork(), user.companyId, systemClock));
        direct.push(performance.now() - t0);
      }
    } finally {
      await orm.close();
    }
    // PostgreSQL's own time for the statement (EXPLAIN ANALYZE of the prepared statement): what the index buys,
    // least touched by how busy the machine is.
    const executions: number[] = [];
    const client = await sql.connect();
    try {
      await client.query(`prepare bench_conversation_list as ${CONVERSATION_LIST_STATEMENTS.first}`);
      for (let i = 0; i < 50; i++) {
        const explained = await client.query<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(
          `explain (analyze, format json) execute bench_conversation_list('${user.companyId}', 100)`,
        );
        executions.push(explained.rows[0]?.['QUERY PLAN'][0]?.['Execution Time'] ?? Number.NaN);
      }
    } finally {
      await client.query('deallocate bench_conversation_list').catch(() => undefined);
      client.release();
    }
    // The previous query, in SQL only (no HTTP, no auth): what each live event used to cost the server.
    const previous: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await sql.query(PREVIOUS_QUERY, [user.companyId]);
      previous.push(performance.now() - t0);
    }
    for (const series of [firstPage, me, olderPages, direct, executions, previous]) series.sort((a, b) => a - b);

    const count = sessions.toLocaleString('en-US');
    return [
      {
        name: `conversations.list over tRPC, first page of 100, ${count} sessions, p95`,
        value: percentile(firstPage, 95),
        unit: 'ms',
        baseline: { name: 'p50', value: percentile(firstPage, 50) },
        target: '< 20 ms',
      },
      {
        name: 'conversations.list, older pages through the cursor (2nd–6th), p95',
        value: percentile(olderPages, 95),
        unit: 'ms',
        baseline: { name: 'p50', value: percentile(olderPages, 50) },
        target: '< 20 ms',
      },
      {
        name: 'auth.me over tRPC between those requests (HTTP + token check only: the machine at that moment), p95',
        value: percentile(me, 95),
        unit: 'ms',
        baseline: { name: 'p50', value: percentile(me, 50) },
      },
      {
        name: 'listConversations on the database alone (no HTTP), first page, p95',
        value: percentile(direct, 95),
        unit: 'ms',
        baseline: { name: 'p50', value: percentile(direct, 50) },
      },
      {
        name: 'the list statement inside PostgreSQL (EXPLAIN ANALYZE execution), first page, p95',
        value: percentile(executions, 95),
        unit: 'ms',
        baseline: { name: 'p50', value: percentile(executions, 50) },
      },
      {
        name: 'the list query before issue 20, SQL alone, p50',
        value: percentile(previous, 50),
        unit: 'ms',
        baseline: { name: 'max', value: previous.at(-1) as number },
      },
      { name: `seeding ${count} sessions × ${MESSAGES_PER_SESSION} messages`, value: seedSeconds, unit: 's' },
    ];
  } finally {
    await sql.end();
    await server.stop();
  }
}

// A search's page comes from the newest leads when they fill it, and from the search indexes when they do not
// (pageOfLeads): either way the pages, read one after another, are exactly the matching leads newest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/new-id.ts';
import { type Orm, openOrm } from '../../src/db/orm.ts';
import { type LeadFilter, pageOfLeads, SEARCH_WALK_PER_ROW } from '../../src/leads/lead-query.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/index.ts';

let db: TestDatabase;
let orm: Orm;
const companyId = newId();
const otherCompanyId = newId();
const LIMIT = 2;
/** Leads past the walk of one page: a search whose matches are only among them needs the search indexes. */
const OLD = 20;
const NEW = LIMIT * SEARCH_WALK_PER_ROW + 30;

/** Names in creation order, oldest first: rare old names, then common new ones, a few rare among them. */
const names = [
  ...Array.from({ length: OLD }, (_, i) => (i % 4 === 0 ? `Zed Okafor ${i}` : `Old Smith ${i}`)),
  ...Array.from({ length: NEW }, (_, i) => (i % 40 === 7 ? `Zed Novak ${OLD + i}` : `Ana Silva ${OLD + i}`)),
];

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openOrm(db.url);
  const connection = orm.em.getConnection();
  for (const [id, name] of [
    [companyId, 'Acme'],
    [otherCompanyId, 'Other'],
  ])
    await connection.execute(`insert into companies (id, name, created_at) values (?, ?, now())`, [id, name]);
  // One lead a second, oldest first; every other lead qualified. The other company's leads match every search.
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (const [i, name] of names.entries()) {
    await connection.execute(
      `insert into leads (id, company_id, name, phone, email, status, tags, custom_fields, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, '{}', '{}', ?, ?), (?, ?, ?, ?, null, 'new', '{}', '{}', ?, ?)`,
      [
        ...[newId(), companyId, name, `+1415${2_000_000 + i}`, `${name.split(' ')[0]?.toLowerCase()}${i}@example.com`],
        ...[i % 2 ? 'qualified' : 'new', new Date(start + i * 1000), new Date(start + i * 1000)],
        ...[newId(), otherCompanyId, name, `+1415${2_000_000 + i}`, new Date(start + i * 1000), new Date(start + i * 1000)],
      ],
    );
  }
  await connection.execute('analyze leads');
});
afterAll(async () => {
  await orm.close();
  await db.drop();
});

/** Every page of the filter, read one after another by cursor: the names in the order the list shows them. */
async function allPages(filter: LeadFilter): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await pageOfLeads(orm.em.fork(), companyId, { filter, after, limit: LIMIT });
    if (page.length === 0) return pages;
    pages.push(page.map((l) => l.name));
    after = page.at(-1)?.cursor;
  }
}

/** The names matching, newest first, as pages of LIMIT. */
function expected(matches: (name: string, index: number) => boolean): string[][] {
  const newestFirst = names.map((name, i) => ({ name, i })).reverse();
  const found = newestFirst.filter(({ name, i }) => matches(name, i)).map(({ name }) => name);
  return Array.from({ length: Math.ceil(found.length / LIMIT) }, (_, p) => found.slice(p * LIMIT, (p + 1) * LIMIT));
}

describe('leads.list pages of a search', () => {
  it.each([
    ['only old leads match: the search indexes answer', { search: 'okafor' }, (n: string) => n.includes('Okafor')],
    ['most new leads match: the newest leads fill each page', { search: 'ana silva' }, (n: string) => n.includes('Ana Silva')],
    ['a few new and a few old match', { search: 'zed' }, (n: string) => n.startsWith('Zed')],
    ['the start of an email', { search: 'zed1' }, (n: string, i: number) => n.startsWith('Zed') && String(i).startsWith('1')],
    ['the end of a phone number', { search: '0012' }, (_: string, i: number) => String(2_000_000 + i).endsWith('0012')],
    ['nothing matches', { search: 'nobody' }, () => false],
    ['with another filter', { search: 'zed', status: 'qualified' as const }, (n: string, i: number) => n.startsWith('Zed') && i % 2 === 1],
  ])('%s', async (_, filter: LeadFilter, matches: (name: string, index: number) => boolean) => {
    const want = expected(matches);
    expect(await allPages(filter)).toEqual(want);
  });

  it('the table is bigger than one walk, so both ways are tested', () => {
    expect(NEW).toBeGreaterThan(LIMIT * SEARCH_WALK_PER_ROW);
    expect(expected((n) => n.includes('Okafor')).length).toBeGreaterThan(1);
  });
});

// Finding leads: the list's filters as one SQL condition, and keyset pages newest first. Every page is a range
// read on an index in (created_at, id) order (see the Lead entity), so the hundredth page of a million leads
// costs what the first does; counting is capped for the same reason.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PreferredChannel } from '../entities/channel.ts';
import type { LeadStatus } from '../entities/lead.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { leadSearchOf, leadSearchSql } from './lead-search.ts';
import { normaliseTag } from './lead-tags.ts';
import { consentOf, type LeadConsent, type LeadView, leadCursor, parseLeadCursor } from './lead-view.ts';

export interface LeadFilter {
  status?: LeadStatus | undefined;
  channel?: PreferredChannel | undefined;
  consent?: LeadConsent | undefined;
  tag?: string | undefined;
  /** An agent's id, or 'none' for leads no agent owns. */
  agentId?: string | undefined;
  /** A part of the name, the start of the email, or a phone number's start or end (see lead-search.ts). */
  search?: string | undefined;
}

interface FilterSql {
  where: string;
  params: unknown[];
}

/** Which leads: conditions apart from the search, and the search's own condition (null without one). */
export interface LeadSelection extends FilterSql {
  search: FilterSql | null;
}

/** The filter as a selection of one company's leads. */
export function leadSelection(companyId: string, filter: LeadFilter): LeadSelection {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  add('company_id = ?', companyId);
  if (filter.status) add('status = ?', filter.status);
  if (filter.channel) add('preferred_channel = ?', filter.channel);
  if (filter.consent === 'opted_in') add('whatsapp_opt_in');
  if (filter.consent === 'opted_out') add('not whatsapp_opt_in and whatsapp_opted_out_at is not null');
  if (filter.consent === 'none') add('not whatsapp_opt_in and whatsapp_opted_out_at is null');
  if (filter.tag?.trim()) add('tags @> array[?]::text[]', normaliseTag(filter.tag));
  if (filter.agentId === 'none') add('owner_agent_id is null');
  else if (filter.agentId) add('owner_agent_id = ?', filter.agentId);
  const typed = leadSearchOf(filter.search);
  const search = typed ? leadSearchSql(typed) : null;
  return { where: conditions.join(' and '), params, search: search && { where: search.sql, params: search.params } };
}

/** A selection as one `where` (without the keyword) and its parameters. */
export function selectionSql({ where, params, search }: LeadSelection): FilterSql {
  return search ? { where: `${where} and ${search.where}`, params: [...params, ...search.params] } : { where, params };
}

/** `where` (without the keyword) and its parameters, for one company. */
export function leadFilterSql(companyId: string, filter: LeadFilter): FilterSql {
  return selectionSql(leadSelection(companyId, filter));
}

interface LeadRow {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  timezone: string | null;
  preferred_channel: PreferredChannel;
  whatsapp_opt_in: boolean;
  whatsapp_opt_in_at: string | Date | null;
  whatsapp_opt_in_source: string | null;
  whatsapp_opted_out_at: string | Date | null;
  status: LeadStatus;
  tags: string[];
  custom_fields: Record<string, string>;
  owner_agent_id: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

const LEAD_COLUMNS = `id, name, phone, email, timezone, preferred_channel, whatsapp_opt_in, whatsapp_opt_in_at, whatsapp_opt_in_source,
  whatsapp_opted_out_at, status, tags, custom_fields, owner_agent_id, created_at, updated_at`;

const iso = (d: string | Date | null) => (d == null ? null : new Date(d).toISOString());

function viewOfRow(r: LeadRow): LeadView {
  const createdAt = new Date(r.created_at);
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    timezone: r.timezone,
    preferredChannel: r.preferred_channel,
    consent: consentOf(r.whatsapp_opt_in, r.whatsapp_opted_out_at),
    whatsappOptIn: r.whatsapp_opt_in,
    whatsappOptInAt: iso(r.whatsapp_opt_in_at),
    whatsappOptInSource: r.whatsapp_opt_in_source,
    whatsappOptedOutAt: iso(r.whatsapp_opted_out_at),
    status: r.status,
    tags: r.tags ?? [],
    customFields: r.custom_fields ?? {},
    ownerAgentId: r.owner_agent_id,
    createdAt: createdAt.toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    cursor: leadCursor(createdAt, r.id),
  };
}

/**
 * A search reads this many leads (times the page's size) newest first before it asks the search indexes instead:
 * enough that a common word fills its page from the newest leads, few enough to cost a couple of milliseconds.
 */
export const SEARCH_WALK_PER_ROW = 50;

/** Where a page starts: after this lead, in the list's order (created_at, id) descending. */
export interface LeadKeyset {
  createdAt: Date;
  id: string;
}

/**
 * One page of rows (the `columns` asked for, which must include created_at and id) of the selected leads, newest
 * first, after `after`. The list, the export and bulk operations all page this way.
 *
 * Without a search, PostgreSQL's plan is right: it walks the index of the most selective filter in page order. With
 * one, it cannot know how many leads match a part of a name nor where they sit; it assumes a percent, spread evenly,
 * and walks the newest leads expecting a page soon. When the matches are few and old ("müller 12" among a million
 * leads, all of them imported long ago) that walk reads nearly the whole table: 400 ms. So a search is asked in two
 * steps, each of which can only be fast: the newest leads (a bounded walk) checked against the search, which fills
 * the page when the search is common; otherwise all the matches, found through the search indexes, then sorted,
 * which is quick because a search that did not fill its page from the newest leads matches few.
 */
export async function leadPageRows<Row>(
  em: EntityManager,
  { where, params, search }: LeadSelection,
  { after, limit, columns }: { after: LeadKeyset | null; limit: number; columns: string },
): Promise<Row[]> {
  const keyset = after ? ' and (created_at, id) < (?, ?)' : '';
  const keysetParams = after ? [after.createdAt, after.id] : [];
  const order = 'order by created_at desc, id desc';
  const run = (sql: string, values: unknown[]) => em.getConnection().execute<Row[]>(sql, values);
  if (!search) return run(`select ${columns} from leads where ${where}${keyset} ${order} limit ?`, [...params, ...keysetParams, limit]);
  const newest = await run(
    `select ${columns} from (select * from leads where ${where}${keyset} ${order} limit ?) newest
     where ${search.where} ${order} limit ?`,
    [...params, ...keysetParams, limit * SEARCH_WALK_PER_ROW, ...search.params, limit],
  );
  if (newest.length === limit) return newest;
  // Materialized: planned for all its rows, so PostgreSQL reads them from the search indexes, not in page order.
  // The cursor applies after: leads imported together share one created_at, and PostgreSQL, reading (created_at, id)
  // below a cursor as created_at below it, expects no rows there and walks them all.
  return run(
    `with matching as materialized (select ${columns} from leads where ${where} and ${search.where})
     select * from matching where true${keyset} ${order} limit ?`,
    [...params, ...search.params, ...keysetParams, limit],
  );
}

/** One page of leads matching the filter, newest first, after the lead whose `cursor` is given. */
export async function pageOfLeads(
  em: EntityManager,
  companyId: string,
  opts: { filter?: LeadFilter | undefined; after?: string | undefined; limit: number },
): Promise<LeadView[]> {
  const after = opts.after ? parseLeadCursor(opts.after) : null;
  const rows = await leadPageRows<LeadRow>(em, leadSelection(companyId, opts.filter ?? {}), {
    after,
    limit: opts.limit,
    columns: LEAD_COLUMNS,
  });
  return rows.map(viewOfRow);
}

export function listLeads(
  scope: TenantScope,
  opts: { filter?: LeadFilter | undefined; after?: string | undefined; limit: number },
): Promise<LeadView[]> {
  return pageOfLeads(scope.em, scope.companyId, opts);
}

/** How many leads match, exactly up to `cap`; past it, `capped` says "at least". */
export async function countLeads(scope: TenantScope, filter: LeadFilter, cap = 10_000): Promise<{ count: number; capped: boolean }> {
  const { where, params } = leadFilterSql(scope.companyId, filter);
  const [row] = await scope.em
    .getConnection()
    .execute<{ n: string }[]>(`select count(*) as n from (select 1 from leads where ${where} limit ?) matching`, [...params, cap + 1]);
  const count = Number(row?.n ?? 0);
  return { count: Math.min(count, cap), capped: count > cap };
}

/** Tags in use among the newest leads, most used first: suggestions for the tag filter (a full scan would not scale). */
export async function recentLeadTags(scope: TenantScope, sample = 5000): Promise<{ tag: string; count: number }[]> {
  const rows = await scope.em.getConnection().execute<{ tag: string; n: string }[]>(
    `select tag, count(*) as n from (select tags from leads where company_id = ? order by created_at desc limit ?) recent, unnest(recent.tags) tag
     group by tag order by count(*) desc, tag limit 100`,
    [scope.companyId, sample],
  );
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

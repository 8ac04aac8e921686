// Writes one batch of imported rows in one transaction: new leads created, known phones updated (de-duplicated
// by phone, within the batch too), consent changed only where the file's consent column says so (an opt-out is
// never overridden by a file), consent events recorded, refused rows kept for the report, and the import's
// counters and resume point moved (recordBatchProgress). Because all of it commits together, a job retried after a crash continues
// after the last committed batch and every count stays exact.
import type { PoolClient } from 'pg';
import { OPTED_OUT_REASON } from '../../conversations/consent.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import { newId } from '../../db/new-id.ts';
import type { ImportedLead } from './lead-import-row.ts';

export interface AcceptedRow {
  rowNumber: number;
  lead: ImportedLead;
}

export interface RejectedRow {
  rowNumber: number;
  reason: string;
  cells: string[];
}

export interface BatchContext {
  companyId: string;
  importId: string;
  /** The consent source recorded for opt-ins and opt-outs from this file. */
  consentSource: string;
  /** Every imported lead is assigned to this agent, when the import says so. */
  ownerAgentId: string | null;
  now: Date;
}

export interface BatchCounts {
  created: number;
  updated: number;
  rejected: number;
  consentKept: number;
}

type ConsentAction = 'in' | 'out' | null;

/** A lead's columns as one batch's statements take them. */
interface LeadFields {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  timezone: string | null;
  preferred_channel: string | null;
  status: string | null;
  tags: string[];
  custom_fields: Record<string, string>;
  opt_action: ConsentAction;
  opt_in_at: string;
}

interface Existing {
  id: string;
  phone: string;
  whatsapp_opt_in: boolean;
  whatsapp_opted_out_at: Date | string | null;
}

/** Later rows of a phone win where they say something; tags and custom fields add up. */
function merge(into: ImportedLead, row: ImportedLead): ImportedLead {
  return {
    name: row.name || into.name,
    phone: into.phone,
    email: row.email ?? into.email,
    timezone: row.timezone ?? into.timezone,
    preferredChannel: row.preferredChannel ?? into.preferredChannel,
    whatsappOptIn: row.whatsappOptIn ?? into.whatsappOptIn,
    optInAt: row.whatsappOptIn !== null ? row.optInAt : into.optInAt,
    status: row.status ?? into.status,
    tags: [...new Set([...into.tags, ...row.tags])],
    customFields: { ...into.customFields, ...row.customFields },
  };
}

/** What the file's consent does to a lead: nothing unless the column says so, and never undoes an opt-out. */
function consentAction(incoming: boolean | null, current: Existing | undefined): { action: ConsentAction; kept: boolean } {
  if (incoming === null) return { action: null, kept: false };
  if (!current) return { action: incoming ? 'in' : null, kept: false };
  const optedOut = !current.whatsapp_opt_in && current.whatsapp_opted_out_at !== null;
  if (incoming && optedOut) return { action: null, kept: true };
  if (incoming && !current.whatsapp_opt_in) return { action: 'in', kept: false };
  if (!incoming && current.whatsapp_opt_in) return { action: 'out', kept: false };
  return { action: null, kept: false };
}

/** The phones a batch touches: two batches may be written at once only when these do not meet. */
export function batchPhones(accepted: AcceptedRow[]): Set<string> {
  return new Set(accepted.map((r) => r.lead.phone));
}

export async function writeImportBatch(
  client: PoolClient,
  ctx: BatchContext,
  accepted: AcceptedRow[],
  rejected: RejectedRow[],
): Promise<BatchCounts> {
  const counts: BatchCounts = { created: 0, updated: 0, rejected: rejected.length, consentKept: 0 };
  const byPhone = new Map<string, ImportedLead[]>();
  for (const row of accepted) {
    const group = byPhone.get(row.lead.phone);
    if (group) group.push(row.lead);
    else byPhone.set(row.lead.phone, [row.lead]);
  }
  const existing = new Map<string, Existing>();
  if (byPhone.size) {
    const found = await client.query<Existing>({
      name: 'import.existing',
      // One index lookup per phone, whatever the planner believes of the table: during an import its statistics
      // are those of the table before it, and a join would scan all the company's leads for every batch.
      text: `select l.id, l.phone, l.whatsapp_opt_in, l.whatsapp_opted_out_at from unnest($2::text[]) as p(phone)
             cross join lateral (select id, phone, whatsapp_opt_in, whatsapp_opted_out_at from leads
                                 where company_id = $1 and phone = p.phone for update) l`,
      values: [ctx.companyId, arrayLiteral([...byPhone.keys()])],
    });
    for (const row of found.rows) existing.set(row.phone, row);
  }

  const inserts: LeadFields[] = [];
  const updates: LeadFields[] = [];
  const consentEvents: { id: string; lead_id: string; opt_in: boolean; occurred_at: string }[] = [];
  const optedOut: string[] = [];
  for (const [phone, group] of byPhone) {
    const current = existing.get(phone);
    const lead = group.reduce(merge);
    const { action, kept } = consentAction(lead.whatsappOptIn, current);
    // Several rows of one new phone: the first creates the lead, the others update it.
    counts.created += current ? 0 : 1;
    counts.updated += current ? group.length : group.length - 1;
    if (kept) counts.consentKept++;
    const id = current?.id ?? newId();
    const optInAt = (lead.optInAt ?? ctx.now).toISOString();
    const fields: LeadFields = {
      id,
      name: lead.name,
      phone,
      email: lead.email,
      timezone: lead.timezone,
      preferred_channel: lead.preferredChannel,
      status: lead.status,
      tags: lead.tags,
      custom_fields: lead.customFields,
      opt_action: action,
      opt_in_at: optInAt,
    };
    (current ? updates : inserts).push(fields);
    if (action) {
      consentEvents.push({
        id: newId(),
        lead_id: id,
        opt_in: action === 'in',
        occurred_at: action === 'in' ? optInAt : ctx.now.toISOString(),
      });
    }
    if (action === 'out') optedOut.push(id);
  }

  const common = [ctx.companyId, ctx.now, ctx.consentSource, ctx.ownerAgentId];
  if (inserts.length) {
    // Column arrays rather than one JSON document: PostgreSQL reads typed arrays about four times faster than it
    // parses JSON into records, and this statement carries almost every row of an import. Each row's tags travel
    // as an array literal inside the column's array.
    const column = (key: 'id' | 'name' | 'phone' | 'email' | 'timezone' | 'preferred_channel' | 'status' | 'opt_action' | 'opt_in_at') =>
      arrayLiteral(inserts.map((row) => row[key]));
    await client.query({
      name: 'import.insert',
      text: `insert into leads (id, company_id, name, phone, email, timezone, preferred_channel, whatsapp_opt_in, whatsapp_opt_in_at,
               whatsapp_opt_in_source, status, tags, custom_fields, owner_agent_id, created_at, updated_at)
             select x.id, $1, x.name, x.phone, x.email, x.timezone, coalesce(x.preferred_channel, 'both'), coalesce(x.opt_action = 'in', false),
               case when x.opt_action = 'in' then x.opt_in_at end, case when x.opt_action = 'in' then $3 end,
               coalesce(x.status, 'new'), x.tags::text[], x.custom_fields::jsonb, $4::uuid, $2, $2
             from unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
               $14::text[], $15::timestamptz[])
               as x(id, name, phone, email, timezone, preferred_channel, status, tags, custom_fields, opt_action, opt_in_at)`,
      values: [
        ...common,
        column('id'),
        column('name'),
        column('phone'),
        column('email'),
        column('timezone'),
        column('preferred_channel'),
        column('status'),
        arrayLiteral(inserts.map((row) => arrayLiteral(row.tags))),
        arrayLiteral(inserts.map((row) => JSON.stringify(row.custom_fields))),
        column('opt_action'),
        column('opt_in_at'),
      ],
    });
  }
  if (updates.length) {
    await client.query({
      name: 'import.update',
      text: `update leads l set name = x.name, email = coalesce(x.email, l.email), timezone = coalesce(x.timezone, l.timezone),
               preferred_channel = coalesce(x.preferred_channel, l.preferred_channel), status = coalesce(x.status, l.status),
               tags = l.tags || array(select t from unnest(x.tags) t where t <> all(l.tags)),
               custom_fields = l.custom_fields || x.custom_fields,
               whatsapp_opt_in = case x.opt_action when 'in' then true when 'out' then false else l.whatsapp_opt_in end,
               whatsapp_opt_in_at = case when x.opt_action = 'in' then x.opt_in_at else l.whatsapp_opt_in_at end,
               whatsapp_opt_in_source = case when x.opt_action = 'in' then $3 else l.whatsapp_opt_in_source end,
               whatsapp_opted_out_at = case x.opt_action when 'in' then null when 'out' then $2 else l.whatsapp_opted_out_at end,
               owner_agent_id = coalesce($4::uuid, l.owner_agent_id), updated_at = $2
             from json_to_recordset($5::json) as x(id uuid, name text, email text, timezone text, preferred_channel text, status text,
               tags text[], custom_fields jsonb, opt_action text, opt_in_at timestamptz)
             where l.id = x.id and l.company_id = $1`,
      values: [...common, JSON.stringify(updates)],
    });
  }
  if (consentEvents.length) {
    await client.query({
      name: 'import.consent',
      text: `insert into consent_events (id, company_id, lead_id, channel, opt_in, source, actor, occurred_at)
             select x.id, $1, x.lead_id, 'whatsapp', x.opt_in, $2, $3, x.occurred_at
             from unnest($4::uuid[], $5::uuid[], $6::boolean[], $7::timestamptz[]) as x(id, lead_id, opt_in, occurred_at)`,
      values: [
        ctx.companyId,
        ctx.consentSource,
        `import:${ctx.importId}`,
        arrayLiteral(consentEvents.map((e) => e.id)),
        arrayLiteral(consentEvents.map((e) => e.lead_id)),
        consentEvents.map((e) => e.opt_in),
        arrayLiteral(consentEvents.map((e) => e.occurred_at)),
      ],
    });
  }
  if (optedOut.length) {
    // As for any opt-out: what was queued for these leads does not go out.
    await client.query({
      name: 'import.cancel-queued',
      text: `update messages set status = 'failed', refusal_reason = $3
             where company_id = $1 and lead_id = any($2::uuid[]) and direction = 'outbound' and status = 'queued'`,
      values: [ctx.companyId, optedOut, OPTED_OUT_REASON],
    });
  }
  if (rejected.length) {
    await client.query({
      name: 'import.rejections',
      text: `insert into lead_import_rejections (import_id, row_number, reason, cells)
             select $1, x.row_number, x.reason, x.cells from json_to_recordset($2::json) as x(row_number int, reason text, cells jsonb)
             on conflict do nothing`,
      values: [ctx.importId, JSON.stringify(rejected.map((r) => ({ row_number: r.rowNumber, reason: r.reason, cells: r.cells })))],
    });
  }
  return counts;
}

/**
 * The import's counters and resume point, moved in the batch's transaction. Its own statement, run last: the
 * import's row is the one row every batch changes, so a batch takes its lock only when it is next to commit.
 */
export async function recordBatchProgress(client: PoolClient, importId: string, rowsDone: number, counts: BatchCounts): Promise<void> {
  await client.query({
    name: 'import.progress',
    text: `update lead_imports set rows_done = $2, created = created + $3, updated = updated + $4, rejected = rejected + $5,
             consent_kept = consent_kept + $6 where id = $1`,
    values: [importId, rowsDone, counts.created, counts.updated, counts.rejected, counts.consentKept],
  });
}

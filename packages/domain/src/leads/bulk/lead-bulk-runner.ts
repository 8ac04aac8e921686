// The worker's run of a bulk operation: the target's leads a page at a time, newest first, each page changed in
// one transaction with the operation's counters and resume point, so a retried job neither skips nor repeats
// a lead. Template sends go through the same checks as one from the console, each message named after the
// operation and the lead, so a repeated page queues nothing twice.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../clock/clock.ts';
import { OPTED_OUT_REASON } from '../../conversations/consent.ts';
import { queueOutboundMessage } from '../../conversations/queue-outbound-message.ts';
import { newId } from '../../db/new-id.ts';
import { LeadBulkOperation } from '../../entities/lead-bulk-operation.ts';
import { DomainError } from '../../errors/domain-errors.ts';
import type { EventStream } from '../../events/event-stream.ts';
import type { JobQueues } from '../../queues/job-queues.ts';
import { TenantScope } from '../../tenancy/tenant-scope.ts';
import { type LeadSelection, leadPageRows, leadSelection, selectionSql } from '../lead-query.ts';
import { type BulkAction, bulkActionSchema, bulkTargetSchema, toBulkOperationView } from './lead-bulk-operation.ts';

export interface BulkRunDeps {
  em: EntityManager;
  events: EventStream;
  clock: Clock;
  queues: JobQueues;
}

const PAGE = 500;
const PROGRESS_EVERY_MS = 250;

interface PageLead {
  id: string;
  created_at: string | Date;
  whatsapp_opt_in: boolean;
  whatsapp_opted_out_at: string | Date | null;
}

type Tx = EntityManager;
type Outcome = { affected: number; skipped: Record<string, number> };

const exec = <T extends object[] = object[]>(tx: Tx, sql: string, params: unknown[]) =>
  tx.getConnection().execute<T>(sql, params, 'all', tx.getTransactionContext());

/** A message id that is the same every time this operation sends to this lead. */
function bulkMessageId(operationId: string, leadId: string): string {
  const h = createHash('sha256').update(`${operationId}:${leadId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function skip(skipped: Record<string, number>, reason: string, count = 1): void {
  if (count > 0) skipped[reason] = (skipped[reason] ?? 0) + count;
}

async function changed(tx: Tx, sql: string, params: unknown[], total: number, unchangedReason: string): Promise<Outcome> {
  const rows = await exec<{ id: string }[]>(tx, sql, params);
  const skipped: Record<string, number> = {};
  skip(skipped, unchangedReason, total - rows.length);
  return { affected: rows.length, skipped };
}

async function applySetBased(
  tx: Tx,
  op: LeadBulkOperation,
  action: Exclude<BulkAction, { kind: 'sendTemplate' }>,
  page: PageLead[],
  now: Date,
) {
  const ids = page.map((l) => l.id);
  switch (action.kind) {
    case 'setChannel':
      return changed(
        tx,
        'update leads set preferred_channel = ?, updated_at = ? where id in (?) and preferred_channel <> ? returning id',
        [action.channel, now, ids, action.channel],
        ids.length,
        'Already on that channel',
      );
    case 'setStatus':
      return changed(
        tx,
        'update leads set status = ?, updated_at = ? where id in (?) and status <> ? returning id',
        [action.status, now, ids, action.status],
        ids.length,
        'Already in that status',
      );
    case 'addTag':
      return changed(
        tx,
        'update leads set tags = tags || array[?]::text[], updated_at = ? where id in (?) and not tags @> array[?]::text[] returning id',
        [action.tag, now, ids, action.tag],
        ids.length,
        'Already tagged',
      );
    case 'removeTag':
      return changed(
        tx,
        'update leads set tags = array_remove(tags, ?), updated_at = ? where id in (?) and tags @> array[?]::text[] returning id',
        [action.tag, now, ids, action.tag],
        ids.length,
        'Did not have the tag',
      );
    case 'assignAgent':
      return changed(
        tx,
        'update leads set owner_agent_id = ?, updated_at = ? where id in (?) and owner_agent_id is distinct from ? returning id',
        [action.agentId, now, ids, action.agentId],
        ids.length,
        'Already assigned to that agent',
      );
    case 'setConsent':
      return setConsentOnPage(tx, op, action, page, now);
  }
}

const OPTED_OUT_SKIP = 'Opted out: only the lead, or a change on the lead’s own page, can opt them back in';

/** Why a lead was left as it was, from its consent as it now stands. */
function consentSkipReason(optIn: boolean, lead: { whatsapp_opt_in: boolean; whatsapp_opted_out_at: unknown }): string {
  if (optIn) return lead.whatsapp_opt_in ? 'Already opted in' : OPTED_OUT_SKIP;
  return 'Not opted in';
}

/**
 * Consent for a page. The page was read before this transaction, so a lead's STOP (or START) may have committed
 * since: the UPDATE checks each lead's consent again as it writes it (under PostgreSQL's row lock, on the row as
 * now committed), and only the rows it really changed get a consent event, a cancellation and a count.
 */
async function setConsentOnPage(
  tx: Tx,
  op: LeadBulkOperation,
  action: Extract<BulkAction, { kind: 'setConsent' }>,
  page: PageLead[],
  now: Date,
): Promise<Outcome> {
  const company = op.company.id;
  const skipped: Record<string, number> = {};
  // An opt-out (the lead's STOP, or one recorded for them) is only undone by the lead or on the lead's own page.
  const wanted = action.optIn ? (l: PageLead) => !l.whatsapp_opt_in && !l.whatsapp_opted_out_at : (l: PageLead) => l.whatsapp_opt_in;
  for (const lead of page) if (!wanted(lead)) skip(skipped, consentSkipReason(action.optIn, lead));
  const targets = page.filter(wanted).map((l) => l.id);
  if (targets.length === 0) return { affected: 0, skipped };
  const rows = await exec<{ id: string }[]>(
    tx,
    action.optIn
      ? `update leads set whatsapp_opt_in = true, whatsapp_opt_in_at = ?, whatsapp_opt_in_source = ?, whatsapp_opted_out_at = null, updated_at = ?
         where id in (?) and not whatsapp_opt_in and whatsapp_opted_out_at is null returning id`
      : 'update leads set whatsapp_opt_in = false, whatsapp_opted_out_at = ?, updated_at = ? where id in (?) and whatsapp_opt_in returning id',
    action.optIn ? [now, action.source, now, targets] : [now, now, targets],
  );
  const changedIds = rows.map((r) => r.id);
  if (changedIds.length < targets.length) {
    // Changed by someone else between the read and the update: counted by how they stand now.
    const changedSet = new Set(changedIds);
    const others = await exec<PageLead[]>(tx, 'select id, whatsapp_opt_in, whatsapp_opted_out_at from leads where id in (?)', [
      targets.filter((id) => !changedSet.has(id)),
    ]);
    for (const lead of others) skip(skipped, consentSkipReason(action.optIn, lead));
  }
  if (changedIds.length === 0) return { affected: 0, skipped };
  const values = changedIds.map(() => `(?, ?, ?, 'whatsapp', ?, ?, ?, ?)`).join(', ');
  const actor = op.createdBy ? `user:${op.createdBy}` : 'system';
  await exec(
    tx,
    `insert into consent_events (id, company_id, lead_id, channel, opt_in, source, actor, occurred_at) values ${values}`,
    changedIds.flatMap((id) => [newId(), company, id, action.optIn, action.source, actor, now]),
  );
  if (!action.optIn) {
    await exec(
      tx,
      `update messages set status = 'failed', refusal_reason = ? where company_id = ? and lead_id in (?) and direction = 'outbound' and status = 'queued'`,
      [OPTED_OUT_REASON, company, changedIds],
    );
  }
  return { affected: changedIds.length, skipped };
}

async function sendToPage(
  deps: BulkRunDeps,
  op: LeadBulkOperation,
  action: Extract<BulkAction, { kind: 'sendTemplate' }>,
  page: PageLead[],
): Promise<Outcome> {
  const scope = new TenantScope(deps.em.fork(), op.company.id, deps.clock, op.createdBy ? { userId: op.createdBy, role: 'manager' } : null);
  const outcome: Outcome = { affected: 0, skipped: {} };
  for (const lead of page) {
    try {
      await queueOutboundMessage(scope, deps, {
        kind: 'template',
        leadId: lead.id,
        templateId: action.templateId,
        variables: action.variables,
        messageId: bulkMessageId(op.id, lead.id),
      });
      outcome.affected++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      skip(outcome.skipped, error.message);
    }
  }
  return outcome;
}

export async function runBulkOperation(deps: BulkRunDeps, operationId: string): Promise<void> {
  const em = deps.em.fork();
  let op = await em.findOne(LeadBulkOperation, { id: operationId });
  if (!op || op.status === 'done' || op.status === 'failed') return;
  const action = bulkActionSchema.parse(op.action);
  const target = bulkTargetSchema.parse(op.target);
  const company = op.company.id;
  const selection: LeadSelection =
    'ids' in target
      ? { where: 'company_id = ? and id in (?)', params: [company, target.ids], search: null }
      : leadSelection(company, target.filter);
  if (op.status === 'queued') {
    if (!('ids' in target)) {
      const { where, params } = selectionSql(selection);
      const [row] = await em.getConnection().execute<{ n: string }[]>(`select count(*) as n from leads where ${where}`, params);
      op.total = Number(row?.n ?? 0);
    }
    op.status = 'running';
    await em.flush();
  }
  const publish = (type: string, current: LeadBulkOperation) =>
    deps.events.publish(company, { type, at: deps.clock.now().toISOString(), data: { operation: toBulkOperationView(current) } });
  let lastProgress = 0;
  for (;;) {
    const [at, id] = op.cursor ? op.cursor.split('|') : [];
    const page = await leadPageRows<PageLead>(em, selection, {
      after: at && id ? { createdAt: new Date(at), id } : null,
      limit: PAGE,
      columns: 'id, created_at, whatsapp_opt_in, whatsapp_opted_out_at',
    });
    if (page.length === 0) break;
    const last = page[page.length - 1] as PageLead;
    const now = deps.clock.now();
    // Sends commit one by one (each is idempotent by its message id); the counters follow in the page's transaction.
    const sent = action.kind === 'sendTemplate' ? await sendToPage(deps, op, action, page) : null;
    op = await em.fork().transactional(async (tx) => {
      const current = await tx.findOneOrFail(LeadBulkOperation, { id: operationId });
      const outcome = sent ?? (await applySetBased(tx, current, action as Exclude<BulkAction, { kind: 'sendTemplate' }>, page, now));
      current.processed += page.length;
      current.affected += outcome.affected;
      const skipped = { ...current.skipped };
      for (const [reason, n] of Object.entries(outcome.skipped)) skip(skipped, reason, n);
      current.skipped = skipped;
      current.cursor = `${new Date(last.created_at).toISOString()}|${last.id}`;
      return current;
    });
    if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = Date.now();
      await publish('bulk.progress', op);
    }
  }
  const end = em.fork();
  const done = await end.findOneOrFail(LeadBulkOperation, { id: operationId });
  done.status = 'done';
  done.finishedAt = deps.clock.now();
  await end.flush();
  await publish('bulk.finished', done);
}

/** After the last retry: the operation ends failed with the reason; what it changed stays changed and counted. */
export async function failBulkOperation(
  deps: Pick<BulkRunDeps, 'em' | 'events' | 'clock'>,
  operationId: string,
  reason: string,
): Promise<void> {
  const em = deps.em.fork();
  const op = await em.findOne(LeadBulkOperation, { id: operationId });
  if (!op || op.status === 'done') return;
  op.status = 'failed';
  op.error = reason;
  op.finishedAt = deps.clock.now();
  await em.flush();
  await deps.events.publish(op.company.id, {
    type: 'bulk.finished',
    at: deps.clock.now().toISOString(),
    data: { operation: toBulkOperationView(op) },
  });
}

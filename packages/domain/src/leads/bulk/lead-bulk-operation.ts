// Bulk changes to leads, chosen by selection or by filter: preferred channel, WhatsApp consent (with its source),
// tags, owner agent, or a template sent to those who may receive it. Starting one checks what can be checked at
// once (the agent, the template) and hands the work to the worker (lead-bulk-runner.ts); leads left unchanged
// are counted by reason, never silently skipped.
import { z } from 'zod';
import { Agent } from '../../entities/agent.ts';
import { PREFERRED_CHANNELS } from '../../entities/channel.ts';
import { LEAD_STATUSES } from '../../entities/lead.ts';
import { LeadBulkOperation } from '../../entities/lead-bulk-operation.ts';
import type { EventStream } from '../../events/event-stream.ts';
import type { JobQueues } from '../../queues/job-queues.ts';
import { templateToSend } from '../../templates/template-sending.ts';
import type { TenantScope } from '../../tenancy/tenant-scope.ts';
import { normaliseTag } from '../lead-tags.ts';

export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setChannel'), channel: z.enum(PREFERRED_CHANNELS) }),
  z.object({ kind: z.literal('setStatus'), status: z.enum(LEAD_STATUSES) }),
  z.object({
    kind: z.literal('setConsent'),
    optIn: z.boolean(),
    source: z.string().trim().min(1, 'Say where the consent came from').max(100),
  }),
  z.object({ kind: z.literal('addTag'), tag: z.string().trim().min(1, 'Write the tag').max(50) }),
  z.object({ kind: z.literal('removeTag'), tag: z.string().trim().min(1, 'Write the tag').max(50) }),
  z.object({ kind: z.literal('assignAgent'), agentId: z.uuid().nullable() }),
  z.object({ kind: z.literal('sendTemplate'), templateId: z.uuid(), variables: z.record(z.string(), z.string().max(1024)).optional() }),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const bulkFilterSchema = z.object({
  status: z.enum(LEAD_STATUSES).optional(),
  channel: z.enum(PREFERRED_CHANNELS).optional(),
  consent: z.enum(['opted_in', 'opted_out', 'none']).optional(),
  tag: z.string().trim().max(50).optional(),
  agentId: z.union([z.uuid(), z.literal('none')]).optional(),
  search: z.string().trim().max(100).optional(),
});

export const bulkTargetSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1, 'Select at least one lead').max(10_000, 'Select at most 10,000 leads, or use a filter') }),
  z.object({ filter: bulkFilterSchema }),
]);
export type BulkTarget = z.infer<typeof bulkTargetSchema>;

export interface BulkOperationView {
  id: string;
  action: BulkAction;
  target: BulkTarget;
  status: LeadBulkOperation['status'];
  total: number;
  processed: number;
  affected: number;
  /** Leads left as they were, by reason ("already opted in", "outside the 24-hour window", …). */
  skipped: Record<string, number>;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const toBulkOperationView = (op: LeadBulkOperation): BulkOperationView => ({
  id: op.id,
  action: bulkActionSchema.parse(op.action),
  target: bulkTargetSchema.parse(op.target),
  status: op.status,
  total: op.total,
  processed: op.processed,
  affected: op.affected,
  skipped: op.skipped,
  error: op.error ?? null,
  createdAt: op.createdAt.toISOString(),
  finishedAt: op.finishedAt?.toISOString() ?? null,
});

export async function startBulkOperation(
  scope: TenantScope,
  deps: { queues: JobQueues; events: EventStream },
  input: { target: BulkTarget; action: BulkAction },
): Promise<BulkOperationView> {
  const action = input.action;
  if (action.kind === 'assignAgent' && action.agentId) await scope.get(Agent, action.agentId, 'Agent');
  if (action.kind === 'sendTemplate') await templateToSend(scope, action.templateId);
  const normalised: BulkAction =
    action.kind === 'addTag' || action.kind === 'removeTag' ? { ...action, tag: normaliseTag(action.tag) } : action;
  const target = 'ids' in input.target ? { ids: [...new Set(input.target.ids)] } : input.target;
  const op = scope.create(LeadBulkOperation, {
    createdBy: scope.actor?.userId ?? null,
    action: normalised,
    target,
    total: 'ids' in target ? target.ids.length : 0,
  });
  await scope.em.flush();
  await deps.queues.enqueueLeadBulk(op.id);
  const view = toBulkOperationView(op);
  await deps.events.publish(scope.companyId, { type: 'bulk.progress', at: scope.clock.now().toISOString(), data: { operation: view } });
  return view;
}

export async function getBulkOperation(scope: TenantScope, id: string): Promise<BulkOperationView> {
  return toBulkOperationView(await scope.get(LeadBulkOperation, id, 'Bulk operation'));
}

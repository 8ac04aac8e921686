// Twilio's approval workflow for a template version: create its content (Content API), file the WhatsApp
// approval request, then poll the review with backoff until WhatsApp approves or rejects it. A crash between
// the two calls keeps the content SID, so submitting again files the request for the same content.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import { Template } from '../entities/template.ts';
import { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import { DomainError, precondition } from '../errors/domain-errors.ts';
import type { EventStream } from '../events/event-stream.ts';
import { type MessagingProvider, ProviderError } from '../providers/messaging-provider.ts';
import { activeWhatsappProvider } from '../providers/provider-settings.ts';
import type { JobQueues } from '../queues/job-queues.ts';
import { TenantScope } from '../tenancy/tenant-scope.ts';
import { publishTemplate, recordTemplateEvent, templateFamily } from './template-service.ts';
import { validateTemplate } from './template-validation.ts';
import { definitionOf, type TemplateView } from './template-view.ts';
import { type ApprovalStatus, approvalRequestBody, contentCreateRequest, whatsappTemplateName } from './twilio-content.ts';

export interface ApprovalDeps {
  events: EventStream;
  queues: JobQueues;
  providerFor(row: WhatsappProvider): MessagingProvider;
}

/** Seconds between polls: quick at first (the simulator and WhatsApp's automated review answer in seconds), then up to 15 min. */
const POLL_DELAYS_S = [2, 5, 15, 30, 60, 120, 300, 600, 900];

export function approvalPollDelayMs(poll: number): number {
  return (POLL_DELAYS_S[Math.min(poll, POLL_DELAYS_S.length - 1)] as number) * 1000;
}

function providerFailure(error: unknown): never {
  if (error instanceof ProviderError) throw precondition(`Twilio refused the template: ${error.message}`);
  throw error;
}

export async function submitTemplateForApproval(scope: TenantScope, deps: ApprovalDeps, id: string): Promise<TemplateView> {
  const t = await scope.get(Template, id, 'Template');
  const family = await templateFamily(scope, t.familyId);
  if (family.some((v) => v.version > t.version)) throw precondition(`A newer version of this template exists: submit that one`);
  if (t.status === 'pending') throw precondition('WhatsApp is already reviewing this template');
  if (t.status === 'approved') throw precondition('WhatsApp already approved this template');
  if (t.status === 'rejected') throw precondition('WhatsApp rejected this version: edit it to submit a new version');
  if (t.status === 'archived') throw precondition('This template is archived');
  const def = definitionOf(t);
  const issues = validateTemplate(def);
  if (issues.length) {
    throw new DomainError(
      'invalid',
      `Fix ${issues.length === 1 ? 'this' : `these ${issues.length} problems`} first: ${issues.map((i) => i.message).join('; ')}`,
    );
  }
  const row = await activeWhatsappProvider(scope).catch(() => {
    throw precondition('Set up a WhatsApp provider in Settings first');
  });
  const provider = deps.providerFor(row);
  if (!t.contentSid || t.providerId !== row.id) {
    const { contentSid } = await provider
      .createTemplateContent(contentCreateRequest(def, { friendlyName: whatsappTemplateName(def.name, t.version) }))
      .catch(providerFailure);
    // Kept at once: a retry after a failed approval request reuses this content instead of creating another.
    t.contentSid = contentSid;
    t.providerId = row.id;
    await scope.em.flush();
  }
  const review = await provider
    .requestTemplateApproval(t.contentSid, approvalRequestBody(def, { version: t.version }))
    .catch(providerFailure);
  const now = scope.clock.now();
  t.submittedAt = now;
  recordTemplateEvent(scope, t, 'submitted', whatsappTemplateName(def.name, t.version));
  const status = applyReview(scope, t, review, now, 'twilio');
  await scope.em.flush();
  if (status === 'pending') await deps.queues.enqueueApprovalPoll(t.id, approvalPollDelayMs(0));
  return publishTemplate(scope, deps, t);
}

/** Moves the template to what the review says; records approvals and rejections in its history. */
function applyReview(scope: TenantScope, t: Template, review: ApprovalStatus, now: Date, actor: string): ApprovalStatus['status'] {
  if (t.status === review.status) return review.status;
  t.status = review.status;
  t.statusChangedAt = now;
  if (review.status === 'rejected') t.rejectionReason = review.rejectionReason ?? 'WhatsApp gave no reason';
  if (review.status === 'approved') t.rejectionReason = null;
  if (review.status !== 'pending') recordTemplateEvent(scope, t, review.status, review.rejectionReason, actor);
  return review.status;
}

export interface PollDeps {
  em: EntityManager;
  events: EventStream;
  clock: Clock;
  providerFor(row: WhatsappProvider): MessagingProvider;
}

/** One poll of WhatsApp's review: `pending` means poll again later; anything else is the end of it. */
export async function pollTemplateApproval(deps: PollDeps, templateId: string): Promise<Template['status'] | 'missing'> {
  const em = deps.em.fork();
  const t = await em.findOne(Template, { id: templateId });
  if (!t) return 'missing';
  if (t.status !== 'pending' || !t.contentSid || !t.providerId) return t.status;
  const row = await em.findOne(WhatsappProvider, { id: t.providerId });
  if (!row) return t.status;
  const review = await deps.providerFor(row).templateApprovalStatus(t.contentSid);
  if (review.status === 'pending') return 'pending';
  const scope = new TenantScope(em, t.company.id, deps.clock);
  applyReview(scope, t, review, deps.clock.now(), 'twilio');
  await em.flush();
  await publishTemplate(scope, deps, t);
  return t.status;
}

/** Templates under review whose polling job was lost: the heartbeat starts a new one (a live job is not doubled). */
export async function resumeApprovalPolls(em: EntityManager, queues: JobQueues): Promise<number> {
  const pending = await em.fork().find(Template, { status: 'pending' }, { fields: ['id'], limit: 1000 });
  for (const t of pending) await queues.enqueueApprovalPoll(t.id, approvalPollDelayMs(0));
  return pending.length;
}

// Leads of one company: who they are, how to reach them, and when. Phones are stored as E.164 (parsed with
// libphonenumber-js, refused with a reason); the time zone is the one given or, when the phone's country has
// only one, that country's. Consent changes go through setWhatsappConsent, which keeps their history; a new phone
// number resets what the old one had agreed to (lead-phone-change.ts).
import { LockMode, ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import { changeWhatsappConsent } from '../conversations/consent.ts';
import { publishMessageRows } from '../conversations/publish-message-rows.ts';
import { Agent } from '../entities/agent.ts';
import type { PreferredChannel } from '../entities/channel.ts';
import { ConsentEvent } from '../entities/consent-event.ts';
import { Lead, type LeadStatus } from '../entities/lead.ts';
import { conflict, DomainError, notFound } from '../errors/domain-errors.ts';
import type { EventStream } from '../events/event-stream.ts';
import { TenantScope } from '../tenancy/tenant-scope.ts';
import { forgetOldNumber, NUMBER_CHANGED_SOURCE } from './lead-phone-change.ts';
import { normaliseTags } from './lead-tags.ts';
import { type LeadView, toLeadView } from './lead-view.ts';
import { resolveLeadTimezone } from './phone/lead-timezone.ts';
import { parsePhoneNumber } from './phone/phone-number.ts';

export { type LeadView, toLeadView } from './lead-view.ts';

export interface NewLead {
  name: string;
  phone: string;
  email?: string | null | undefined;
  timezone?: string | null | undefined;
  preferredChannel?: PreferredChannel | undefined;
  whatsappOptIn?: boolean | undefined;
  optInSource?: string | undefined;
  status?: LeadStatus | undefined;
  tags?: string[] | undefined;
  customFields?: Record<string, string> | undefined;
  ownerAgentId?: string | null | undefined;
}

export type LeadChanges = Partial<Omit<NewLead, 'whatsappOptIn' | 'optInSource'>>;

const invalid = (message: string) => new DomainError('invalid', message);

/** E.164, or a refusal that says what is wrong with the number. */
export function normalisePhone(input: string): string {
  const parsed = parsePhoneNumber(input);
  if (!parsed.ok) throw invalid(parsed.reason);
  return parsed.e164;
}

function timezoneFor(given: string | null | undefined, phone: string): string | null {
  const resolved = resolveLeadTimezone({ given: given ?? null, phoneE164: phone });
  if (!resolved.ok) throw invalid(resolved.reason);
  return resolved.timezone;
}

/** The agent, checked to be the company's (another company's id is not found). */
async function ownerAgent(scope: TenantScope, id: string | null | undefined): Promise<Agent | null> {
  return id ? scope.get(Agent, id, 'Agent') : null;
}

/** Who a consent event names for a change made through this scope. */
const actorOf = (scope: TenantScope): string => (scope.actor ? `user:${scope.actor.userId}` : 'system');

async function flushLead(scope: TenantScope): Promise<void> {
  try {
    await scope.em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict('A lead with this phone number already exists');
    throw error;
  }
}

export async function createLead(scope: TenantScope, events: EventStream, input: NewLead): Promise<LeadView> {
  const now = scope.clock.now();
  const phone = normalisePhone(input.phone);
  const owner = await ownerAgent(scope, input.ownerAgentId);
  const lead = scope.create(Lead, {
    name: input.name.trim(),
    phone,
    email: input.email?.trim() || null,
    timezone: timezoneFor(input.timezone, phone),
    preferredChannel: input.preferredChannel ?? 'both',
    whatsappOptIn: input.whatsappOptIn ?? false,
    whatsappOptInAt: input.whatsappOptIn ? now : null,
    whatsappOptInSource: input.whatsappOptIn ? (input.optInSource ?? 'manual') : null,
    status: input.status ?? 'new',
    tags: normaliseTags(input.tags ?? []),
    customFields: input.customFields ?? {},
    ownerAgent: owner,
  });
  if (input.whatsappOptIn) {
    scope.create(ConsentEvent, {
      lead: lead.id,
      channel: 'whatsapp',
      optIn: true,
      source: input.optInSource ?? 'manual',
      actor: actorOf(scope),
      occurredAt: now,
    });
  }
  await flushLead(scope);
  const view = toLeadView(lead);
  await events.publish(scope.companyId, { type: 'lead.created', at: now.toISOString(), data: { lead: view } });
  return view;
}

export async function updateLead(scope: TenantScope, events: EventStream, id: string, changes: LeadChanges): Promise<LeadView> {
  const now = scope.clock.now();
  const newPhone = changes.phone !== undefined ? normalisePhone(changes.phone) : undefined;
  // One transaction with the lead row locked: a new number and what the old one leaves behind (consent, window,
  // queued messages) change together or not at all, and an inbound STOP applied meanwhile waits for it.
  const edit = scope.em.transactional(async (tx) => {
    const txScope = new TenantScope(tx, scope.companyId, scope.clock, scope.actor);
    const lead = await tx.findOne(Lead, { id, company: scope.companyId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!lead) throw notFound('Lead');
    if (changes.name !== undefined) lead.name = changes.name.trim();
    const numberChanged = newPhone !== undefined && newPhone !== lead.phone;
    if (newPhone !== undefined) lead.phone = newPhone;
    if (changes.email !== undefined) lead.email = changes.email?.trim() || null;
    if (changes.timezone !== undefined || changes.phone !== undefined) {
      lead.timezone = timezoneFor(changes.timezone !== undefined ? changes.timezone : lead.timezone, lead.phone);
    }
    if (changes.preferredChannel !== undefined) lead.preferredChannel = changes.preferredChannel;
    if (changes.status !== undefined) lead.status = changes.status;
    if (changes.tags !== undefined) lead.tags = normaliseTags(changes.tags);
    if (changes.customFields !== undefined) lead.customFields = changes.customFields;
    if (changes.ownerAgentId !== undefined) {
      const owner = await ownerAgent(txScope, changes.ownerAgentId);
      lead.ownerAgent = owner ? ref(owner) : null;
    }
    await tx.flush();
    const forgotten = numberChanged ? await forgetOldNumber(tx, lead, { actor: actorOf(scope), at: now }) : null;
    return { lead, forgotten };
  });
  const { lead, forgotten } = await edit.catch((error: unknown) => {
    if (error instanceof UniqueConstraintViolationException) throw conflict('A lead with this phone number already exists');
    throw error;
  });
  const view = toLeadView(lead);
  // After the commit, best-effort: the consoles learn of the edit, the consent change and the cancelled messages.
  await events.publish(scope.companyId, { type: 'lead.updated', at: now.toISOString(), data: { lead: view } });
  if (forgotten?.consentReset) {
    await events.publish(scope.companyId, {
      type: 'lead.consent',
      at: now.toISOString(),
      data: {
        leadId: lead.id,
        channel: 'whatsapp',
        optIn: false,
        source: NUMBER_CHANGED_SOURCE,
        cancelledMessageIds: forgotten.cancelled.map((m) => m.id),
      },
    });
  }
  if (forgotten?.cancelled.length) await publishMessageRows({ events, clock: scope.clock }, forgotten.cancelled);
  return view;
}

export async function setWhatsappConsent(
  scope: TenantScope,
  events: EventStream,
  input: { leadId: string; optIn: boolean; source: string },
): Promise<LeadView> {
  const lead = await scope.get(Lead, input.leadId, 'Lead');
  await changeWhatsappConsent(scope.em, events, {
    companyId: scope.companyId,
    leadId: lead.id,
    optIn: input.optIn,
    source: input.source,
    actor: actorOf(scope),
    at: scope.clock.now(),
  });
  return toLeadView(await scope.em.fork().findOneOrFail(Lead, { id: lead.id, company: scope.companyId }));
}

// Leads of one company: who they are, how to reach them, and when. Phones are stored as E.164 (parsed with
// libphonenumber-js, refused with a reason); the time zone is the one given or, when the phone's country has
// only one, that country's. Consent changes go through setWhatsappConsent, which keeps their history.
import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import { changeWhatsappConsent } from '../conversations/consent.ts';
import { Agent } from '../entities/agent.ts';
import type { PreferredChannel } from '../entities/channel.ts';
import { ConsentEvent } from '../entities/consent-event.ts';
import { Lead, type LeadStatus } from '../entities/lead.ts';
import { conflict, DomainError } from '../errors/domain-errors.ts';
import type { EventStream } from '../events/event-stream.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
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
      actor: scope.actor ? `user:${scope.actor.userId}` : 'system',
      occurredAt: now,
    });
  }
  await flushLead(scope);
  const view = toLeadView(lead);
  await events.publish(scope.companyId, { type: 'lead.created', at: now.toISOString(), data: { lead: view } });
  return view;
}

export async function updateLead(scope: TenantScope, events: EventStream, id: string, changes: LeadChanges): Promise<LeadView> {
  const lead = await scope.get(Lead, id, 'Lead');
  if (changes.name !== undefined) lead.name = changes.name.trim();
  if (changes.phone !== undefined) lead.phone = normalisePhone(changes.phone);
  if (changes.email !== undefined) lead.email = changes.email?.trim() || null;
  if (changes.timezone !== undefined || changes.phone !== undefined) {
    lead.timezone = timezoneFor(changes.timezone !== undefined ? changes.timezone : lead.timezone, lead.phone);
  }
  if (changes.preferredChannel !== undefined) lead.preferredChannel = changes.preferredChannel;
  if (changes.status !== undefined) lead.status = changes.status;
  if (changes.tags !== undefined) lead.tags = normaliseTags(changes.tags);
  if (changes.customFields !== undefined) lead.customFields = changes.customFields;
  if (changes.ownerAgentId !== undefined) {
    const owner = await ownerAgent(scope, changes.ownerAgentId);
    lead.ownerAgent = owner ? ref(owner) : null;
  }
  await flushLead(scope);
  const view = toLeadView(lead);
  await events.publish(scope.companyId, { type: 'lead.updated', at: scope.clock.now().toISOString(), data: { lead: view } });
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
    actor: scope.actor ? `user:${scope.actor.userId}` : 'system',
    at: scope.clock.now(),
  });
  return toLeadView(await scope.em.fork().findOneOrFail(Lead, { id: lead.id, company: scope.companyId }));
}

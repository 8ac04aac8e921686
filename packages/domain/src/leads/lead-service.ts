// Leads inside one company: the fields the messaging core needs (issue 5 grows import, filters and bulk work).
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { changeWhatsappConsent } from '../conversations/consent.ts';
import type { PreferredChannel } from '../entities/channel.ts';
import { ConsentEvent } from '../entities/consent-event.ts';
import { Lead } from '../entities/lead.ts';
import { conflict, DomainError } from '../errors/domain-errors.ts';
import type { EventStream } from '../events/event-stream.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';

export interface LeadView {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  timezone: string | null;
  preferredChannel: PreferredChannel;
  whatsappOptIn: boolean;
  whatsappOptInAt: string | null;
  whatsappOptInSource: string | null;
  whatsappOptedOutAt: string | null;
  status: Lead['status'];
  createdAt: string;
}

export const toLeadView = (l: Lead): LeadView => ({
  id: l.id,
  name: l.name,
  phone: l.phone,
  email: l.email ?? null,
  timezone: l.timezone ?? null,
  preferredChannel: l.preferredChannel,
  whatsappOptIn: l.whatsappOptIn,
  whatsappOptInAt: l.whatsappOptInAt?.toISOString() ?? null,
  whatsappOptInSource: l.whatsappOptInSource ?? null,
  whatsappOptedOutAt: l.whatsappOptedOutAt?.toISOString() ?? null,
  status: l.status,
  createdAt: l.createdAt.toISOString(),
});

export interface NewLead {
  name: string;
  phone: string;
  email?: string | null | undefined;
  timezone?: string | null | undefined;
  preferredChannel?: PreferredChannel | undefined;
  whatsappOptIn?: boolean | undefined;
  optInSource?: string | undefined;
}

/** E.164: a plus, a non-zero country digit, 7 to 15 digits in all. Spaces, dots, dashes and brackets are ignored. */
export function normalisePhone(input: string): string {
  const digits = input.trim().replace(/[\s().-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(digits))
    throw new DomainError('invalid', 'Enter the phone number with its country code, like +14155550100');
  return digits;
}

export async function createLead(scope: TenantScope, events: EventStream, input: NewLead): Promise<LeadView> {
  const now = scope.clock.now();
  const lead = scope.create(Lead, {
    name: input.name.trim(),
    phone: normalisePhone(input.phone),
    email: input.email ?? null,
    timezone: input.timezone ?? null,
    preferredChannel: input.preferredChannel ?? 'both',
    whatsappOptIn: input.whatsappOptIn ?? false,
    whatsappOptInAt: input.whatsappOptIn ? now : null,
    whatsappOptInSource: input.whatsappOptIn ? (input.optInSource ?? 'manual') : null,
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
  try {
    await scope.em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict('A lead with this phone number already exists');
    throw error;
  }
  const view = toLeadView(lead);
  await events.publish(scope.companyId, { type: 'lead.created', at: now.toISOString(), data: { lead: view } });
  return view;
}

export async function getLead(scope: TenantScope, id: string): Promise<LeadView> {
  return toLeadView(await scope.get(Lead, id, 'Lead'));
}

export async function listLeads(scope: TenantScope, opts: { search?: string | undefined; limit: number }): Promise<LeadView[]> {
  const where = opts.search ? { $or: [{ name: { $ilike: `%${opts.search}%` } }, { phone: { $like: `%${opts.search}%` } }] } : {};
  const leads = await scope.find(Lead, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: opts.limit });
  return leads.map(toLeadView);
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

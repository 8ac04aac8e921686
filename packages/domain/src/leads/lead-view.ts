// How a lead appears in the console and the API. `cursor` is its place in the newest-first list, for the next page.
import type { PreferredChannel } from '../entities/channel.ts';
import type { Lead, LeadStatus } from '../entities/lead.ts';

export type LeadConsent = 'opted_in' | 'opted_out' | 'none';

export interface LeadView {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  timezone: string | null;
  preferredChannel: PreferredChannel;
  /** WhatsApp consent at a glance: opted in, opted out (by the lead or for them), or never asked. */
  consent: LeadConsent;
  whatsappOptIn: boolean;
  whatsappOptInAt: string | null;
  whatsappOptInSource: string | null;
  whatsappOptedOutAt: string | null;
  status: LeadStatus;
  tags: string[];
  customFields: Record<string, string>;
  ownerAgentId: string | null;
  createdAt: string;
  updatedAt: string;
  cursor: string;
}

export const consentOf = (optIn: boolean, optedOutAt: unknown): LeadConsent => (optIn ? 'opted_in' : optedOutAt ? 'opted_out' : 'none');

/** A list position: the lead's creation time and id, which together order the list exactly. */
export const leadCursor = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');

export function parseLeadCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  return id && /^[0-9a-f-]{36}$/i.test(id) && Number.isFinite(createdAt.getTime()) ? { createdAt, id } : null;
}

export const toLeadView = (l: Lead): LeadView => ({
  id: l.id,
  name: l.name,
  phone: l.phone,
  email: l.email ?? null,
  timezone: l.timezone ?? null,
  preferredChannel: l.preferredChannel,
  consent: consentOf(l.whatsappOptIn, l.whatsappOptedOutAt),
  whatsappOptIn: l.whatsappOptIn,
  whatsappOptInAt: l.whatsappOptInAt?.toISOString() ?? null,
  whatsappOptInSource: l.whatsappOptInSource ?? null,
  whatsappOptedOutAt: l.whatsappOptedOutAt?.toISOString() ?? null,
  status: l.status,
  tags: l.tags,
  customFields: l.customFields,
  ownerAgentId: l.ownerAgent?.id ?? null,
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
  cursor: leadCursor(l.createdAt, l.id),
});

// A lead's editable fields as the detail form holds them (text inputs), and the changes to send: only what
// differs from the lead, so a save never touches a field the user left alone.
import type { Lead, LeadChanges, LeadStatus, PreferredChannel } from './lead-types.ts';

export interface LeadDraft {
  name: string;
  phone: string;
  email: string;
  timezone: string;
  preferredChannel: PreferredChannel;
  status: LeadStatus;
  /** Comma separated. */
  tags: string;
  /** '' for none. */
  ownerAgentId: string;
}

export const draftOf = (lead: Lead): LeadDraft => ({
  name: lead.name,
  phone: lead.phone,
  email: lead.email ?? '',
  timezone: lead.timezone ?? '',
  preferredChannel: lead.preferredChannel,
  status: lead.status,
  tags: lead.tags.join(', '),
  ownerAgentId: lead.ownerAgentId ?? '',
});

const tagsOf = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

export function changesOf(lead: Lead, d: LeadDraft): LeadChanges {
  const changes: LeadChanges = {};
  if (d.name.trim() !== lead.name) changes.name = d.name;
  if (d.phone.trim() !== lead.phone) changes.phone = d.phone;
  if (d.email.trim() !== (lead.email ?? '')) changes.email = d.email.trim() || null;
  if (d.timezone.trim() !== (lead.timezone ?? '')) changes.timezone = d.timezone.trim() || null;
  if (d.preferredChannel !== lead.preferredChannel) changes.preferredChannel = d.preferredChannel;
  if (d.status !== lead.status) changes.status = d.status;
  if (tagsOf(d.tags).join(',') !== lead.tags.join(',')) changes.tags = tagsOf(d.tags);
  if (d.ownerAgentId !== (lead.ownerAgentId ?? '')) changes.ownerAgentId = d.ownerAgentId || null;
  return changes;
}

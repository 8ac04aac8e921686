// The templates an agent can open WhatsApp conversations with, one per template family. A family with an approved
// version offers that version (the one sends use); otherwise its newest, which must be approved before it sends.
import type { TemplateSummary } from '../../api/client.ts';

export interface TemplateChoice {
  /** The version the agent keeps as its default. */
  id: string;
  /** Every id that means this family to the agent (the newest version and the approved one). */
  ids: string[];
  name: string;
  language: string;
  status: TemplateSummary['status'];
  rejectionReason: string | null;
}

export function templateChoices(templates: TemplateSummary[]): TemplateChoice[] {
  return templates.map((t) => ({
    id: t.sendable?.id ?? t.id,
    ids: [t.id, ...(t.sendable ? [t.sendable.id] : [])],
    name: t.name,
    language: t.language,
    status: t.sendable ? 'approved' : t.status,
    rejectionReason: t.sendable ? null : t.rejectionReason,
  }));
}

export const findTemplate = (choices: TemplateChoice[] | null, id: string | null): TemplateChoice | undefined =>
  id ? choices?.find((c) => c.ids.includes(id)) : undefined;

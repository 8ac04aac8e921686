// How a template appears in the console and the API: one version, its WhatsApp problems, and which version of
// its family a send would use.
import type { Template, TemplateStatus } from '../entities/template.ts';
import type { TemplateEvent } from '../entities/template-event.ts';
import type { TemplateButton, TemplateCategory, TemplateDefinition, TemplateHeader, TemplateVariable } from './template-definition.ts';
import { type TemplateIssue, validateTemplate } from './template-validation.ts';
import { whatsappTemplateName } from './twilio-content.ts';

export interface TemplateView {
  id: string;
  familyId: string;
  version: number;
  name: string;
  /** The name WhatsApp knows this version by (later versions get `_v2`, `_v3`…). */
  whatsappName: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  header: TemplateHeader | null;
  body: string;
  footer: string | null;
  buttons: TemplateButton[];
  variables: TemplateVariable[];
  contentSid: string | null;
  rejectionReason: string | null;
  submittedAt: string | null;
  statusChangedAt: string | null;
  libraryKey: string | null;
  createdAt: string;
  updatedAt: string;
  /** What WhatsApp would object to; a draft with problems cannot be submitted. */
  issues: TemplateIssue[];
  /** The family's approved version that sends use now (possibly this one), or null. */
  sendable: { id: string; version: number } | null;
}

export interface TemplateHistoryEntry {
  kind: TemplateEvent['kind'];
  version: number;
  detail: string | null;
  actor: string;
  at: string;
}

export function definitionOf(t: Template): TemplateDefinition {
  return {
    name: t.name,
    language: t.language,
    category: t.category,
    body: t.body,
    header: t.header ?? null,
    footer: t.footer ?? null,
    buttons: t.buttons,
    variables: t.variables,
  };
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** The approved version with the highest number: a new approval supersedes the older one. */
export function sendableVersion(family: Template[]): Template | null {
  return family.filter((t) => t.status === 'approved').sort((a, b) => b.version - a.version)[0] ?? null;
}

export function toTemplateView(t: Template, family: Template[] = [t]): TemplateView {
  const sendable = sendableVersion(family);
  return {
    id: t.id,
    familyId: t.familyId,
    version: t.version,
    name: t.name,
    whatsappName: whatsappTemplateName(t.name, t.version),
    language: t.language,
    category: t.category,
    status: t.status,
    header: t.header ?? null,
    body: t.body,
    footer: t.footer ?? null,
    buttons: t.buttons,
    variables: t.variables,
    contentSid: t.contentSid ?? null,
    rejectionReason: t.rejectionReason ?? null,
    submittedAt: iso(t.submittedAt),
    statusChangedAt: iso(t.statusChangedAt),
    libraryKey: t.libraryKey ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    issues: t.status === 'draft' ? validateTemplate(definitionOf(t)) : [],
    sendable: sendable ? { id: sendable.id, version: sendable.version } : null,
  };
}

export const toHistoryEntry = (e: TemplateEvent): TemplateHistoryEntry => ({
  kind: e.kind,
  version: e.version,
  detail: e.detail ?? null,
  actor: e.actor,
  at: e.occurredAt.toISOString(),
});

// A template as one lead will receive it: the approved version a send uses, the values from the lead, its agent
// and company (or typed by the sender), the rendered text for the timeline, and Twilio's numbered variables.
import { Agent } from '../entities/agent.ts';
import { Company } from '../entities/company.ts';
import type { Lead } from '../entities/lead.ts';
import { Template } from '../entities/template.ts';
import { precondition } from '../errors/domain-errors.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import {
  contentVariablesFor,
  previewTemplate,
  type RenderedTemplate,
  renderTemplate,
  resolveTemplateValues,
  type TemplateValueContext,
} from './template-rendering.ts';
import { templateFamily } from './template-service.ts';
import { definitionOf, sendableVersion } from './template-view.ts';

export const TEMPLATE_REFUSALS = {
  archived: 'This template is archived',
  notApproved: 'The template is not approved for WhatsApp yet',
} as const;

/** The version of the template's family that a send uses now; refused when there is none. */
export async function templateToSend(scope: TenantScope, templateId: string): Promise<Template> {
  const t = await scope.get(Template, templateId, 'Template');
  const family = await templateFamily(scope, t.familyId);
  const sendable = sendableVersion(family);
  if (sendable?.contentSid) return sendable;
  if (family.every((v) => v.status === 'archived')) throw precondition(TEMPLATE_REFUSALS.archived);
  throw precondition(TEMPLATE_REFUSALS.notApproved);
}

/** The lead's values; `agent` speaks for the lead's owner agent (an agent's preview shows its own name). */
export async function templateValueContext(scope: TenantScope, lead: Lead, agentName?: string): Promise<TemplateValueContext> {
  const company = await scope.em.findOne(Company, { id: scope.companyId });
  const agent =
    agentName !== undefined
      ? { name: agentName }
      : lead.ownerAgent
        ? await scope.em.findOne(Agent, { id: lead.ownerAgent.id, company: scope.companyId })
        : null;
  return {
    lead: { name: lead.name, phone: lead.phone, email: lead.email ?? null, customFields: lead.customFields },
    agent: agent ? { name: agent.name } : null,
    company: company ? { name: company.name } : null,
  };
}

export interface TemplateForLead {
  rendered: RenderedTemplate;
  values: Record<string, string>;
  /** Variables still without a value: the sender must type them in. */
  missing: string[];
}

/** The template filled for the lead as far as the values go; what is missing shows as `{{name}}`. */
export async function templateForLead(
  scope: TenantScope,
  t: Template,
  lead: Lead,
  overrides: Record<string, string> = {},
  agentName?: string,
): Promise<TemplateForLead> {
  const def = definitionOf(t);
  const { values, missing } = resolveTemplateValues(def, await templateValueContext(scope, lead, agentName), overrides);
  if (missing.length === 0) return { rendered: renderTemplate(def, values), values, missing };
  const partial = { ...def, variables: def.variables.map((v) => ({ ...v, example: values[v.name] ?? '' })) };
  return { rendered: previewTemplate(partial), values, missing };
}

export interface TemplateMessage {
  template: Template;
  body: string;
  parts: { header: RenderedTemplate['header'] | null; footer: string | null; buttons: RenderedTemplate['buttons'] };
  /** Twilio's ContentVariables: numbered keys. */
  contentVariables: Record<string, string>;
}

/** Everything a template send stores on its message; refused (naming them) when values are missing. */
export async function templateMessage(
  scope: TenantScope,
  templateId: string,
  lead: Lead,
  overrides: Record<string, string> = {},
): Promise<TemplateMessage> {
  const template = await templateToSend(scope, templateId);
  const def = definitionOf(template);
  const { values, missing } = resolveTemplateValues(def, await templateValueContext(scope, lead), overrides);
  if (missing.length) throw precondition(`Missing template values: ${missing.join(', ')}`);
  const rendered = renderTemplate(def, values);
  return {
    template,
    body: rendered.body,
    parts: { header: rendered.header ?? null, footer: rendered.footer ?? null, buttons: rendered.buttons },
    contentVariables: contentVariablesFor(def, values),
  };
}

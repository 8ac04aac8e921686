// What the editor and the composer show: a template rendered as the lead will see it (with the examples, or
// filled for one lead), what WhatsApp would object to, and what Twilio will receive (numbered placeholders).
import { Lead } from '../entities/lead.ts';
import { Template } from '../entities/template.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { type TemplateDefinitionInput, templateDefinitionSchema } from './template-definition.ts';
import { previewTemplate, type RenderedTemplate } from './template-rendering.ts';
import { templateForLead } from './template-sending.ts';
import { type TemplateIssue, validateTemplate } from './template-validation.ts';
import { numberedParts } from './template-variables.ts';
import { definitionOf } from './template-view.ts';
import { type ContentTypeKey, contentTypeFor } from './twilio-content.ts';

export interface TemplatePreview {
  rendered: RenderedTemplate;
  issues: TemplateIssue[];
  /** The body as Twilio stores it, `{{1}}`…, the content type it goes as, and which number is which variable. */
  twilio: { contentType: ContentTypeKey; body: string; variables: Record<string, string> };
  /** Filled for a lead: the values found, and the variables the sender still has to type in. */
  values: Record<string, string>;
  missing: string[];
}

export function previewDefinition(input: TemplateDefinitionInput): TemplatePreview {
  const def = templateDefinitionSchema.parse(input);
  const numbered = numberedParts(def);
  return {
    rendered: previewTemplate(def),
    issues: validateTemplate(def),
    twilio: { contentType: contentTypeFor(def), body: numbered.body, variables: { ...numbered.numbering.byNumber } },
    values: {},
    missing: [],
  };
}

/** A stored template, with its examples or, given a lead, filled for that lead (and what the sender typed). */
export async function previewStoredTemplate(
  scope: TenantScope,
  input: { templateId: string; leadId?: string | undefined; variables?: Record<string, string> | undefined },
): Promise<TemplatePreview> {
  const t = await scope.get(Template, input.templateId, 'Template');
  const preview = previewDefinition(definitionOf(t));
  if (!input.leadId) return preview;
  const lead = await scope.get(Lead, input.leadId, 'Lead');
  const filled = await templateForLead(scope, t, lead, input.variables);
  return { ...preview, rendered: filled.rendered, values: filled.values, missing: filled.missing };
}

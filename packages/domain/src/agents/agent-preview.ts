// What an agent would do with one lead, before it does it: its voice prompt and its WhatsApp opening message
// filled for that lead, and whether each channel's business hours allow reaching the lead now (in the lead's time).
import { Agent } from '../entities/agent.ts';
import { Company } from '../entities/company.ts';
import { Lead } from '../entities/lead.ts';
import { Template } from '../entities/template.ts';
import { isWithinBusinessHours, nextAllowedInstant } from '../scheduling/business-hours.ts';
import type { BusinessHours } from '../scheduling/business-hours-schema.ts';
import { type TemplateForLead, templateForLead } from '../templates/template-sending.ts';
import { templateFamily } from '../templates/template-service.ts';
import { sendableVersion } from '../templates/template-view.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { toAgentView } from './agent-service.ts';
import { renderAgentPrompt, unfilledPromptVariables } from './agent-settings.ts';

export interface ChannelTiming {
  /** May the agent reach the lead on this channel right now (the lead's local time when known)? */
  openNow: boolean;
  /** When it next may, if not now; null when the schedule never allows it. */
  nextAllowedAt: string | null;
}

export interface AgentPreview {
  voice: (ChannelTiming & { prompt: string; unfilled: string[] }) | null;
  whatsapp: (ChannelTiming & { template: { id: string; name: string; status: string } | null; message: TemplateForLead | null }) | null;
}

function timing(hours: BusinessHours, now: Date, leadTimezone: string | null): ChannelTiming {
  const opts = leadTimezone ? { leadTimezone } : {};
  if (isWithinBusinessHours(hours, now, opts)) return { openNow: true, nextAllowedAt: null };
  return { openNow: false, nextAllowedAt: nextAllowedInstant(hours, now, opts)?.toISOString() ?? null };
}

export async function previewAgentForLead(scope: TenantScope, input: { agentId: string; leadId: string }): Promise<AgentPreview> {
  const agent = await scope.get(Agent, input.agentId, 'Agent');
  const lead = await scope.get(Lead, input.leadId, 'Lead');
  const { settings, channels, name, prompt } = await toAgentView(scope, agent);
  const company = await scope.em.findOne(Company, { id: scope.companyId });
  const now = scope.clock.now();
  const leadZone = lead.timezone ?? null;

  let whatsapp: AgentPreview['whatsapp'] = null;
  if (channels.includes('whatsapp')) {
    const chosen = settings.whatsapp.defaultTemplateId
      ? await scope.em.findOne(Template, { id: settings.whatsapp.defaultTemplateId, company: scope.companyId })
      : null;
    // The template, not one version of it: a newer approved version is the one that would go out.
    const template = chosen ? (sendableVersion(await templateFamily(scope, chosen.familyId)) ?? chosen) : null;
    whatsapp = {
      ...timing(settings.whatsapp.businessHours, now, leadZone),
      template: template ? { id: template.id, name: template.name, status: template.status } : null,
      message: template ? await templateForLead(scope, template, lead, {}, name) : null,
    };
  }
  let voice: AgentPreview['voice'] = null;
  if (channels.includes('voice')) {
    const context = { leadName: lead.name, agentName: name, companyName: company?.name ?? null };
    voice = {
      ...timing(settings.voice.businessHours, now, leadZone),
      prompt: renderAgentPrompt(prompt ?? '', settings.promptVariables, context),
      unfilled: unfilledPromptVariables(prompt ?? '', settings.promptVariables, context),
    };
  }
  return { voice, whatsapp };
}

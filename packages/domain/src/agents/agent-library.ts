// The industry agent library: one ready agent per industry, which a company copies and adjusts. Each entry's
// first WhatsApp message is its industry's `<industry>_first_contact` in the template library.

import type { Channel } from '../entities/channel.ts';
import { notFound } from '../errors/domain-errors.ts';
import type { IndustryId } from '../industries/industries.ts';
import { CONSUMER_AND_LEISURE_AGENTS } from './agent-library/consumer-and-leisure.ts';
import { HEALTH_AND_CARE_AGENTS } from './agent-library/health-and-care.ts';
import { HOME_AND_PROPERTY_AGENTS } from './agent-library/home-and-property.ts';
import type { AgentLibraryEntry, LibraryChannelPlan } from './agent-library/library-entry.ts';
import { libraryBusinessHours } from './agent-library/library-hours.ts';
import { PROFESSIONAL_SERVICES_AGENTS } from './agent-library/professional-services.ts';
import { type AgentSettings, type AgentSettingsPatch, defaultAgentSettings, mergeAgentSettings } from './agent-settings.ts';

export type { AgentLibraryEntry, LibraryChannelPlan } from './agent-library/library-entry.ts';
export { LIBRARY_SCHEDULES, type LibrarySchedule, libraryBusinessHours } from './agent-library/library-hours.ts';

export const AGENT_LIBRARY: readonly AgentLibraryEntry[] = [
  ...HOME_AND_PROPERTY_AGENTS,
  ...HEALTH_AND_CARE_AGENTS,
  ...PROFESSIONAL_SERVICES_AGENTS,
  ...CONSUMER_AND_LEISURE_AGENTS,
];

const BY_INDUSTRY = new Map<string, AgentLibraryEntry>(AGENT_LIBRARY.map((entry) => [entry.industry, entry]));

/** The library's agent for an industry; undefined for an id that is not an industry. */
export function agentLibraryEntry(industry: string): AgentLibraryEntry | undefined {
  return BY_INDUSTRY.get(industry);
}

/** What a new agent copied from the library starts with; the caller saves it as the company's own. */
export interface AgentFromLibrary {
  name: string;
  industry: IndustryId;
  prompt: string;
  channels: Channel[];
  settings: AgentSettings;
  firstContactTemplateKey: string;
}

const channelPatch = (plan: LibraryChannelPlan | undefined, timezone: string) =>
  plan && {
    businessHours: libraryBusinessHours(plan.hours, timezone),
    maxAttempts: plan.maxAttempts,
    retrySpacingMinutes: plan.retrySpacingMinutes,
  };

/**
 * The industry's library agent as a new agent: the default settings with the entry's hours, attempts and
 * variables, every schedule in `timezone`. Not found for an unknown industry; invalid for a zone we do not accept.
 */
export function agentFromLibrary(industry: string, timezone: string): AgentFromLibrary {
  const entry = agentLibraryEntry(industry);
  if (!entry) throw notFound('Library agent');
  const patch: AgentSettingsPatch = {
    promptVariables: entry.promptVariables,
    voice: channelPatch(entry.settings.voice, timezone),
    whatsapp: channelPatch(entry.settings.whatsapp, timezone),
  };
  return structuredClone({
    name: entry.name,
    industry: entry.industry,
    prompt: entry.prompt,
    channels: entry.channels,
    settings: mergeAgentSettings(defaultAgentSettings(timezone), patch),
    firstContactTemplateKey: entry.firstContactTemplateKey,
  });
}

// Agents inside one company: their channels, voice prompt, WhatsApp sender and default template, and per channel
// their business hours and attempts. Started from scratch or from the industry library (which also brings the
// industry's first-contact template). Each change is announced on the company's event stream.
import { Agent } from '../entities/agent.ts';
import type { Channel } from '../entities/channel.ts';
import { Company } from '../entities/company.ts';
import { Template } from '../entities/template.ts';
import { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import type { EventStream } from '../events/event-stream.ts';
import { copyLibraryTemplate } from '../templates/template-service.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { agentFromLibrary } from './agent-library.ts';
import {
  type AgentSettings,
  type AgentSettingsPatch,
  agentSettingsSchema,
  defaultAgentSettings,
  mergeAgentSettings,
} from './agent-settings.ts';

export interface AgentView {
  id: string;
  name: string;
  industry: string | null;
  channels: Channel[];
  prompt: string | null;
  settings: AgentSettings;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AgentInput {
  name: string;
  channels: Channel[];
  industry?: string | null | undefined;
  prompt?: string | null | undefined;
  settings?: AgentSettingsPatch | undefined;
}

async function companyTimezone(scope: TenantScope): Promise<string> {
  return (await scope.em.findOne(Company, { id: scope.companyId }))?.timezone ?? 'UTC';
}

// Checking stored settings against the schema (hours without overlaps, known zones…) takes ~90 µs an agent, on
// every read of every agent. The same stored settings always give the same answer, so each version is checked
// once, keyed by its JSON (a twentieth of the cost). Bounded, and only valid settings are kept.
const MAX_CHECKED_SETTINGS = 5000;
const checkedSettings = new Map<string, AgentSettings>();

/** Settings as stored, or the defaults for rows written before agents had settings. */
async function settingsOf(scope: TenantScope, a: Agent): Promise<AgentSettings> {
  const key = JSON.stringify(a.settings);
  const checked = checkedSettings.get(key);
  if (checked) return checked;
  const parsed = agentSettingsSchema.safeParse(a.settings);
  if (!parsed.success) return defaultAgentSettings(await companyTimezone(scope));
  if (checkedSettings.size >= MAX_CHECKED_SETTINGS) checkedSettings.clear();
  checkedSettings.set(key, parsed.data);
  return parsed.data;
}

export async function toAgentView(scope: TenantScope, a: Agent): Promise<AgentView> {
  return {
    id: a.id,
    name: a.name,
    industry: a.industry ?? null,
    channels: a.channels,
    prompt: a.prompt ?? null,
    settings: await settingsOf(scope, a),
    archived: a.archivedAt != null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

// Keeps a stable order (voice before WhatsApp) and drops repeats, so equal settings compare equal.
const normaliseChannels = (channels: Channel[]): Channel[] => (['voice', 'whatsapp'] as const).filter((c) => channels.includes(c));

/** The sender and default template must be the company's own (another company's id is simply not found). */
async function checkReferences(scope: TenantScope, settings: AgentSettings): Promise<void> {
  if (settings.whatsapp.providerId) await scope.get(WhatsappProvider, settings.whatsapp.providerId, 'WhatsApp sender');
  if (settings.whatsapp.defaultTemplateId) await scope.get(Template, settings.whatsapp.defaultTemplateId, 'Template');
}

async function announce(scope: TenantScope, events: EventStream, type: string, agent: Agent): Promise<AgentView> {
  const view = await toAgentView(scope, agent);
  await events.publish(scope.companyId, { type, at: scope.clock.now().toISOString(), data: { agent: view } });
  return view;
}

export async function createAgent(scope: TenantScope, events: EventStream, input: AgentInput): Promise<AgentView> {
  const settings = mergeAgentSettings(defaultAgentSettings(await companyTimezone(scope)), input.settings ?? {});
  await checkReferences(scope, settings);
  const agent = scope.create(Agent, {
    name: input.name.trim(),
    channels: normaliseChannels(input.channels),
    industry: input.industry ?? null,
    prompt: input.prompt ?? null,
    settings,
  });
  await scope.em.flush();
  return announce(scope, events, 'agent.created', agent);
}

/** A new agent from the industry library, with the industry's first-contact template copied in as its default. */
export async function createAgentFromLibrary(
  scope: TenantScope,
  events: EventStream,
  input: { industry: string; name?: string | undefined },
): Promise<AgentView> {
  const from = agentFromLibrary(input.industry, await companyTimezone(scope));
  const existing = await scope.find(Template, { libraryKey: from.firstContactTemplateKey }, { orderBy: { version: 'desc' }, limit: 1 });
  const template = existing[0] ?? (await copyLibraryTemplate(scope, { events }, from.firstContactTemplateKey));
  const [provider] = await scope.find(WhatsappProvider, { active: true }, { orderBy: { createdAt: 'desc' }, limit: 1 });
  return createAgent(scope, events, {
    name: input.name?.trim() || from.name,
    channels: from.channels,
    industry: from.industry,
    prompt: from.prompt,
    settings: {
      ...from.settings,
      whatsapp: { ...from.settings.whatsapp, providerId: provider?.id ?? null, defaultTemplateId: template.id },
    },
  });
}

export async function updateAgent(scope: TenantScope, events: EventStream, id: string, input: Partial<AgentInput>): Promise<AgentView> {
  const agent = await scope.get(Agent, id, 'Agent');
  if (input.name !== undefined) agent.name = input.name.trim();
  if (input.channels !== undefined) agent.channels = normaliseChannels(input.channels);
  if (input.industry !== undefined) agent.industry = input.industry;
  if (input.prompt !== undefined) agent.prompt = input.prompt;
  if (input.settings !== undefined) {
    const settings = mergeAgentSettings(await settingsOf(scope, agent), input.settings);
    await checkReferences(scope, settings);
    agent.settings = settings;
  }
  await scope.em.flush();
  return announce(scope, events, 'agent.updated', agent);
}

/** Archived agents leave the list and keep their history; leads they own keep the link. */
export async function archiveAgent(scope: TenantScope, events: EventStream, id: string): Promise<AgentView> {
  const agent = await scope.get(Agent, id, 'Agent');
  agent.archivedAt ??= scope.clock.now();
  await scope.em.flush();
  return announce(scope, events, 'agent.updated', agent);
}

export async function listAgents(scope: TenantScope): Promise<AgentView[]> {
  const agents = await scope.find(Agent, { archivedAt: null }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  return Promise.all(agents.map((a) => toAgentView(scope, a)));
}

export async function getAgent(scope: TenantScope, id: string): Promise<AgentView> {
  return toAgentView(scope, await scope.get(Agent, id, 'Agent'));
}

// Creating and listing agents inside one company. Each change is announced on the company's event stream.

import { Agent } from '../entities/agent.ts';
import type { Channel } from '../entities/channel.ts';
import type { EventStream } from '../events/event-stream.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';

export interface AgentView {
  id: string;
  name: string;
  industry: string | null;
  channels: Channel[];
  createdAt: string;
  updatedAt: string;
}

export const toAgentView = (a: Agent): AgentView => ({
  id: a.id,
  name: a.name,
  industry: a.industry ?? null,
  channels: a.channels,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

export interface AgentInput {
  name: string;
  channels: Channel[];
  industry?: string | null;
  prompt?: string | null;
}

// Keeps a stable order (voice before WhatsApp) and drops repeats, so equal settings compare equal.
const normaliseChannels = (channels: Channel[]): Channel[] => (['voice', 'whatsapp'] as const).filter((c) => channels.includes(c));

export async function createAgent(scope: TenantScope, events: EventStream, input: AgentInput): Promise<AgentView> {
  const agent = scope.create(Agent, {
    name: input.name.trim(),
    channels: normaliseChannels(input.channels),
    industry: input.industry ?? null,
    prompt: input.prompt ?? null,
  });
  await scope.em.flush();
  const view = toAgentView(agent);
  await events.publish(scope.companyId, { type: 'agent.created', at: scope.clock.now().toISOString(), data: { agent: view } });
  return view;
}

export async function updateAgent(scope: TenantScope, events: EventStream, id: string, input: Partial<AgentInput>): Promise<AgentView> {
  const agent = await scope.get(Agent, id, 'Agent');
  if (input.name !== undefined) agent.name = input.name.trim();
  if (input.channels !== undefined) agent.channels = normaliseChannels(input.channels);
  if (input.industry !== undefined) agent.industry = input.industry;
  if (input.prompt !== undefined) agent.prompt = input.prompt;
  await scope.em.flush();
  const view = toAgentView(agent);
  await events.publish(scope.companyId, { type: 'agent.updated', at: scope.clock.now().toISOString(), data: { agent: view } });
  return view;
}

export async function listAgents(scope: TenantScope): Promise<AgentView[]> {
  const agents = await scope.find(Agent, { archivedAt: null }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  return agents.map(toAgentView);
}

export async function getAgent(scope: TenantScope, id: string): Promise<AgentView> {
  return toAgentView(await scope.get(Agent, id, 'Agent'));
}

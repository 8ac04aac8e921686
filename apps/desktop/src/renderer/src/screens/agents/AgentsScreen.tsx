// Agents: the company's AI agents and the channels each uses. Changes from other consoles arrive live.
import { useCallback, useEffect, useState } from 'react';
import { type Agent, describeError } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { AgentForm } from './AgentForm.tsx';
import { AgentTable } from './AgentTable.tsx';

/** Inserts or replaces by id, newest first, as agents.list orders them. */
export function mergeAgent(agents: Agent[], agent: Agent): Agent[] {
  const rest = agents.filter((a) => a.id !== agent.id);
  return [agent, ...rest].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function AgentsScreen() {
  const { api, user } = useSession();
  const [agents, setAgents] = useState<Agent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canEdit = user.role === 'admin' || user.role === 'manager';

  const load = useCallback(async () => {
    try {
      setAgents(await api.agents.list.query());
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  useLiveEvent(['agent.created', 'agent.updated'], (event) => {
    const agent = event.data.agent as Agent;
    setAgents((current) => (current ? mergeAgent(current, agent) : current));
  });

  return (
    <div className="page" data-testid="screen-agents">
      <div className="page-header">
        <div>
          <h2>Agents</h2>
          <p className="muted">AI sales agents and the channels they reach leads on.</p>
        </div>
        {canEdit && !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="agent-new">
            New agent
          </button>
        )}
      </div>
      {creating && (
        <AgentForm
          onCancel={() => setCreating(false)}
          onCreated={(agent) => {
            setAgents((current) => mergeAgent(current ?? [], agent));
            setCreating(false);
          }}
        />
      )}
      {error && (
        <div className="alert" role="alert">
          {error}{' '}
          <button type="button" className="link" onClick={() => void load()}>
            Retry
          </button>
        </div>
      )}
      {agents === null && !error && <p className="muted">Loading agents…</p>}
      {agents && agents.length === 0 && (
        <div className="empty">
          <h3>No agents yet</h3>
          <p>Create an agent to start reaching leads by voice, WhatsApp or both.</p>
        </div>
      )}
      {agents && agents.length > 0 && <AgentTable agents={agents} />}
    </div>
  );
}

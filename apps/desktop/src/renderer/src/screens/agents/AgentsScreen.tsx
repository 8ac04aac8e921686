// Agents: the company's AI agents with their channels, opening template, hours and attempts; the editor for one;
// and the industry library to start from. Changes from other consoles arrive live.
import './agents.css';
import { useCallback, useEffect, useState } from 'react';
import { type Agent, describeError } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { AgentEditor } from './AgentEditor.tsx';
import { AgentLibraryDialog } from './AgentLibraryDialog.tsx';
import { AgentTable } from './AgentTable.tsx';
import { useTemplateChoices } from './use-template-choices.ts';

/** Inserts or replaces by id, newest first, as agents.list orders them; an archived agent leaves the list. */
export function mergeAgent(agents: Agent[], agent: Agent): Agent[] {
  const rest = agents.filter((a) => a.id !== agent.id);
  if (agent.archived) return rest;
  return [agent, ...rest].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** What the editor opened with: an agent, or a new one. `key` starts a fresh editor each time. */
interface Editing {
  key: number;
  agent: Agent | null;
}

export function AgentsScreen() {
  const { api, user } = useSession();
  const [agents, setAgents] = useState<Agent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [library, setLibrary] = useState(false);
  const { templates } = useTemplateChoices();
  const canEdit = user.role === 'admin' || user.role === 'manager';
  const open = (agent: Agent | null) => setEditing({ key: Date.now(), agent });

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

  if (editing) {
    return (
      <AgentEditor
        key={editing.key}
        agent={editing.agent}
        onSaved={(agent) => setAgents((current) => mergeAgent(current ?? [], agent))}
        onClose={() => setEditing(null)}
      />
    );
  }
  return (
    <div className="page agents-page" data-testid="screen-agents">
      <div className="page-header">
        <div>
          <h2>Agents</h2>
          <p className="muted">AI sales agents: the channels they reach leads on, when, and how often they try.</p>
        </div>
        {canEdit && (
          <div className="agent-actions">
            <button type="button" onClick={() => setLibrary(true)} data-testid="agent-library">
              From library
            </button>
            <button type="button" className="primary" onClick={() => open(null)} data-testid="agent-new">
              New agent
            </button>
          </div>
        )}
      </div>
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
          <p>Start from a ready agent for your industry, or create one to reach leads by voice, WhatsApp or both.</p>
        </div>
      )}
      {agents && agents.length > 0 && <AgentTable agents={agents} templates={templates} onOpen={open} />}
      {library && (
        <AgentLibraryDialog
          onClose={() => setLibrary(false)}
          onCreated={(agent) => {
            setLibrary(false);
            setAgents((current) => mergeAgent(current ?? [], agent));
            open(agent);
          }}
        />
      )}
    </div>
  );
}

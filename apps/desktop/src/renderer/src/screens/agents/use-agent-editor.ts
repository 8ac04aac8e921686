// The editor's state and actions: the saved agent, the draft being typed, the server's objections, save (create,
// or update with only what changed) and archive. Another console's changes arrive live without losing typing.
import { useState } from 'react';
import type { Agent } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { type AgentDraft, agentChanges, createInput, draftOf, hasChanges, localIssues, newAgentDraft } from './agent-draft.ts';
import { type AgentIssue, agentErrorMessage, currentIssues, issuesOf } from './agent-issues.ts';
import { browserTimeZone } from './time-zones.ts';

export function useAgentEditor(initial: Agent | null, onSaved: (agent: Agent) => void) {
  const { api } = useSession();
  const [saved, setSaved] = useState<Agent | null>(initial);
  const [draft, setDraft] = useState<AgentDraft>(() => (initial ? draftOf(initial) : newAgentDraft(browserTimeZone())));
  const [busy, setBusy] = useState<'save' | 'archive' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The objections, and the draft they were found in: each fades once its field is edited.
  const [found, setFound] = useState<{ issues: AgentIssue[]; in: AgentDraft } | null>(null);
  const changes = saved ? agentChanges(saved, draft) : null;
  const dirty = changes ? hasChanges(changes) : true;
  const issues = found ? currentIssues(found.issues, found.in, draft) : [];

  useLiveEvent(['agent.updated'], (event) => {
    const view = event.data.agent as Agent;
    if (!saved || view.id !== saved.id || view.updatedAt === saved.updatedAt) return;
    setSaved(view);
    // The user's unsaved typing wins; an untouched form follows the server.
    if (!dirty) setDraft(draftOf(view));
    if (view.archived) setNotice('This agent was archived in another console.');
  });

  async function save() {
    const local = localIssues(draft);
    setNotice(null);
    if (local.length) {
      setFound({ issues: local, in: draft });
      setError('Some fields need attention.');
      return;
    }
    setBusy('save');
    setError(null);
    try {
      const view =
        saved && changes
          ? await api.agents.update.mutate({ id: saved.id, ...changes })
          : await api.agents.create.mutate(createInput(draft));
      setSaved(view);
      setDraft(draftOf(view));
      setFound(null);
      setNotice(saved ? 'Saved.' : 'Agent created. Pick a lead on the right to preview what it would send.');
      onSaved(view);
    } catch (e) {
      setFound({ issues: issuesOf(e), in: draft });
      setError(agentErrorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  /** True when archived: the agent leaves the list, and the editor closes. */
  async function archive(): Promise<boolean> {
    if (!saved) return false;
    setBusy('archive');
    setError(null);
    try {
      onSaved(await api.agents.archive.mutate({ id: saved.id }));
      return true;
    } catch (e) {
      setError(agentErrorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  }

  return { saved, draft, setDraft, dirty, issues, busy, notice, error, save, archive };
}

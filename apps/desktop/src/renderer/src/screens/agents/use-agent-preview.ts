// What the saved agent would do with one lead (agents.preview), asked again whenever the agent is saved.
import { useEffect, useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { agentErrorMessage } from './agent-issues.ts';
import type { AgentPreview } from './agent-types.ts';

export function useAgentPreview(agentId: string | null, version: string | null, leadId: string | null) {
  const { api } = useSession();
  const [preview, setPreview] = useState<AgentPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` (the agent's updatedAt) asks again after a save
  useEffect(() => {
    if (!agentId || !leadId) return setPreview(null);
    let current = true;
    setLoading(true);
    api.agents.preview
      .query({ agentId, leadId })
      // An answer for an earlier lead or version is dropped.
      .then((p) => {
        if (!current) return;
        setPreview(p);
        setError(null);
      })
      .catch((e: unknown) => current && setError(agentErrorMessage(e)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, agentId, leadId, version]);

  return { preview, error, loading };
}

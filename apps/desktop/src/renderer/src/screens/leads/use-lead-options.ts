// What the filters and forms offer to choose from: the company's agents and the tags in use, kept current.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import type { AgentOption, TagSuggestion } from './lead-types.ts';

export function useLeadOptions(): { agents: AgentOption[]; agentNames: ReadonlyMap<string, string>; tags: TagSuggestion[] } {
  const { api } = useSession();
  const [agents, setAgents] = useState<AgentOption[]>([]);
  const [tags, setTags] = useState<TagSuggestion[]>([]);

  const loadAgents = useCallback(() => {
    api.agents.list
      .query()
      .then(setAgents)
      .catch(() => undefined);
  }, [api]);
  const loadTags = useCallback(() => {
    api.leads.tags
      .query()
      .then(setTags)
      .catch(() => undefined);
  }, [api]);
  useEffect(() => {
    loadAgents();
    loadTags();
  }, [loadAgents, loadTags]);

  useLiveEvent(['agent.created', 'agent.updated'], loadAgents);
  useLiveEvent(['import.finished', 'bulk.finished'], loadTags);

  const agentNames = useMemo(() => new Map(agents.map((a) => [a.id, a.name])), [agents]);
  return { agents, agentNames, tags };
}

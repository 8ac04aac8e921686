// What the editor's selects offer: the company's WhatsApp senders, its templates, and the library's industries.
import { useEffect, useState } from 'react';
import type { Provider } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import type { TemplateChoice } from './template-choices.ts';
import { useTemplateChoices } from './use-template-choices.ts';

export interface AgentChoices {
  /** Null while loading; empty when the company has none. */
  providers: Provider[] | null;
  /** Senders are for managers and admins: for anyone else the list stays unknown. */
  providersHidden: boolean;
  templates: TemplateChoice[] | null;
  templatesFailed: boolean;
  industries: string[];
}

export function useAgentChoices(): AgentChoices {
  const { api } = useSession();
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [providersHidden, setProvidersHidden] = useState(false);
  const [industries, setIndustries] = useState<string[]>([]);
  const { templates, failed } = useTemplateChoices();

  useEffect(() => {
    api.providers.list
      .query()
      .then(setProviders)
      .catch(() => setProvidersHidden(true));
    // The industries come from the library itself: the renderer knows no server lists.
    api.agents.library
      .query()
      .then((entries) => setIndustries(entries.map((e) => e.industry)))
      .catch(() => setIndustries([]));
  }, [api]);

  return { providers, providersHidden, templates, templatesFailed: failed, industries };
}

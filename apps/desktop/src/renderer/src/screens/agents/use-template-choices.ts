// The company's templates as agent defaults, kept current: a template approved or renamed elsewhere shows here live.
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { type TemplateChoice, templateChoices } from './template-choices.ts';

export function useTemplateChoices(): { templates: TemplateChoice[] | null; failed: boolean } {
  const { api } = useSession();
  const [templates, setTemplates] = useState<TemplateChoice[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    api.templates.list
      .query()
      .then((list) => {
        setTemplates(templateChoices(list));
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [api]);
  useEffect(load, [load]);
  // The event carries one version; the family's approved version and newest come together from the list.
  useLiveEvent(['template.updated'], load);
  return { templates, failed };
}

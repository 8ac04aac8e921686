// A template filled for one lead, re-previewed 200 ms after the sender types a value: the bubble that will be
// sent, and which values the sender must type (those no binding could fill for this lead).
import { useEffect, useState } from 'react';
import { describeError, type TemplatePreview } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';

export interface FilledTemplate {
  preview: TemplatePreview | null;
  /** The variables to ask for: those missing before anything was typed, kept while they are typed in. */
  askFor: string[];
  error: string | null;
}

export const typedValues = (values: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));

const NOTHING: FilledTemplate = { preview: null, askFor: [], error: null };

/** Each answer remembers which template and lead it is for, so a previous choice's bubble is never shown. */
type Answer = FilledTemplate & { for: string };

export function useFilledTemplate(leadId: string, templateId: string, values: Record<string, string>): FilledTemplate {
  const { api } = useSession();
  const [state, setState] = useState<Answer>({ ...NOTHING, for: '' });
  const key = `${templateId}:${leadId}`;

  useEffect(() => {
    if (!templateId) return;
    const variables = typedValues(values);
    const typed = Object.keys(variables).length > 0;
    let current = true;
    // The first preview of a template goes at once; typing waits for a pause.
    const timer = setTimeout(
      () => {
        api.templates.preview
          .query({ templateId, leadId, ...(typed ? { variables } : {}) })
          // Before anything is typed, `missing` is what the sender must fill; a typed value is no longer missing
          // but its input must stay.
          .then((preview) => current && setState((s) => ({ for: key, preview, askFor: typed ? s.askFor : preview.missing, error: null })))
          .catch((e: unknown) => current && setState((s) => ({ ...(s.for === key ? s : NOTHING), for: key, error: describeError(e) })));
      },
      typed ? 200 : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key, leadId, templateId, values]);

  return state.for === key ? state : NOTHING;
}

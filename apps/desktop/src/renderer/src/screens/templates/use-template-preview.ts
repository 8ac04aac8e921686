// The editor's live preview and WhatsApp check: templates.preview on the draft, 200 ms after the last keystroke.
import { useEffect, useState } from 'react';
import type { TemplatePreview } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import type { TemplateDraft } from './template-draft.ts';
import { templateErrorMessage } from './template-errors.ts';

export const PREVIEW_DEBOUNCE_MS = 200;

export type TemplateIssue = TemplatePreview['issues'][number];

export interface LivePreview {
  preview: TemplatePreview | null;
  /** WhatsApp's objections to the draft on screen (as of the last preview). */
  issues: TemplateIssue[];
  error: string | null;
  /** True from a change until its preview arrives: Submit waits for the check of what is on screen. */
  checking: boolean;
}

export function useTemplatePreview(draft: TemplateDraft): LivePreview {
  const { api } = useSession();
  const [state, setState] = useState<Omit<LivePreview, 'issues'>>({ preview: null, error: null, checking: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      api.templates.preview
        .query({ definition: previewable(draft) })
        // A late answer for an older draft is dropped: only the newest keystroke's preview is shown.
        .then((preview) => current && setState({ preview, error: null, checking: false }))
        .catch((e: unknown) => current && setState((s) => ({ ...s, error: templateErrorMessage(e), checking: false })));
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, draft]);
  const issues = state.preview?.issues ?? [];
  return { ...state, issues: draft.name.trim() ? issues : [NAME_MISSING, ...issues.filter((i) => i.path !== 'name')] };
}

// The preview input refuses a blank name (it is the create schema), yet a new template is previewed before it
// has one: preview it under a stand-in name and report the missing name here, in WhatsApp's words.
const NAME_MISSING: TemplateIssue = { path: 'name', message: 'Give the template a name.' };
const previewable = (draft: TemplateDraft): TemplateDraft =>
  draft.name.trim() && draft.language.trim().length >= 2
    ? draft
    : { ...draft, name: draft.name.trim() || 'untitled', language: draft.language.trim() || 'en' };

// The editor's state and actions: the saved version and its history, the draft being typed, and save, submit,
// duplicate and archive. Changes from the approval worker or another console arrive live without losing typing.
import { useCallback, useEffect, useState } from 'react';
import type { TemplateDetail, TemplateSummary } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { draftOf, emptyDraft, sameDraft, type TemplateDraft } from './template-draft.ts';
import { templateErrorMessage } from './template-errors.ts';

export function useTemplateEditor(initialId: string | null) {
  const { api } = useSession();
  const [saved, setSaved] = useState<TemplateSummary | null>(null);
  const [detail, setDetail] = useState<TemplateDetail | null>(null);
  const [draft, setDraft] = useState<TemplateDraft>(emptyDraft);
  const [loading, setLoading] = useState(initialId !== null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dirty = saved ? !sameDraft(draft, draftOf(saved)) : !sameDraft(draft, emptyDraft());

  const loadDetail = useCallback(
    async (id: string, resetDraft: boolean) => {
      const d = await api.templates.get.query({ id });
      setDetail(d);
      setSaved(d.template);
      if (resetDraft) setDraft(draftOf(d.template));
    },
    [api],
  );

  useEffect(() => {
    if (!initialId) return;
    loadDetail(initialId, true)
      .catch((e: unknown) => setError(templateErrorMessage(e)))
      .finally(() => setLoading(false));
  }, [initialId, loadDetail]);

  useLiveEvent(['template.updated'], (event) => {
    const view = event.data.template as TemplateSummary;
    if (!saved || view.familyId !== saved.familyId) return;
    if (view.id === saved.id) {
      // "Submitted for review" and the like describe the status before this one.
      if (view.status !== saved.status) setNotice(null);
      setSaved(view);
      // The user's unsaved typing wins; an untouched form follows the server.
      if (!dirty) setDraft(draftOf(view));
    }
    // The history (and the versions) changed too.
    void api.templates.get
      .query({ id: saved.id })
      .then((d) => setDetail(d))
      .catch(() => undefined);
  });

  /** Runs an action with one busy label at a time and its failure shown in words. */
  async function run<T>(label: string, action: () => Promise<T>): Promise<T | null> {
    setBusy(label);
    setError(null);
    setNotice(null);
    try {
      return await action();
    } catch (e) {
      setError(templateErrorMessage(e));
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function open(view: TemplateSummary) {
    setSaved(view);
    setDraft(draftOf(view));
    await loadDetail(view.id, false).catch(() => undefined);
  }

  async function persist(): Promise<TemplateSummary> {
    const before = saved;
    const view = before ? await api.templates.update.mutate({ id: before.id, ...draft }) : await api.templates.create.mutate(draft);
    await open(view);
    if (before && view.id !== before.id) {
      const inUse = before.status === 'approved' ? ` Version ${before.version} stays in use until WhatsApp approves it.` : '';
      setNotice(`Saved as version ${view.version}, a new draft.${inUse} Submit it for approval when it is ready.`);
    } else {
      setNotice('Saved.');
    }
    return view;
  }

  const save = () => run('save', persist);

  const submit = () =>
    run('submit', async () => {
      const current = !saved || dirty ? await persist() : saved;
      const view = await api.templates.submitForApproval.mutate({ templateId: current.id });
      await open(view);
      setNotice(view.status === 'pending' ? 'Submitted to WhatsApp for review.' : `WhatsApp answered: ${view.status}.`);
    });

  const duplicate = () =>
    run('duplicate', async () => {
      if (!saved) return;
      const view = await api.templates.duplicate.mutate({ id: saved.id });
      await open(view);
      setNotice(`Duplicated as ${view.name}, a new draft.`);
    });

  const archive = () =>
    run('archive', async () => {
      if (!saved) return;
      await open(await api.templates.archive.mutate({ id: saved.id }));
      setNotice('Archived.');
    });

  return { saved, detail, draft, setDraft, dirty, loading, busy, notice, error, save, submit, duplicate, archive };
}

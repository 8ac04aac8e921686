// The editor's buttons: Save, Submit for approval (with why it is not possible yet), Duplicate, Archive (confirmed).
import { useState } from 'react';
import type { TemplateSummary } from '../../api/client.ts';

interface Props {
  saved: TemplateSummary | null;
  dirty: boolean;
  canEdit: boolean;
  busy: string | null;
  /** Why Submit is not possible now, or null when it is. */
  submitBlocked: string | null;
  onSave(): void;
  onSubmit(): void;
  onDuplicate(): void;
  onArchive(): void;
}

export function TemplateActions({ saved, dirty, canEdit, busy, submitBlocked, onSave, onSubmit, onDuplicate, onArchive }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (!canEdit) return null;
  const status = saved?.status ?? 'draft';
  const editable = status !== 'pending' && status !== 'archived';
  // A draft is submitted as it is; an approved or rejected version only once edited (the edit is the new version).
  const submittable = editable && (status === 'draft' || dirty);

  if (confirming) {
    return (
      <div className="template-actions confirm" role="alertdialog" aria-label="Archive this template?">
        <span>Archive every version? It can no longer be sent.</span>
        <button type="button" className="ghost" onClick={() => setConfirming(false)}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            setConfirming(false);
            onArchive();
          }}
          data-testid="template-archive-confirm"
        >
          Archive
        </button>
      </div>
    );
  }
  return (
    <div className="template-actions">
      {saved && (
        <button type="button" className="ghost" onClick={onDuplicate} disabled={busy !== null} data-testid="template-duplicate">
          {busy === 'duplicate' ? 'Duplicating…' : 'Duplicate'}
        </button>
      )}
      {saved && status !== 'archived' && (
        <button type="button" className="ghost" onClick={() => setConfirming(true)} disabled={busy !== null} data-testid="template-archive">
          Archive
        </button>
      )}
      {editable && (
        <button type="button" onClick={onSave} disabled={busy !== null || (saved !== null && !dirty)} data-testid="template-save">
          {busy === 'save' ? 'Saving…' : saved && !dirty ? 'Saved' : 'Save'}
        </button>
      )}
      {submittable && (
        <span className="submit-wrap" title={submitBlocked ?? undefined}>
          <button
            type="button"
            className="primary"
            onClick={onSubmit}
            disabled={busy !== null || submitBlocked !== null}
            data-testid="template-submit"
          >
            {busy === 'submit' ? 'Submitting…' : 'Submit for approval'}
          </button>
        </span>
      )}
    </div>
  );
}

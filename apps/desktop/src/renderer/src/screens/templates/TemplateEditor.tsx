// One template: the form, its live WhatsApp preview and problems, where it stands with WhatsApp, and its history.
import { useSession } from '../../api/session-context.tsx';
import { TemplateActions } from './TemplateActions.tsx';
import { TemplateForm } from './TemplateForm.tsx';
import { TemplateHistory } from './TemplateHistory.tsx';
import { TemplatePreviewPanel } from './TemplatePreviewPanel.tsx';
import { TemplateStatusBanner } from './TemplateStatusBanner.tsx';
import { TemplateStatusChip } from './TemplateStatusChip.tsx';
import { placeIssues } from './template-issues.ts';
import { categoryLabel, languageLabel } from './template-labels.ts';
import { useTemplateEditor } from './use-template-editor.ts';
import { useTemplatePreview } from './use-template-preview.ts';

interface Props {
  templateId: string | null;
  onClose(): void;
}

export function TemplateEditor({ templateId, onClose }: Props) {
  const { user } = useSession();
  const editor = useTemplateEditor(templateId);
  const { saved, draft, detail } = editor;
  const live = useTemplatePreview(draft);
  const { at, unplaced } = placeIssues(live.issues, draft);
  const canEdit = user.role === 'admin' || user.role === 'manager';
  const readOnly = !canEdit || saved?.status === 'pending' || saved?.status === 'archived';
  const identityLocked = Boolean(detail?.versions.some((v) => v.status !== 'draft'));
  const problems = live.issues.length;
  const submitBlocked =
    problems > 0
      ? `Fix the ${problems === 1 ? 'problem' : `${problems} problems`} marked below before submitting.`
      : live.checking
        ? 'Checking the template…'
        : null;

  if (editor.loading) return <p className="muted">Loading template…</p>;
  return (
    <div className="page template-page" data-testid="template-editor">
      <button type="button" className="link back" onClick={onClose} data-testid="template-back">
        ← All templates
      </button>
      <div className="page-header">
        <div>
          <h2 className="template-title">
            {saved?.name || draft.name || 'New template'}
            {saved && <TemplateStatusChip template={saved} />}
          </h2>
          <p className="muted">
            {saved ? `Version ${saved.version} · ` : ''}
            {languageLabel(draft.language)} · {categoryLabel(draft.category)}
            {editor.dirty && saved ? ' · unsaved changes' : ''}
          </p>
        </div>
        <TemplateActions
          saved={saved}
          dirty={editor.dirty}
          canEdit={canEdit}
          busy={editor.busy}
          submitBlocked={submitBlocked}
          onSave={() => void editor.save()}
          onSubmit={() => void editor.submit()}
          onDuplicate={() => void editor.duplicate()}
          onArchive={() => void editor.archive()}
        />
      </div>
      {editor.notice && (
        <div className="notice" role="status" data-testid="template-notice">
          {editor.notice}
        </div>
      )}
      {editor.error && (
        <div className="alert" role="alert" data-testid="template-error">
          {editor.error}
        </div>
      )}
      {saved && <TemplateStatusBanner template={saved} />}
      {!readOnly && problems > 0 && (
        <div className="problems" data-testid="template-problems">
          <strong>
            WhatsApp would reject this template as it is: {problems === 1 ? 'one fix' : `${problems} fixes`} before submitting.
          </strong>
          {problems > unplaced.length && <span> Each is marked at its field below.</span>}
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((i) => (
                <li key={`${i.path}:${i.message}`}>{i.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {live.error && <div className="alert">{live.error}</div>}
      <div className="template-editor">
        <TemplateForm
          key={saved?.id ?? 'new'}
          draft={draft}
          onChange={editor.setDraft}
          issues={at}
          readOnly={readOnly}
          identityLocked={identityLocked}
        />
        <aside className="template-side">
          <TemplatePreviewPanel preview={live.preview} />
          {detail && <TemplateHistory history={detail.history} />}
        </aside>
      </div>
    </div>
  );
}

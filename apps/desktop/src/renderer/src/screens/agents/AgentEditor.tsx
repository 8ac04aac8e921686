// One agent, full page: who it is, its voice prompt, and per channel its sender, opening template, hours and
// attempts; beside it, what it would do with a chosen lead. Save sends only what changed.
import type { Agent } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { industryLabel } from '../templates/template-labels.ts';
import { AgentActions } from './AgentActions.tsx';
import { AgentForm } from './AgentForm.tsx';
import { AgentPreviewPanel } from './AgentPreviewPanel.tsx';
import { placeIssues } from './agent-issues.ts';
import { ChannelBadges } from './ChannelBadges.tsx';
import { useAgentChoices } from './use-agent-choices.ts';
import { useAgentEditor } from './use-agent-editor.ts';

interface Props {
  agent: Agent | null;
  onSaved(agent: Agent): void;
  onClose(): void;
}

export function AgentEditor({ agent, onSaved, onClose }: Props) {
  const { user } = useSession();
  const editor = useAgentEditor(agent, onSaved);
  const choices = useAgentChoices();
  const { saved, draft } = editor;
  const { at, unplaced } = placeIssues(editor.issues, draft);
  const canEdit = user.role === 'admin' || user.role === 'manager';
  const readOnly = !canEdit || Boolean(saved?.archived);

  return (
    <div className="page agent-page" data-testid="agent-editor">
      <button type="button" className="link back" onClick={onClose} data-testid="agent-back">
        ← All agents
      </button>
      <div className="page-header agent-header">
        <div>
          <h2 className="agent-title">
            {saved?.name || draft.name || 'New agent'}
            <ChannelBadges channels={draft.channels} />
          </h2>
          <p className="muted">
            {draft.industry ? industryLabel(draft.industry) : 'No industry'}
            {saved ? '' : ' · not created yet'}
            {saved && editor.dirty ? ' · unsaved changes' : ''}
          </p>
        </div>
        {!readOnly && (
          <AgentActions
            isNew={!saved}
            dirty={editor.dirty}
            busy={editor.busy}
            onSave={() => void editor.save()}
            onArchive={() => void editor.archive().then((archived) => archived && onClose())}
          />
        )}
      </div>
      {editor.notice && (
        <div className="notice" role="status" data-testid="agent-notice">
          {editor.notice}
        </div>
      )}
      {editor.error && (
        <div className="alert" role="alert" data-testid="agent-error">
          {editor.error}
          {editor.issues.length > unplaced.length && ' Each problem is marked at its field below.'}
        </div>
      )}
      {unplaced.length > 0 && (
        <div className="problems" data-testid="agent-problems">
          <ul>
            {unplaced.map((i) => (
              <li key={`${i.path}:${i.message}`}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="agent-editor">
        <AgentForm draft={draft} onChange={editor.setDraft} issues={at} readOnly={readOnly} choices={choices} />
        <aside className="agent-side">
          <AgentPreviewPanel agent={saved} dirty={Boolean(saved) && editor.dirty} />
        </aside>
      </div>
    </div>
  );
}

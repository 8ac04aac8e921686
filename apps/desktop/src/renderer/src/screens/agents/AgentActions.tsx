// The editor's buttons: Save (Create for a new agent) and Archive, which asks first.
import { useState } from 'react';

interface Props {
  isNew: boolean;
  dirty: boolean;
  busy: 'save' | 'archive' | null;
  onSave(): void;
  onArchive(): void;
}

export function AgentActions({ isNew, dirty, busy, onSave, onArchive }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <div className="agent-actions confirm" role="alertdialog" aria-label="Archive this agent?">
        <span>Archive this agent? It stops reaching leads and leaves the list.</span>
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
          data-testid="agent-archive-confirm"
        >
          Archive
        </button>
      </div>
    );
  }
  return (
    <div className="agent-actions">
      {!isNew && (
        <button type="button" className="ghost" onClick={() => setConfirming(true)} disabled={busy !== null} data-testid="agent-archive">
          {busy === 'archive' ? 'Archiving…' : 'Archive'}
        </button>
      )}
      <button type="button" className="primary" onClick={onSave} disabled={busy !== null || !dirty} data-testid="agent-save">
        {busy === 'save' ? 'Saving…' : isNew ? 'Create agent' : dirty ? 'Save changes' : 'Saved'}
      </button>
    </div>
  );
}

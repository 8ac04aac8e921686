// "From library": a ready agent per industry; using one creates the company's own copy (with the industry's
// first-contact template as its WhatsApp default) and opens it in the editor.
import { useEffect, useState } from 'react';
import type { Agent } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useEscapeToClose } from '../../shell/use-escape-to-close.ts';
import { industryLabel } from '../templates/template-labels.ts';
import { AgentLibraryCard } from './AgentLibraryCard.tsx';
import { agentErrorMessage } from './agent-issues.ts';
import type { LibraryAgent } from './agent-types.ts';

interface Props {
  onClose(): void;
  onCreated(agent: Agent): void;
}

export function AgentLibraryDialog({ onClose, onCreated }: Props) {
  const { api } = useSession();
  const [entries, setEntries] = useState<LibraryAgent[] | null>(null);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.agents.library
      .query()
      .then((list) => setEntries([...list].sort((a, b) => industryLabel(a.industry).localeCompare(industryLabel(b.industry)))))
      .catch((e: unknown) => setError(agentErrorMessage(e)));
  }, [api]);

  useEscapeToClose(onClose);

  const q = search.trim().toLowerCase();
  const shown = (entries ?? []).filter((e) => !q || `${industryLabel(e.industry)} ${e.name} ${e.description}`.toLowerCase().includes(q));

  async function use(entry: LibraryAgent) {
    setCreating(entry.industry);
    setError(null);
    try {
      onCreated(await api.agents.createFromLibrary.mutate({ industry: entry.industry }));
    } catch (e) {
      setError(agentErrorMessage(e));
      setCreating(null);
    }
  }

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="agent-library-title" data-testid="agent-library-dialog">
        <div className="dialog-header">
          <div>
            <h2 id="agent-library-title">Agent library</h2>
            <p className="muted">
              A ready agent for your industry: its voice prompt, hours and attempts, and a first WhatsApp message copied into your
              templates. Adjust it after.
            </p>
          </div>
          <button type="button" className="icon" onClick={onClose} aria-label="Close" data-testid="agent-library-close">
            ×
          </button>
        </div>
        <div className="filter-bar">
          <input
            type="search"
            className="control grow"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search by industry or role, like dental or solar"
            aria-label="Search the agent library"
            data-testid="agent-library-search"
          />
          {entries && (
            <span className="muted small-text">
              {shown.length === entries.length ? `${entries.length} industries` : `${shown.length} of ${entries.length}`}
            </span>
          )}
        </div>
        {error && <div className="alert">{error}</div>}
        <div className="library-grid agent-library-grid">
          {entries === null && !error && <p className="muted">Loading the library…</p>}
          {entries && shown.length === 0 && <p className="muted">No library agent matches.</p>}
          {shown.map((entry) => (
            <AgentLibraryCard
              key={entry.industry}
              entry={entry}
              busy={creating === entry.industry}
              disabled={creating !== null}
              onUse={() => void use(entry)}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

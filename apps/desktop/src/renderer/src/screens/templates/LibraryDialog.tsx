// "From library": ready templates by industry; using one copies it into the company's templates as a draft.
import { useEffect, useMemo, useState } from 'react';
import type { LibraryTemplate, TemplateSummary } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useEscapeToClose } from '../../shell/use-escape-to-close.ts';
import { LibraryCard } from './LibraryCard.tsx';
import { templateErrorMessage } from './template-errors.ts';
import { industryLabel } from './template-labels.ts';

interface Props {
  onClose(): void;
  onCopied(template: TemplateSummary): void;
}

export function LibraryDialog({ onClose, onCopied }: Props) {
  const { api } = useSession();
  const [entries, setEntries] = useState<LibraryTemplate[] | null>(null);
  const [industry, setIndustry] = useState('');
  const [search, setSearch] = useState('');
  const [copying, setCopying] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.templates.library
      .query({})
      .then(setEntries)
      .catch((e: unknown) => setError(templateErrorMessage(e)));
  }, [api]);

  useEscapeToClose(onClose);

  // Industries come from the entries themselves: the renderer knows no server lists.
  const industries = useMemo(() => [...new Set((entries ?? []).map((e) => e.industry))].sort(), [entries]);
  const shown = (entries ?? []).filter((e) => {
    const q = search.trim().toLowerCase();
    const text = `${e.title} ${e.description} ${e.definition.body}`.toLowerCase();
    return (!industry || e.industry === industry) && (!q || text.includes(q));
  });

  async function use(entry: LibraryTemplate) {
    setCopying(entry.key);
    setError(null);
    try {
      onCopied(await api.templates.copyFromLibrary.mutate({ key: entry.key }));
    } catch (e) {
      setError(templateErrorMessage(e));
      setCopying(null);
    }
  }

  return (
    <div className="dialog-backdrop">
      <div className="dialog library" role="dialog" aria-modal="true" aria-labelledby="library-title" data-testid="library-dialog">
        <div className="dialog-header">
          <div>
            <h2 id="library-title">Template library</h2>
            <p className="muted">Ready templates for your industry. A copy becomes your draft, to adjust and submit.</p>
          </div>
          <button type="button" className="icon" onClick={onClose} aria-label="Close" data-testid="library-close">
            ×
          </button>
        </div>
        <div className="filter-bar">
          <select
            className="control"
            value={industry}
            onChange={(e) => setIndustry(e.target.value)}
            aria-label="Industry"
            data-testid="library-industry"
          >
            <option value="">All industries</option>
            {industries.map((i) => (
              <option key={i} value={i}>
                {industryLabel(i)}
              </option>
            ))}
          </select>
          <input
            type="search"
            className="control grow"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search the library"
            aria-label="Search the library"
            data-testid="library-search"
          />
        </div>
        {error && <div className="alert">{error}</div>}
        <div className="library-grid">
          {entries === null && !error && <p className="muted">Loading the library…</p>}
          {entries && shown.length === 0 && <p className="muted">No library template matches.</p>}
          {shown.map((entry) => (
            <LibraryCard
              key={entry.key}
              entry={entry}
              busy={copying === entry.key}
              disabled={copying !== null}
              onUse={() => void use(entry)}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

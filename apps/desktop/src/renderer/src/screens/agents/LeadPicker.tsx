// Finds a lead by name or phone for the preview; once chosen, shows who it is with a way to choose another.
import { useEffect, useState } from 'react';
import type { LeadListItem } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { zoneLabel } from './hours-summary.ts';

interface Props {
  lead: LeadListItem | null;
  onPick(lead: LeadListItem | null): void;
}

export function LeadPicker({ lead, onPick }: Props) {
  const { api } = useSession();
  const [search, setSearch] = useState('');
  const [leads, setLeads] = useState<LeadListItem[] | null>(null);

  useEffect(() => {
    if (lead) return;
    let current = true;
    // Typing waits for a pause instead of querying every keystroke.
    const timer = setTimeout(() => {
      api.leads.list
        .query({ limit: 6, ...(search.trim() ? { search: search.trim() } : {}) })
        .then((found) => current && setLeads(found))
        .catch(() => current && setLeads([]));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, lead, search]);

  if (lead) {
    return (
      <div className="preview-lead" data-testid="agent-preview-lead-chosen">
        <div>
          <strong>{lead.name}</strong>
          <div className="muted small-text">
            {lead.phone} · {lead.timezone ? `${zoneLabel(lead.timezone)} time` : 'time zone unknown'}
          </div>
        </div>
        <button type="button" className="link small-text" onClick={() => onPick(null)} data-testid="agent-preview-lead-change">
          Change
        </button>
      </div>
    );
  }
  return (
    <div className="lead-picker">
      <input
        className="control"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Find a lead by name or phone"
        aria-label="Find a lead to preview with"
        data-testid="agent-preview-lead-search"
      />
      <ul className="lead-results">
        {leads?.length === 0 && <li className="muted small-text">No lead found.</li>}
        {leads?.map((l) => (
          <li key={l.id}>
            <button type="button" className="lead-result" onClick={() => onPick(l)} data-testid="agent-preview-lead">
              <strong>{l.name}</strong> <span className="muted">{l.phone}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

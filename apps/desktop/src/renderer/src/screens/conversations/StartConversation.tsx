// "Message a lead": find any lead by name or phone and open their conversation, even before a first message
// (outside the window the composer then offers the approved templates).
import { useEffect, useState } from 'react';
import type { LeadListItem } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';

export function StartConversation({ onSelect }: { onSelect(leadId: string): void }) {
  const { api } = useSession();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [leads, setLeads] = useState<LeadListItem[]>([]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(() => {
      api.leads.list
        .query({ limit: 8, ...(search.trim() ? { search: search.trim() } : {}) })
        .then((found) => current && setLeads(found))
        .catch(() => current && setLeads([]));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, open, search]);

  if (!open) {
    return (
      <div className="start-conversation">
        <button type="button" className="small wide" onClick={() => setOpen(true)} data-testid="start-conversation">
          + Message a lead
        </button>
      </div>
    );
  }
  return (
    <div className="start-conversation">
      <input
        className="control"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        placeholder="Lead name or phone"
        aria-label="Find a lead"
        // biome-ignore lint/a11y/noAutofocus: opened to type a name
        autoFocus
        data-testid="start-conversation-search"
      />
      <ul className="lead-results">
        {leads.length === 0 && <li className="muted small-text">No lead found.</li>}
        {leads.map((lead) => (
          <li key={lead.id}>
            <button
              type="button"
              className="lead-result"
              onClick={() => {
                setOpen(false);
                setSearch('');
                onSelect(lead.id);
              }}
              data-testid="start-conversation-lead"
            >
              <strong>{lead.name}</strong> <span className="muted">{lead.phone}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </div>
  );
}

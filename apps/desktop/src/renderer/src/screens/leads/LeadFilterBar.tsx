// Filters above the leads: a text search and a tag (both applied once typing pauses), status, channel, consent
// and owner agent.

import { type LeadFilters, NO_FILTERS } from './lead-filter.ts';
import { CHANNEL_LABELS, CHANNELS, CONSENT_LABELS, CONSENTS, STATUS_LABELS, STATUSES } from './lead-labels.ts';
import type { AgentOption, TagSuggestion } from './lead-types.ts';
import { useDebouncedText } from './use-debounced-text.ts';

interface Props {
  filters: LeadFilters;
  onChange(filters: LeadFilters): void;
  agents: AgentOption[];
  tags: TagSuggestion[];
}

export function LeadFilterBar({ filters, onChange, agents, tags }: Props) {
  const set = (patch: Partial<LeadFilters>) => onChange({ ...filters, ...patch });
  const [search, setSearch] = useDebouncedText(filters.search, (text) => set({ search: text }));
  const [tag, setTag] = useDebouncedText(filters.tag, (text) => set({ tag: text }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <div className="filter-bar lead-filters" data-testid="lead-filters">
      <input
        type="search"
        className="control grow"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Name, phone or email"
        title="Finds part of a name, the start of an email, or a phone number: its start with the country code, or the national number or its last digits"
        aria-label="Search leads"
        data-testid="lead-search"
      />
      <select
        className="control"
        value={filters.status}
        onChange={(e) => set({ status: e.target.value as LeadFilters['status'] })}
        aria-label="Status"
        data-testid="lead-filter-status"
      >
        <option value="">All statuses</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <select
        className="control"
        value={filters.channel}
        onChange={(e) => set({ channel: e.target.value as LeadFilters['channel'] })}
        aria-label="Preferred channel"
        data-testid="lead-filter-channel"
      >
        <option value="">All channels</option>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
          </option>
        ))}
      </select>
      <select
        className="control"
        value={filters.consent}
        onChange={(e) => set({ consent: e.target.value as LeadFilters['consent'] })}
        aria-label="WhatsApp consent"
        data-testid="lead-filter-consent"
      >
        <option value="">Any consent</option>
        {CONSENTS.map((c) => (
          <option key={c} value={c}>
            {CONSENT_LABELS[c]}
          </option>
        ))}
      </select>
      <input
        className="control tag-filter"
        list="lead-tag-suggestions"
        value={tag}
        onChange={(e) => setTag(e.target.value)}
        placeholder="Tag"
        aria-label="Tag"
        data-testid="lead-filter-tag"
      />
      <datalist id="lead-tag-suggestions">
        {tags.map((t) => (
          <option key={t.tag} value={t.tag}>{`${t.count} leads`}</option>
        ))}
      </datalist>
      <select
        className="control"
        value={filters.agentId}
        onChange={(e) => set({ agentId: e.target.value })}
        aria-label="Owner agent"
        data-testid="lead-filter-agent"
      >
        <option value="">Any agent</option>
        <option value="none">No agent</option>
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {filtered && (
        <button type="button" className="link" onClick={() => onChange(NO_FILTERS)} data-testid="lead-filters-clear">
          Clear
        </button>
      )}
    </div>
  );
}

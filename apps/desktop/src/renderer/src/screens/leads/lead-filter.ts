// The list's filters: as the filter bar holds them, as the API takes them, and applied here to leads that
// arrive live, so a new or changed lead shows only where the server would have listed it (search through the
// server's own pure rules, packages/domain/src/leads/lead-search.ts).
import { leadMatchesSearch, leadSearchOf } from '@switchboard/domain/lead-search';
import type { Lead, LeadConsent, LeadListFilter, LeadStatus, PreferredChannel } from './lead-types.ts';

export interface LeadFilters {
  search: string;
  status: '' | LeadStatus;
  channel: '' | PreferredChannel;
  consent: '' | LeadConsent;
  tag: string;
  /** An agent's id, 'none' for leads no agent owns, '' for any. */
  agentId: string;
}

export const NO_FILTERS: LeadFilters = { search: '', status: '', channel: '', consent: '', tag: '', agentId: '' };

export function listFilter(f: LeadFilters): LeadListFilter {
  return {
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.consent ? { consent: f.consent } : {}),
    ...(f.tag.trim() ? { tag: f.tag.trim() } : {}),
    ...(f.agentId ? { agentId: f.agentId } : {}),
  };
}

/** The same filter as query parameters, for the CSV export. */
export function filterQuery(f: LeadFilters): string {
  return new URLSearchParams(Object.entries(listFilter(f)).map(([k, v]) => [k, String(v)])).toString();
}

export function matchesFilter(lead: Lead, f: LeadFilters): boolean {
  if (f.status && lead.status !== f.status) return false;
  if (f.channel && lead.preferredChannel !== f.channel) return false;
  if (f.consent && lead.consent !== f.consent) return false;
  // Tags are stored lower case, as the server compares them.
  if (f.tag.trim() && !lead.tags.includes(f.tag.trim().toLowerCase())) return false;
  if (f.agentId === 'none' ? lead.ownerAgentId !== null : f.agentId && lead.ownerAgentId !== f.agentId) return false;
  const search = leadSearchOf(f.search);
  return !search || leadMatchesSearch(lead, search);
}

/** Newest first, as leads.list orders them: by creation time, then id. */
const before = (a: Lead, b: Lead) => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);

/**
 * A lead that arrived live, merged into the loaded pages: replaced or removed where it is, or inserted in order
 * if it belongs among the loaded leads (past the last loaded one, the next page will bring it).
 */
export function mergeLead(leads: Lead[], lead: Lead, f: LeadFilters, complete: boolean): Lead[] {
  const rest = leads.filter((l) => l.id !== lead.id);
  if (!matchesFilter(lead, f)) return rest.length === leads.length ? leads : rest;
  const last = rest[rest.length - 1];
  if (!complete && last && before(last, lead)) return rest;
  const at = rest.findIndex((l) => before(lead, l));
  return at < 0 ? [...rest, lead] : [...rest.slice(0, at), lead, ...rest.slice(at)];
}

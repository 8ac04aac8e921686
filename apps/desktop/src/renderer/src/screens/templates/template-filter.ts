// The list's filters, applied by the server on load and here to templates that arrive live.
import type { TemplateListFilter, TemplateSummary } from '../../api/client.ts';
import type { TemplateStatus } from './template-labels.ts';

/** "active" hides archived templates: the list a user works from. */
export type StatusFilter = 'active' | 'all' | TemplateStatus;

export interface TemplateFilters {
  status: StatusFilter;
  category: '' | TemplateSummary['category'];
  language: string;
  search: string;
}

export const NO_FILTERS: TemplateFilters = { status: 'active', category: '', language: '', search: '' };

export function listInput(f: TemplateFilters): TemplateListFilter {
  return {
    ...(f.status !== 'active' && f.status !== 'all' ? { status: f.status } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
  };
}

export function matches(t: TemplateSummary, f: TemplateFilters): boolean {
  if (f.status === 'active' ? t.status === 'archived' : f.status !== 'all' && t.status !== f.status) return false;
  if (f.category && t.category !== f.category) return false;
  if (f.language && t.language !== f.language) return false;
  const search = f.search.trim().toLowerCase();
  return !search || `${t.name} ${t.body}`.toLowerCase().includes(search);
}

/** One row per template (family): a live update replaces the family's row, in name order like templates.list. */
export function mergeTemplate(list: TemplateSummary[], t: TemplateSummary, f: TemplateFilters): TemplateSummary[] {
  const rest = list.filter((x) => x.familyId !== t.familyId);
  return matches(t, f) ? [...rest, t].sort((a, b) => a.name.localeCompare(b.name)) : rest;
}

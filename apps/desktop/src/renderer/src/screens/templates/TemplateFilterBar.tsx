// Filters above the template list: status, category, language and a text search.
import type { TemplateFilters } from './template-filter.ts';
import { CATEGORIES, LANGUAGES, STATUS_LABELS, type TemplateStatus } from './template-labels.ts';

interface Props {
  filters: TemplateFilters;
  onChange(filters: TemplateFilters): void;
}

export function TemplateFilterBar({ filters, onChange }: Props) {
  const set = (patch: Partial<TemplateFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="filter-bar" data-testid="template-filters">
      <input
        type="search"
        className="control grow"
        value={filters.search}
        onChange={(e) => set({ search: e.target.value })}
        placeholder="Search name or text"
        aria-label="Search templates"
        data-testid="template-search"
      />
      <select
        className="control"
        value={filters.status}
        onChange={(e) => set({ status: e.target.value as TemplateFilters['status'] })}
        aria-label="Status"
        data-testid="template-filter-status"
      >
        <option value="active">All but archived</option>
        <option value="all">All statuses</option>
        {(Object.keys(STATUS_LABELS) as TemplateStatus[]).map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <select
        className="control"
        value={filters.category}
        onChange={(e) => set({ category: e.target.value as TemplateFilters['category'] })}
        aria-label="Category"
        data-testid="template-filter-category"
      >
        <option value="">All categories</option>
        {CATEGORIES.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      <select
        className="control"
        value={filters.language}
        onChange={(e) => set({ language: e.target.value })}
        aria-label="Language"
        data-testid="template-filter-language"
      >
        <option value="">All languages</option>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}

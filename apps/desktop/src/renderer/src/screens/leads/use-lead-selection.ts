// Which leads a bulk action applies to: some leads picked by hand (or every loaded one), or every lead matching
// the filter, loaded or not, which the server then finds by the filter rather than by ids.
import { useCallback, useEffect, useState } from 'react';
import { type LeadFilters, listFilter } from './lead-filter.ts';
import type { BulkTarget, Lead } from './lead-types.ts';

export type Selection = { kind: 'ids'; ids: ReadonlySet<string> } | { kind: 'matching' };

const NONE: Selection = { kind: 'ids', ids: new Set() };

export interface LeadSelection {
  selection: Selection;
  isSelected(id: string): boolean;
  /** Every loaded lead is selected (or every matching one). */
  allLoaded: boolean;
  toggle(id: string): void;
  toggleLoaded(): void;
  selectMatching(): void;
  clear(): void;
  /** What leads.bulk is given for this selection. */
  target(): BulkTarget;
  empty: boolean;
}

export function useLeadSelection(leads: Lead[], filters: LeadFilters): LeadSelection {
  const [selection, setSelection] = useState<Selection>(NONE);
  // A selection belongs to the list it was made in.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared whenever the filters change
  useEffect(() => setSelection(NONE), [filters]);

  const isSelected = (id: string) => selection.kind === 'matching' || selection.ids.has(id);
  const allLoaded = selection.kind === 'matching' || (leads.length > 0 && leads.every((l) => selection.ids.has(l.id)));

  const toggle = useCallback(
    (id: string) =>
      setSelection((s) => {
        // Unticking one lead of "all matching" leaves the loaded leads but that one.
        const ids = new Set(s.kind === 'matching' ? leads.map((l) => l.id) : s.ids);
        if (s.kind === 'matching' || ids.has(id)) ids.delete(id);
        else ids.add(id);
        return { kind: 'ids', ids };
      }),
    [leads],
  );
  const toggleLoaded = () => setSelection(allLoaded ? NONE : { kind: 'ids', ids: new Set(leads.map((l) => l.id)) });

  return {
    selection,
    isSelected,
    allLoaded,
    toggle,
    toggleLoaded,
    selectMatching: () => setSelection({ kind: 'matching' }),
    clear: () => setSelection(NONE),
    target: () => (selection.kind === 'matching' ? { filter: listFilter(filters) } : { ids: [...selection.ids] }),
    empty: selection.kind === 'ids' && selection.ids.size === 0,
  };
}

// The filtered list, loaded 200 leads at a time by cursor as the table scrolls, with its count. Leads created or
// changed elsewhere merge in live; an import or a bulk operation that ends reloads the list, as they change
// leads in batches without an event per lead.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { type LeadFilters, listFilter, mergeLead } from './lead-filter.ts';
import type { Lead, LeadCount } from './lead-types.ts';

export const PAGE_SIZE = 200;

export interface LeadPages {
  leads: Lead[];
  count: LeadCount | null;
  /** No page left to load. */
  complete: boolean;
  loading: boolean;
  error: string | null;
  loadMore(): void;
  reload(): void;
  /** A lead changed here (the detail panel): shown at once. */
  merge(lead: Lead): void;
}

interface Loaded {
  leads: Lead[];
  complete: boolean;
}

export function useLeadPages(filters: LeadFilters): LeadPages {
  const { api } = useSession();
  const [loaded, setLoaded] = useState<Loaded>({ leads: [], complete: false });
  const [count, setCount] = useState<LeadCount | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const filter = useMemo(() => listFilter(filters), [filters]);
  // Each (re)load is a generation; answers for an older one are dropped.
  const generation = useRef(0);
  const busy = useRef(false);
  const latest = useRef({ loaded, filters });
  latest.current = { loaded, filters };

  const fetchPage = useCallback(
    async (after: string | null, gen: number) => {
      busy.current = true;
      setLoading(true);
      try {
        const page = await api.leads.list.query({ ...filter, limit: PAGE_SIZE, ...(after ? { after } : {}) });
        if (gen !== generation.current) return;
        setLoaded((s) => {
          const known = new Set(after ? s.leads.map((l) => l.id) : []);
          const fresh = page.filter((l) => !known.has(l.id));
          return { leads: after ? [...s.leads, ...fresh] : page, complete: page.length < PAGE_SIZE };
        });
        setError(null);
      } catch (e) {
        if (gen === generation.current) setError(describeError(e));
      } finally {
        if (gen === generation.current) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [api, filter],
  );

  const refreshCount = useCallback(
    (gen: number) => {
      api.leads.count
        .query(filter)
        .then((c) => gen === generation.current && setCount(c))
        .catch(() => gen === generation.current && setCount(null));
    },
    [api, filter],
  );

  // A new filter empties the table at once; a reload keeps the rows until the fresh page replaces them.
  const shownFilter = useRef(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` asks for a fresh first page
  useEffect(() => {
    const gen = ++generation.current;
    if (shownFilter.current !== filter) {
      shownFilter.current = filter;
      setLoaded({ leads: [], complete: false });
      setCount(null);
    }
    void fetchPage(null, gen);
    refreshCount(gen);
  }, [fetchPage, refreshCount, reloads, filter]);

  const loadMore = useCallback(() => {
    const { leads, complete } = latest.current.loaded;
    const last = leads[leads.length - 1];
    if (busy.current || complete || !last) return;
    void fetchPage(last.cursor, generation.current);
  }, [fetchPage]);

  const merge = useCallback((lead: Lead) => {
    setLoaded((s) => ({ ...s, leads: mergeLead(s.leads, lead, latest.current.filters, s.complete) }));
  }, []);

  // Live changes move the count too; it is asked again once they pause.
  const countTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(countTimer.current), []);
  const recount = useCallback(() => {
    clearTimeout(countTimer.current);
    // Counted for the list as it is now: if the filters change meanwhile, the answer is dropped.
    const gen = generation.current;
    countTimer.current = setTimeout(() => refreshCount(gen), 400);
  }, [refreshCount]);

  useLiveEvent(['lead.created', 'lead.updated'], (event) => {
    merge(event.data.lead as Lead);
    recount();
  });
  useLiveEvent(['lead.consent'], (event) => {
    const id = String(event.data.leadId);
    if (!latest.current.loaded.leads.some((l) => l.id === id)) return recount();
    api.leads.get
      .query({ id })
      .then((detail) => merge(detail.lead))
      .catch(() => undefined);
    recount();
  });
  useLiveEvent(['import.finished', 'bulk.finished'], () => setReloads((n) => n + 1));

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { leads: loaded.leads, count, complete: loaded.complete, loading, error, loadMore, reload, merge };
}

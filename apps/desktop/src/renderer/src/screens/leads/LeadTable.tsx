// The leads, virtualized: only the rows in view are drawn, and the next page of 200 loads as the user scrolls
// near the end of what is loaded, so a million leads scroll like a hundred.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { LeadRow } from './LeadRow.tsx';
import type { Lead } from './lead-types.ts';
import type { LeadSelection } from './use-lead-selection.ts';

const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 38;
/** Start loading the next page this many rows before the end of the loaded ones. */
const PREFETCH_ROWS = 40;

interface Props {
  leads: Lead[];
  complete: boolean;
  loading: boolean;
  agentNames: ReadonlyMap<string, string>;
  selection: LeadSelection | null;
  activeId: string | null;
  onOpen(id: string): void;
  onNeedMore(): void;
}

export function LeadTable({ leads, complete, loading, agentNames, selection, activeId, onOpen, onNeedMore }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: complete ? leads.length : leads.length + 1,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (!complete && lastShown >= leads.length - PREFETCH_ROWS) onNeedMore();
  }, [complete, lastShown, leads.length, onNeedMore]);

  return (
    <div className="lead-table" ref={scroller} data-testid="lead-table" data-loaded={leads.length}>
      <table className="lead-grid" aria-rowcount={leads.length}>
        <thead className="lead-head" style={{ height: HEADER_HEIGHT }}>
          <tr className="lead-row">
            <th className="lead-cell select">
              {selection && (
                <input
                  type="checkbox"
                  checked={selection.allLoaded}
                  onChange={selection.toggleLoaded}
                  disabled={leads.length === 0}
                  aria-label="Select all loaded leads"
                  data-testid="lead-select-loaded"
                />
              )}
            </th>
            <th>Name</th>
            <th>Phone</th>
            <th>Channel</th>
            <th>Consent</th>
            <th>Status</th>
            <th>Tags</th>
            <th>Owner</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody className="lead-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const lead = leads[item.index];
            const style = { height: item.size, transform: `translateY(${item.start - HEADER_HEIGHT}px)` };
            if (!lead) {
              return (
                <tr key="more" className="lead-row lead-more muted" style={style}>
                  <td>{loading ? 'Loading more leads…' : ''}</td>
                </tr>
              );
            }
            return (
              <LeadRow
                key={lead.id}
                lead={lead}
                style={style}
                agentName={lead.ownerAgentId ? (agentNames.get(lead.ownerAgentId) ?? 'Archived agent') : null}
                selected={selection ? selection.isSelected(lead.id) : null}
                active={lead.id === activeId}
                onToggle={() => selection?.toggle(lead.id)}
                onOpen={() => onOpen(lead.id)}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// Leads: the company's leads, filters, bulk actions, CSV import and a lead's detail.
import './leads.css';
import { useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { BulkBar } from './BulkBar.tsx';
import { BulkProgress } from './BulkProgress.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { LeadDetailPanel } from './LeadDetailPanel.tsx';
import { LeadFilterBar } from './LeadFilterBar.tsx';
import { LeadTable } from './LeadTable.tsx';
import { downloadCsv } from './lead-files.ts';
import { filterQuery, type LeadFilters, NO_FILTERS } from './lead-filter.ts';
import { countLabel } from './lead-labels.ts';
import type { BulkOperation } from './lead-types.ts';
import { useLeadOptions } from './use-lead-options.ts';
import { useLeadPages } from './use-lead-pages.ts';
import { useLeadSelection } from './use-lead-selection.ts';

interface RunningBulk {
  operation: BulkOperation;
  description: string;
}

/** `leadId`: the lead whose detail opens with the screen (from its conversation). */
export function LeadsScreen({ leadId }: { leadId?: string | undefined } = {}) {
  const { user, serverUrl } = useSession();
  // Bulk operations and imports are for admins and managers (the server says the same).
  const canManage = user.role === 'admin' || user.role === 'manager';
  const [filters, setFilters] = useState<LeadFilters>(NO_FILTERS);
  const pages = useLeadPages(filters);
  const selection = useLeadSelection(pages.leads, filters);
  const { agents, agentNames, tags } = useLeadOptions();
  const [openId, setOpenId] = useState<string | null>(leadId ?? null);
  const [importing, setImporting] = useState(false);
  const [bulk, setBulk] = useState<RunningBulk | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  async function exportCsv() {
    setExportError(null);
    try {
      await downloadCsv(serverUrl, `/exports/leads.csv?${filterQuery(filters)}`, `leads-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="page wide leads-page" data-testid="screen-leads">
      <div className="page-header">
        <div>
          <h2>Leads</h2>
          <p className="muted">
            <strong className="lead-count" data-testid="lead-count" data-count={pages.count?.count ?? ''}>
              {pages.count ? countLabel(pages.count) : 'Counting…'}
            </strong>
            {filtered ? (pages.count?.count === 1 ? ' matches these filters' : ' match these filters') : ''}
          </p>
        </div>
        <div className="template-actions">
          <button type="button" onClick={() => void exportCsv()} data-testid="lead-export">
            Export CSV
          </button>
          {canManage && (
            <button type="button" className="primary" onClick={() => setImporting(true)} data-testid="lead-import">
              Import CSV
            </button>
          )}
        </div>
      </div>
      <LeadFilterBar filters={filters} onChange={setFilters} agents={agents} tags={tags} />
      {exportError && <div className="alert">{exportError}</div>}
      {canManage && !selection.empty && (
        <BulkBar
          selection={selection}
          count={pages.count}
          loaded={pages.leads.length}
          agents={agents}
          tags={tags}
          onStarted={(operation, description) => setBulk({ operation, description })}
        />
      )}
      {bulk && (
        <BulkProgress key={bulk.operation.id} operation={bulk.operation} description={bulk.description} onClose={() => setBulk(null)} />
      )}
      {pages.error && (
        <div className="alert" role="alert">
          {pages.error}{' '}
          <button type="button" className="link" onClick={pages.reload}>
            Retry
          </button>
        </div>
      )}
      {pages.complete && pages.leads.length === 0 && !pages.loading ? (
        <div className="empty">
          <h3>{filtered ? 'No lead matches these filters' : 'No leads yet'}</h3>
          <p>{filtered ? 'Clear a filter to see more.' : 'Import a CSV file of your leads to start.'}</p>
        </div>
      ) : (
        <LeadTable
          leads={pages.leads}
          complete={pages.complete}
          loading={pages.loading}
          agentNames={agentNames}
          selection={canManage ? selection : null}
          activeId={openId}
          onOpen={setOpenId}
          onNeedMore={pages.loadMore}
        />
      )}
      {openId && <LeadDetailPanel key={openId} leadId={openId} agents={agents} onSaved={pages.merge} onClose={() => setOpenId(null)} />}
      {importing && <ImportDialog agents={agents} onClose={() => setImporting(false)} />}
    </div>
  );
}

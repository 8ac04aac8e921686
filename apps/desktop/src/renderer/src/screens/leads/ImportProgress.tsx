// An import as the worker runs it, live: rows read, created, updated and rejected, a bar against the rows the
// file's size suggests, then the summary and the report of rejected rows.
import { useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { downloadCsv } from './lead-files.ts';
import { formatNumber } from './lead-labels.ts';
import type { LeadImport } from './lead-types.ts';
import { useLiveJob } from './use-live-job.ts';

interface Props {
  started: LeadImport;
  /** Rows the file probably holds, or null when unknown (the bar then only shows activity). */
  estimate: number | null;
}

function Counter({ label, value, testId, tone }: { label: string; value: number; testId: string; tone?: string }) {
  return (
    <div className={`import-counter${tone ? ` ${tone}` : ''}`}>
      <span className="import-counter-value" data-testid={testId} data-value={value}>
        {formatNumber(value)}
      </span>
      <span className="import-counter-label">{label}</span>
    </div>
  );
}

export function ImportProgress({ started, estimate }: Props) {
  const { api, serverUrl } = useSession();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const imp =
    useLiveJob(started, {
      events: ['import.progress', 'import.finished'],
      key: 'import',
      status: (id) => api.leads.importStatus.query({ id }),
      progress: (i) => i.rowsRead,
    }) ?? started;
  const done = imp.status === 'done';
  const finished = done || imp.status === 'failed';
  const share = done ? 1 : estimate ? Math.min(0.99, imp.rowsRead / estimate) : 0;
  const indeterminate = !finished && !estimate;

  async function downloadRejected() {
    setDownloadError(null);
    try {
      await downloadCsv(serverUrl, `/imports/${imp.id}/rejected.csv`, `rejected-rows-${imp.filename.replace(/\.csv$/i, '')}.csv`);
    } catch (e) {
      setDownloadError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="import-step" data-testid="import-progress" data-status={imp.status} data-rows-read={imp.rowsRead}>
      <div className="label-row">
        <strong>{imp.filename}</strong>
        <span className="muted small-text" data-testid="import-status-text">
          {imp.status === 'queued' && 'Waiting for the worker…'}
          {imp.status === 'running' && (estimate ? `Importing · about ${formatNumber(estimate)} rows in the file` : 'Importing…')}
          {done && 'Finished'}
          {imp.status === 'failed' && 'Stopped'}
        </span>
      </div>
      <div
        className={`lead-progress large${indeterminate ? ' indeterminate' : ''}${done ? ' done' : ''}`}
        role="progressbar"
        aria-valuenow={Math.round(share * 100)}
        data-testid="import-bar"
      >
        <span style={indeterminate ? undefined : { width: `${share * 100}%` }} />
      </div>
      <div className="import-counters">
        <Counter label="rows read" value={imp.rowsRead} testId="import-rows-read" />
        <Counter label="created" value={imp.created} testId="import-created" tone="ok" />
        <Counter label="updated" value={imp.updated} testId="import-updated" />
        <Counter label="rejected" value={imp.rejected} testId="import-rejected" tone={imp.rejected ? 'danger' : ''} />
      </div>
      {done && (
        <div className="status-banner ok" data-testid="import-summary">
          Imported {formatNumber(imp.rowsRead)} rows: {formatNumber(imp.created)} new leads, {formatNumber(imp.updated)} updated
          {imp.rejected > 0 ? `, ${formatNumber(imp.rejected)} rejected (see the report for each row’s reason)` : ', none rejected'}.
          {imp.consentKept > 0 &&
            ` ${formatNumber(imp.consentKept)} leads who had opted out stayed opted out although the file says they opted in.`}
        </div>
      )}
      {imp.status === 'failed' && (
        <div className="alert">The import stopped: {imp.error ?? 'unknown error'}. Rows imported before it stopped stay.</div>
      )}
      {finished && imp.rejected > 0 && (
        <button type="button" className="link" onClick={() => void downloadRejected()} data-testid="import-download-rejected">
          Download rejected rows ({formatNumber(imp.rejected)})
        </button>
      )}
      {downloadError && <div className="alert">{downloadError}</div>}
      {!finished && <small className="muted">You can close this window: the import goes on, and the list updates when it ends.</small>}
    </div>
  );
}

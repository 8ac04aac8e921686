// A bulk operation as the worker runs it: a bar fed by live events, then the result, with every reason leads
// were left unchanged and how many, so nothing is skipped silently.
import { useSession } from '../../api/session-context.tsx';
import { bulkResult } from './bulk-action.ts';
import { formatNumber } from './lead-labels.ts';
import type { BulkOperation } from './lead-types.ts';
import { useLiveJob } from './use-live-job.ts';

interface Props {
  operation: BulkOperation;
  description: string;
  onClose(): void;
}

export function BulkProgress({ operation, description, onClose }: Props) {
  const { api } = useSession();
  const op =
    useLiveJob(operation, {
      events: ['bulk.progress', 'bulk.finished'],
      key: 'operation',
      status: (id) => api.leads.bulkStatus.query({ id }),
      progress: (o) => o.processed,
    }) ?? operation;
  const finished = op.status === 'done' || op.status === 'failed';
  const share = op.total > 0 ? Math.min(1, op.processed / op.total) : 0;
  const indeterminate = op.total === 0;
  const result = bulkResult(op);
  return (
    <section className={`bulk-progress card ${op.status}`} data-testid="bulk-progress" data-status={op.status}>
      <div className="label-row">
        <strong>{description}</strong>
        {finished && (
          <button type="button" className="icon" onClick={onClose} aria-label="Close" data-testid="bulk-progress-close">
            ×
          </button>
        )}
      </div>
      {!finished && (
        <>
          <div
            className={`lead-progress${indeterminate ? ' indeterminate' : ''}`}
            role="progressbar"
            aria-valuenow={Math.round(share * 100)}
          >
            <span style={indeterminate ? undefined : { width: `${share * 100}%` }} />
          </div>
          <small className="muted">
            {op.status === 'queued' ? 'Waiting for the worker…' : `${formatNumber(op.processed)} of ${formatNumber(op.total)} leads`}
          </small>
        </>
      )}
      {finished && (
        <p data-testid="bulk-result">
          <span className="strong">{result.done}</span>
          {result.skipped.length > 0 && (
            <>
              {` · ${result.skippedLabel}: `}
              <span data-testid="bulk-skipped">{result.skipped.join(', ')}</span>
            </>
          )}
          {op.status === 'done' && result.skipped.length === 0 && <span className="muted"> · {result.skippedLabel}: none</span>}
        </p>
      )}
      {op.error && <div className="alert">Stopped: {op.error}. What it changed before stopping stays changed and counted above.</div>}
    </section>
  );
}

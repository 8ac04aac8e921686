// The company's latest imports under the file picker: when, how they ended, and their rejected rows to download.
import { useEffect, useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { downloadCsv } from './lead-files.ts';
import { dateTimeFormat, formatNumber } from './lead-labels.ts';
import type { LeadImport } from './lead-types.ts';

const STATUS: Record<LeadImport['status'], string> = {
  uploaded: 'Not started',
  queued: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
};

export function RecentImports() {
  const { api, serverUrl } = useSession();
  const [imports, setImports] = useState<LeadImport[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.leads.imports
      .query()
      .then((list) => setImports(list.filter((i) => i.status !== 'uploaded').slice(0, 5)))
      .catch(() => setImports([]));
  }, [api]);

  if (imports.length === 0) return null;
  return (
    <section className="recent-imports">
      <h3>Recent imports</h3>
      <ul>
        {imports.map((i) => (
          <li key={i.id}>
            <span className="lead-ellipsis strong">{i.filename}</span>
            <span className="muted small-text">{dateTimeFormat.format(new Date(i.createdAt))}</span>
            <span className="small-text">
              {STATUS[i.status]} · {formatNumber(i.created)} created · {formatNumber(i.updated)} updated · {formatNumber(i.rejected)}{' '}
              rejected
            </span>
            {i.rejected > 0 && (
              <button
                type="button"
                className="link small-text"
                onClick={() =>
                  void downloadCsv(serverUrl, `/imports/${i.id}/rejected.csv`, `rejected-rows-${i.filename}`).catch((e: unknown) =>
                    setError(e instanceof Error ? e.message : String(e)),
                  )
                }
              >
                Rejected rows
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <div className="alert">{error}</div>}
    </section>
  );
}

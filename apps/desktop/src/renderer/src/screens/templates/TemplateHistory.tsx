// The template's approval history, newest first: created, edited, submitted, approved, rejected…, by whom and when.
import type { TemplateHistoryEntry } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { actorLabel } from './template-labels.ts';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const KINDS: Record<TemplateHistoryEntry['kind'], string> = {
  created: 'Created',
  edited: 'Edited',
  new_version: 'New version',
  submitted: 'Submitted for approval',
  approved: 'Approved',
  rejected: 'Rejected',
  paused: 'Paused by WhatsApp',
  archived: 'Archived',
};

export function TemplateHistory({ history }: { history: TemplateHistoryEntry[] }) {
  const { user } = useSession();
  // Consecutive edits of one version collapse into the latest, so typing sessions don't bury the approvals.
  const entries = history.filter(
    (e, i) => !(e.kind === 'edited' && history[i - 1]?.kind === 'edited' && history[i - 1]?.version === e.version),
  );
  return (
    <section className="card history" data-testid="template-history">
      <h3>History</h3>
      {entries.length === 0 && <p className="muted small-text">Nothing yet: the history starts when the template is saved.</p>}
      <ol className="history-list">
        {entries.map((e) => (
          <li key={`${e.at}-${e.kind}-${e.version}`} className={`history-entry ${e.kind}`} data-testid="history-entry" data-kind={e.kind}>
            <span className="history-dot" aria-hidden />
            <div>
              <div className="label-row">
                <strong>{KINDS[e.kind]}</strong>
                <span className="muted small-text">v{e.version}</span>
              </div>
              {e.detail && <div className="history-detail">{e.detail}</div>}
              <small className="muted">
                {when.format(new Date(e.at))} · {actorLabel(e.actor, user.id)}
              </small>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

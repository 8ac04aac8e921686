// The lead's WhatsApp consent: where it stands, buttons to opt in or out (which ask where the change comes
// from), and the history of every change, newest first, that nothing deletes.
import { useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { consentTitle } from './ConsentIndicator.tsx';
import { leadErrorMessage } from './lead-errors.ts';
import { consentActorLabel, dateTimeFormat } from './lead-labels.ts';
import type { LeadDetail } from './lead-types.ts';

interface Props {
  detail: LeadDetail;
  onChanged(): void;
}

export function LeadConsentSection({ detail, onChanged }: Props) {
  const { api, user } = useSession();
  const { lead, consentHistory } = detail;
  const [asking, setAsking] = useState<boolean | null>(null);
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function change(optIn: boolean) {
    setBusy(true);
    setError(null);
    try {
      await api.leads.setConsent.mutate({ leadId: lead.id, channel: 'whatsapp', optIn, source: source.trim() });
      setAsking(null);
      setSource('');
      onChanged();
    } catch (e) {
      setError(leadErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="lead-section" data-testid="lead-consent-section" data-consent={lead.consent}>
      <div className="label-row">
        <h3>WhatsApp consent</h3>
        <span
          className={`pill ${lead.consent === 'opted_in' ? 'ok' : lead.consent === 'opted_out' ? 'danger' : ''}`}
          data-testid="lead-consent-state"
        >
          {lead.consent === 'opted_in' ? '✓ Opted in' : lead.consent === 'opted_out' ? '⊘ Opted out' : '– No consent'}
        </span>
      </div>
      <p className="muted small-text">{consentTitle(lead)}</p>
      {asking === null ? (
        <div className="row-actions">
          {lead.consent !== 'opted_in' && (
            <button type="button" className="small" onClick={() => setAsking(true)} data-testid="lead-opt-in">
              Record opt-in…
            </button>
          )}
          {lead.consent !== 'opted_out' && (
            <button type="button" className="small" onClick={() => setAsking(false)} data-testid="lead-opt-out">
              Record opt-out…
            </button>
          )}
        </div>
      ) : (
        <form
          className="lead-consent-change"
          onSubmit={(e) => {
            e.preventDefault();
            void change(asking);
          }}
        >
          <input
            className="control grow"
            value={source}
            onChange={(e) => setSource(e.target.value)}
            placeholder={asking ? 'Where they consented, e.g. phone call on 3 May' : 'How they asked, e.g. replied by email'}
            aria-label="Source of the change"
            // biome-ignore lint/a11y/noAutofocus: opened to type the source
            autoFocus
            data-testid="lead-consent-source"
          />
          <button type="button" className="small" onClick={() => setAsking(null)} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="small primary" disabled={busy || !source.trim()} data-testid="lead-consent-save">
            {asking ? 'Opt in' : 'Opt out'}
          </button>
        </form>
      )}
      {error && <div className="alert">{error}</div>}
      <h4 className="section-label">History</h4>
      {consentHistory.length === 0 && <p className="muted small-text">No consent recorded yet.</p>}
      <ol className="history-list lead-consent-history" data-testid="consent-history">
        {consentHistory.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id and never move
          <li key={i} className={`history-entry ${e.optIn ? 'approved' : 'rejected'}`} data-testid="consent-entry" data-opt-in={e.optIn}>
            <span className="history-dot" aria-hidden />
            <div>
              <strong>{e.optIn ? 'Opted in' : 'Opted out'}</strong>{' '}
              <span className="muted">· {e.channel === 'whatsapp' ? 'WhatsApp' : e.channel}</span>
              <div className="history-detail">Source: {e.source}</div>
              <small className="muted">
                {dateTimeFormat.format(new Date(e.at))} · {consentActorLabel(e.actor, user.id)}
              </small>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

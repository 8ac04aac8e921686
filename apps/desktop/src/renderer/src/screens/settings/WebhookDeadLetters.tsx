// Webhook events the worker set aside after they kept failing (dead letters, kept 30 days), read-only: what came
// in, when, and the last error, so staff can look the message up at Twilio. docs/operations.md says what to do next.
import { useEffect, useState } from 'react';
import { type DeadLetter, describeError } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const kindLabel = (kind: string) => (kind === 'twilio.inbound' ? 'Inbound message' : kind === 'twilio.status' ? 'Status callback' : kind);

export function WebhookDeadLetters() {
  const { api } = useSession();
  const [letters, setLetters] = useState<DeadLetter[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.webhooks.deadLetters
      .query()
      .then(setLetters)
      .catch((e) => setError(describeError(e)));
  }, [api]);

  return (
    <div className="card" data-testid="webhook-dead-letters">
      <h3>Webhook events set aside</h3>
      <p className="muted">Events from Twilio that could not be applied after several tries. They are kept for 30 days.</p>
      {error && (
        <div className="alert" role="status">
          {error}
        </div>
      )}
      {letters?.length === 0 && <p className="muted">None: every event was applied.</p>}
      {letters && letters.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Set aside</th>
              <th>Event</th>
              <th>Message SID</th>
              <th>Tries</th>
              <th>Last error</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((l) => (
              <tr key={l.id} data-testid="dead-letter-row">
                <td className="muted">{dateFormat.format(new Date(l.deadLetteredAt))}</td>
                <td>{kindLabel(l.kind)}</td>
                <td>
                  <code>{l.messageSid ?? '—'}</code>
                </td>
                <td className="muted">{l.failures}</td>
                <td className="muted">{l.lastError ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

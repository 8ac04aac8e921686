// For companies on the simulator: play a lead writing in, to start or continue a conversation.
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';

export function SimulateLeadMessage() {
  const { api } = useSession();
  const [phone, setPhone] = useState('+14155550101');
  const [body, setBody] = useState('Hi! Is the house on Elm Street still available?');
  const [status, setStatus] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    try {
      await api.conversations.simulateInbound.mutate({ phone, body });
      setStatus('Sent through the simulator');
    } catch (e) {
      setStatus(describeError(e));
    }
  }

  return (
    <form className="simulate" onSubmit={submit} data-testid="simulate-form">
      <strong>Simulator</strong>
      <span className="muted">A lead writes in:</span>
      <input
        className="simulate-input"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        aria-label="Lead phone"
        data-testid="simulate-phone"
      />
      <input
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-label="Lead message"
        data-testid="simulate-body"
        className="simulate-input grow"
      />
      <button type="submit" data-testid="simulate-send">
        Simulate
      </button>
      {status && <small className="muted">{status}</small>}
    </form>
  );
}

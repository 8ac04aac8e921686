// A `?server=` link naming a server other than the one used last: nothing is sent there until the user agrees.
import { serverOrigin } from '../../api/session-storage.ts';

interface Props {
  proposed: string;
  current: string;
  onConnect(): void;
  onStay(): void;
}

export function ServerSwitchPrompt({ proposed, current, onConnect, onStay }: Props) {
  const to = serverOrigin(proposed) ?? proposed;
  const from = serverOrigin(current) ?? current;
  return (
    <main className="login">
      <section className="login-card" role="dialog" aria-modal="true" aria-labelledby="server-switch-title" data-testid="server-switch">
        <div className="brand">
          <span className="brand-mark">◎</span> Switchboard
        </div>
        <h1 id="server-switch-title">
          Connect to{' '}
          <span className="server-origin" data-testid="server-switch-origin">
            {to}
          </span>
          ?
        </h1>
        <p className="muted">
          A link asks this console to use another Switchboard server. You last used <strong>{from}</strong>. Connect only if you trust{' '}
          <strong>{to}</strong>: you would sign in there, and the sign-in you have for {from} is never sent to it.
        </p>
        <button type="button" className="primary wide" onClick={onConnect} data-testid="server-switch-connect">
          Connect to {to}
        </button>
        <button type="button" className="wide" onClick={onStay} data-testid="server-switch-stay">
          Stay on {from}
        </button>
      </section>
    </main>
  );
}

// Shows whether live updates are flowing from the server.
import { useLiveEvents } from '../live/live-events.tsx';

const LABELS = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' } as const;

export function ConnectionIndicator() {
  const { state } = useLiveEvents();
  return (
    <span className={`connection ${state}`} data-testid="connection" data-state={state} title="Live updates from the server">
      <span className="dot" aria-hidden />
      {LABELS[state]}
    </span>
  );
}

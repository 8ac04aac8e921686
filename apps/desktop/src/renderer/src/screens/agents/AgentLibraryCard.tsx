// One ready agent of the library: who it is, what it does, its channels, and the button that makes it yours.
import { industryLabel } from '../templates/template-labels.ts';
import type { LibraryAgent } from './agent-types.ts';
import { ChannelBadges } from './ChannelBadges.tsx';

interface Props {
  entry: LibraryAgent;
  busy: boolean;
  disabled: boolean;
  onUse(): void;
}

export function AgentLibraryCard({ entry, busy, disabled, onUse }: Props) {
  return (
    <article className="library-card agent-library-card" data-testid="agent-library-entry" data-industry={entry.industry}>
      <div className="library-card-text">
        <span className="agent-library-industry">{industryLabel(entry.industry)}</span>
        <h3>{entry.name}</h3>
        <p className="muted">{entry.description}</p>
      </div>
      <div className="agent-library-foot">
        <ChannelBadges channels={entry.channels} />
        <button type="button" className="primary small" onClick={onUse} disabled={disabled} data-testid="agent-library-use">
          {busy ? 'Creating…' : 'Use this agent'}
        </button>
      </div>
    </article>
  );
}

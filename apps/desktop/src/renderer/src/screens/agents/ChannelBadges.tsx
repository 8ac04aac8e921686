// An agent's channels as coloured badges, voice before WhatsApp.
import type { Agent } from '../../api/client.ts';
import { CHANNEL_LABELS } from './agent-labels.ts';

export function ChannelBadges({ channels }: { channels: Agent['channels'] }) {
  return (
    <span className="badges">
      {channels.map((c) => (
        <span key={c} className={`badge ${c}`}>
          {CHANNEL_LABELS[c]}
        </span>
      ))}
    </span>
  );
}

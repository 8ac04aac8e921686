import type { Agent } from '../../api/client.ts';

const LABELS = { voice: 'Voice', whatsapp: 'WhatsApp' } as const;

export function ChannelBadges({ channels }: { channels: Agent['channels'] }) {
  return (
    <span className="badges">
      {channels.map((c) => (
        <span key={c} className={`badge ${c}`}>
          {LABELS[c]}
        </span>
      ))}
    </span>
  );
}

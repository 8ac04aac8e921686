// WhatsApp-style ticks: one for sent, two for delivered, two blue for read, a warning for failed (reason on hover).
import type { TimelineMessage } from '../../api/client.ts';

const TICKS: Record<string, { mark: string; label: string }> = {
  queued: { mark: '◷', label: 'Queued' },
  sending: { mark: '◷', label: 'Sending' },
  sent: { mark: '✓', label: 'Sent' },
  delivered: { mark: '✓✓', label: 'Delivered' },
  read: { mark: '✓✓', label: 'Read' },
  failed: { mark: '!', label: 'Failed' },
  undelivered: { mark: '!', label: 'Not delivered' },
};

export function MessageTicks({ message }: { message: TimelineMessage }) {
  const tick = TICKS[message.status];
  if (!tick) return null;
  const title = message.reason ? `${tick.label}: ${message.reason}` : tick.label;
  return (
    <span
      role="img"
      className={`ticks ${message.status}`}
      title={title}
      aria-label={title}
      data-testid="ticks"
      data-status={message.status}
    >
      {tick.mark}
    </span>
  );
}

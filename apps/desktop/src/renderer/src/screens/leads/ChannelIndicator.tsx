// A lead's preferred channel as two small icons, a phone and a WhatsApp bubble, lit for the channels it prefers.
import { CHANNEL_LABELS } from './lead-labels.ts';
import type { PreferredChannel } from './lead-types.ts';

function PhoneIcon() {
  return (
    <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden>
      <path
        fill="currentColor"
        d="M3.6 1.5c.4-.3 1-.2 1.3.2l1.6 2.2c.3.4.3 1-.1 1.3l-1 .9c.6 1.4 1.7 2.6 3.1 3.3l.9-1c.4-.4.9-.4 1.3-.1l2.2 1.6c.4.3.5.9.2 1.3l-.9 1.3c-.5.7-1.4 1-2.2.7C6.6 12.1 3.9 9.4 2.5 6.1c-.3-.8 0-1.7.7-2.2z"
      />
    </svg>
  );
}

function WhatsAppIcon() {
  return (
    <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden>
      <path
        fill="currentColor"
        d="M8 1.3a6.7 6.7 0 0 0-5.8 10l-.9 3.4 3.5-.9A6.7 6.7 0 1 0 8 1.3zm0 1.4a5.3 5.3 0 1 1-2.7 9.9l-.2-.1-1.9.5.5-1.8-.1-.2A5.3 5.3 0 0 1 8 2.7zM5.9 4.9c-.2 0-.4 0-.6.3-.2.2-.7.7-.7 1.7s.7 2 .8 2.1c.1.1 1.4 2.2 3.5 3 1.7.7 2.1.5 2.4.5.4 0 1.2-.5 1.3-1 .2-.5.2-.9.1-1l-.4-.2-1.3-.6c-.2-.1-.3-.1-.5.1l-.6.7c-.1.1-.2.2-.4.1-.2-.1-.9-.3-1.6-1-.6-.5-1-1.2-1.1-1.4-.1-.2 0-.3.1-.4l.3-.4.2-.3v-.3l-.6-1.4c-.1-.3-.3-.3-.4-.3z"
      />
    </svg>
  );
}

export function ChannelIndicator({ channel }: { channel: PreferredChannel }) {
  const voice = channel !== 'whatsapp';
  const whatsapp = channel !== 'voice';
  return (
    <span className="lead-channel-indicator" title={CHANNEL_LABELS[channel]} data-testid="lead-channel" data-channel={channel}>
      <span className={`lead-channel-icon voice${voice ? ' on' : ''}`}>
        <PhoneIcon />
      </span>
      <span className={`lead-channel-icon whatsapp${whatsapp ? ' on' : ''}`}>
        <WhatsAppIcon />
      </span>
      <span className="lead-sr-only">{CHANNEL_LABELS[channel]}</span>
    </span>
  );
}

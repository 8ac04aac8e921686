// One message as a WhatsApp bubble: text, media, location, a button reply or a template (its buttons under the
// bubble, as WhatsApp draws them), its time and ticks.
import type { TimelineMessage } from '../../api/client.ts';
import { WhatsAppButtons } from '../templates/WhatsAppButtons.tsx';
import { WhatsAppHeader } from '../templates/WhatsAppHeader.tsx';
import { WhatsAppText } from '../templates/WhatsAppText.tsx';
import { MessageTicks } from './MessageTicks.tsx';
import { templatePartsOf } from './template-parts.ts';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function Content({ message }: { message: TimelineMessage }) {
  const first = message.media?.[0] as Record<string, unknown> | undefined;
  if (message.kind === 'location' && first) {
    const { latitude, longitude } = first as { latitude: number; longitude: number };
    return (
      <div className="location">
        <span aria-hidden>📍</span> {message.body ?? 'Location'}
        <small className="muted">
          {' '}
          {latitude.toFixed(4)}, {longitude.toFixed(4)}
        </small>
      </div>
    );
  }
  if (message.kind === 'media' && first) {
    const url = String(first.url ?? '');
    const type = String(first.contentType ?? '');
    return (
      <>
        {type.startsWith('image/') || /\.(png|jpe?g|webp|gif)$/i.test(url) ? (
          <img className="media" src={url} alt={message.body ?? 'Image'} />
        ) : (
          <a className="document" href={url} target="_blank" rel="noreferrer">
            📄 {url.split('/').pop() || 'Document'}
          </a>
        )}
        {message.body && <p>{message.body}</p>}
      </>
    );
  }
  if (message.kind === 'template') {
    const parts = templatePartsOf(message);
    return (
      <>
        <WhatsAppHeader header={parts?.header} />
        <p>
          <WhatsAppText text={message.body ?? ''} />
        </p>
        {parts?.footer && <small className="wa-footer">{parts.footer}</small>}
      </>
    );
  }
  if (message.kind === 'button_reply') {
    return (
      <p>
        <span className="button-reply">↩ {message.body}</span>
      </p>
    );
  }
  return <p>{message.body}</p>;
}

export function MessageBubble({ message }: { message: TimelineMessage }) {
  const outbound = message.direction === 'outbound';
  const buttons = message.kind === 'template' ? (templatePartsOf(message)?.buttons ?? []) : [];
  return (
    <div className={`bubble-row ${outbound ? 'out' : 'in'}`} data-testid="message" data-message-id={message.id} data-kind={message.kind}>
      <div className="bubble-stack">
        <div
          className={`bubble ${outbound ? 'out' : 'in'}${message.status === 'failed' || message.status === 'undelivered' ? ' failed' : ''}`}
        >
          {message.kind === 'template' && <span className="template-tag">Template</span>}
          <Content message={message} />
          <span className="meta">
            {time.format(new Date(message.createdAt))}
            {outbound && <MessageTicks message={message} />}
          </span>
          {outbound && message.reason && (message.status === 'failed' || message.status === 'undelivered') && (
            <small className="failure">{message.reason}</small>
          )}
        </div>
        <WhatsAppButtons buttons={buttons} />
      </div>
    </div>
  );
}

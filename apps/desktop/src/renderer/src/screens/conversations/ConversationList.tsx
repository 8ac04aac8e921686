// The company's WhatsApp conversations, most recent first, with unread counts and the window state.
import type { Conversation } from '../../api/client.ts';
import { windowLabel } from './window-label.ts';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' });

interface Props {
  conversations: Conversation[];
  selected: string | null;
  now: Date;
  onSelect(leadId: string): void;
}

export function ConversationList({ conversations, selected, now, onSelect }: Props) {
  if (conversations.length === 0) {
    return <p className="muted pad">No conversations yet. They appear when a lead writes or you message one.</p>;
  }
  return (
    <ul className="conversation-list" data-testid="conversation-list">
      {conversations.map((c) => {
        const w = windowLabel(c.windowEndsAt, now);
        return (
          <li key={c.leadId}>
            <button
              type="button"
              className={`conversation-item${c.leadId === selected ? ' active' : ''}`}
              onClick={() => onSelect(c.leadId)}
              data-testid="conversation-item"
            >
              <span className="row">
                <strong>{c.leadName}</strong>
                {c.lastMessage && <small className="muted">{time.format(new Date(c.lastMessage.at))}</small>}
              </span>
              <span className="row">
                <span className="preview">
                  {c.lastMessage?.direction === 'outbound' ? 'You: ' : ''}
                  {c.lastMessage?.body ?? (c.lastMessage ? `[${c.lastMessage.kind}]` : '')}
                </span>
                {c.unreadCount > 0 && (
                  <span className="unread" data-testid="unread">
                    {c.unreadCount}
                  </span>
                )}
              </span>
              <small className={w.open ? 'window open' : 'window closed'}>{w.text}</small>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

// One lead's conversation: the timeline (live), the window state and the composer.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type Timeline, type TimelineMessage } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { useNavigate } from '../../shell/navigation.tsx';
import { Composer } from './Composer.tsx';
import { MessageBubble } from './MessageBubble.tsx';
import { useNow } from './use-now.ts';
import { windowLabel } from './window-label.ts';

/** Replaces a message by id or appends it, keeping the timeline oldest first. */
export function upsertMessage(messages: TimelineMessage[], message: TimelineMessage): TimelineMessage[] {
  const index = messages.findIndex((m) => m.id === message.id);
  if (index >= 0) return messages.map((m, i) => (i === index ? message : m));
  return [...messages, message].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function ConversationView({ leadId }: { leadId: string }) {
  const { api } = useSession();
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const now = useNow(30_000);
  const navigate = useNavigate();

  const load = useCallback(async () => {
    try {
      setTimeline(await api.conversations.timeline.query({ leadId }));
      await api.conversations.markRead.mutate({ leadId });
    } catch (e) {
      setError(describeError(e));
    }
  }, [api, leadId]);
  useEffect(() => {
    setTimeline(null);
    void load();
  }, [load]);

  useLiveEvent(['message.queued', 'message.status', 'message.received'], (event) => {
    const message = event.data.message as TimelineMessage;
    if (message.leadId !== leadId) return;
    setTimeline((t) => (t ? { ...t, messages: upsertMessage(t.messages, message) } : t));
    // A new inbound message moves the window; reload its state.
    if (event.type === 'message.received') void load();
  });
  useLiveEvent(['lead.consent'], (event) => {
    if (event.data.leadId === leadId) void load();
  });

  const count = timeline?.messages.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the number of messages changes
  useEffect(() => {
    // Braces matter: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  if (error) return <div className="alert">{error}</div>;
  if (!timeline) return <p className="muted pad">Loading conversation…</p>;
  const w = windowLabel(timeline.window.endsAt, now);
  const optedOut = !timeline.lead.whatsappOptIn && Boolean(timeline.lead.whatsappOptedOutAt);
  return (
    <div className="conversation" data-testid="conversation">
      <header className="conversation-header">
        <div>
          <strong>{timeline.lead.name}</strong> <span className="muted">{timeline.lead.phone}</span>{' '}
          <button type="button" className="link" onClick={() => navigate({ screen: 'leads', leadId })} data-testid="conversation-open-lead">
            Lead details
          </button>
        </div>
        <div className="conversation-badges">
          {optedOut ? (
            <span className="pill danger">Opted out</span>
          ) : timeline.lead.whatsappOptIn ? (
            <span className="pill ok">Opted in</span>
          ) : (
            <span className="pill">No opt-in</span>
          )}
          <span className={`pill ${w.open ? 'ok' : 'warn'}`} data-testid="window-state">
            {w.text}
          </span>
        </div>
      </header>
      <div className="timeline" data-testid="timeline">
        {timeline.messages.length === 0 && <p className="muted pad">No messages yet.</p>}
        {timeline.messages.map((m) => (
          <MessageBubble key={m.id} message={m} />
        ))}
        <div ref={bottom} />
      </div>
      <Composer leadId={leadId} windowOpen={w.open} optedOut={optedOut} />
    </div>
  );
}

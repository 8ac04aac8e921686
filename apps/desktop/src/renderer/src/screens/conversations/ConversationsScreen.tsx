// Conversations: the list on the left, the selected lead's timeline and composer on the right, all live.
import { useCallback, useEffect, useState } from 'react';
import { type Conversation, describeError, type Provider } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { ConversationList } from './ConversationList.tsx';
import { ConversationView } from './ConversationView.tsx';
import { SimulateLeadMessage } from './SimulateLeadMessage.tsx';
import { StartConversation } from './StartConversation.tsx';
import { useNow } from './use-now.ts';

/** `leadId`: the conversation to open (from a lead's detail), whether or not it has messages yet. */
export function ConversationsScreen({ leadId }: { leadId?: string | undefined } = {}) {
  const { api, user } = useSession();
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  const [selected, setSelected] = useState<string | null>(leadId ?? null);
  const [provider, setProvider] = useState<Provider | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(30_000);

  const load = useCallback(async () => {
    try {
      const list = await api.conversations.list.query();
      setConversations(list);
      setSelected((current) => current ?? list[0]?.leadId ?? null);
    } catch (e) {
      setError(describeError(e));
    }
  }, [api]);
  useEffect(() => {
    void load();
    if (user.role !== 'operator') {
      api.providers.list
        .query()
        .then((ps) => setProvider(ps.find((p) => p.active) ?? null))
        .catch(() => setProvider(null));
    }
  }, [api, load, user.role]);

  useLiveEvent(['message.received', 'message.queued', 'message.status', 'lead.consent'], () => void load());

  return (
    <div className="page wide" data-testid="screen-conversations">
      <div className="page-header">
        <div>
          <h2>Conversations</h2>
          <p className="muted">WhatsApp conversations with your leads, updated live.</p>
        </div>
      </div>
      {provider?.kind === 'simulator' && <SimulateLeadMessage />}
      {error && <div className="alert">{error}</div>}
      <div className="conversations">
        <aside className="conversations-side">
          <StartConversation onSelect={setSelected} />
          {conversations === null ? (
            <p className="muted pad">Loading…</p>
          ) : (
            <ConversationList conversations={conversations} selected={selected} now={now} onSelect={setSelected} />
          )}
        </aside>
        <section className="conversations-main">
          {selected ? <ConversationView leadId={selected} /> : <p className="muted pad">Select a conversation.</p>}
        </section>
      </div>
    </div>
  );
}

// Conversations: the list on the left, the selected lead's timeline and composer on the right, all live. The list is
// read once, then kept current from the live events in memory (conversation-list-patch.ts); it is read again only
// when an event names a conversation it does not hold, or after a reconnect.
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Conversation, describeError, type Provider } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { type LiveEvent, RECONNECTED, useLiveEvent } from '../../live/live-events.tsx';
import { ConversationList } from './ConversationList.tsx';
import { ConversationView } from './ConversationView.tsx';
import { appendOlderConversations, LIST_EVENTS, patchConversations } from './conversation-list-patch.ts';
import { SimulateLeadMessage } from './SimulateLeadMessage.tsx';
import { StartConversation } from './StartConversation.tsx';
import { useNow } from './use-now.ts';

const PAGE = 100;

/** `leadId`: the conversation to open (from a lead's detail), whether or not it has messages yet. */
export function ConversationsScreen({ leadId }: { leadId?: string | undefined } = {}) {
  const { api, user } = useSession();
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  // Where the next page of older conversations starts; null when the server has no more.
  const [older, setOlder] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(leadId ?? null);
  const [provider, setProvider] = useState<Provider | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(30_000);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  // The list as last set, for patching several events before React renders; and the events that arrive while the
  // list is being read, applied to it once it is here (the read may have missed them).
  const listRef = useRef<Conversation[] | null>(null);
  const arrivedWhileLoading = useRef<LiveEvent[] | null>(null);

  const show = useCallback((list: Conversation[]) => {
    listRef.current = list;
    setConversations(list);
  }, []);

  const load = useCallback(
    async (retry = false): Promise<void> => {
      arrivedWhileLoading.current = [];
      try {
        let list = await api.conversations.list.query({ limit: PAGE });
        setOlder(list.length === PAGE ? (list.at(-1)?.cursor ?? null) : null);
        let stillUnknown = false;
        for (const event of arrivedWhileLoading.current ?? []) {
          const result = patchConversations(list, event, { openLeadId: selectedRef.current });
          list = result.conversations;
          stillUnknown ||= result.refetch;
        }
        arrivedWhileLoading.current = null;
        show(list);
        setSelected((current) => current ?? list[0]?.leadId ?? null);
        // An event about a conversation committed after the read: once more, not in a loop.
        if (stillUnknown && !retry) await load(true);
      } catch (e) {
        arrivedWhileLoading.current = null;
        setError(describeError(e));
      }
    },
    [api, show],
  );
  useEffect(() => {
    void load();
    if (user.role !== 'operator') {
      api.providers.list
        .query()
        .then((ps) => setProvider(ps.find((p) => p.active) ?? null))
        .catch(() => setProvider(null));
    }
  }, [api, load, user.role]);

  const loadOlder = async () => {
    if (!older) return;
    try {
      const page = await api.conversations.list.query({ limit: PAGE, after: older });
      show(appendOlderConversations(listRef.current ?? [], page));
      setOlder(page.length === PAGE ? (page.at(-1)?.cursor ?? null) : null);
    } catch (e) {
      setError(describeError(e));
    }
  };

  // The conversation on screen is read (its view tells the server so): its count goes as it opens.
  useEffect(() => {
    const current = listRef.current;
    if (selected && conversations && current?.some((c) => c.leadId === selected && c.unreadCount > 0)) {
      show(current.map((c) => (c.leadId === selected ? { ...c, unreadCount: 0 } : c)));
    }
  }, [selected, conversations, show]);

  useLiveEvent(LIST_EVENTS, (event) => {
    if (arrivedWhileLoading.current) return void arrivedWhileLoading.current.push(event);
    const current = listRef.current;
    if (!current) return;
    const result = patchConversations(current, event, { openLeadId: selectedRef.current });
    if (result.refetch) return void load();
    if (result.conversations !== current) show(result.conversations);
  });
  useLiveEvent([RECONNECTED], () => void load());

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
          {older && (
            <button type="button" className="link pad" onClick={() => void loadOlder()} data-testid="conversations-older">
              Show older conversations
            </button>
          )}
        </aside>
        <section className="conversations-main">
          {selected ? <ConversationView leadId={selected} /> : <p className="muted pad">Select a conversation.</p>}
        </section>
      </div>
    </div>
  );
}

// One events.stream subscription per console, fanned out to the screens that listen for a type of event.
// The subscription link resends the last event id on reconnect, so the console misses nothing.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../api/session-context.tsx';

export interface LiveEvent {
  id: string;
  type: string;
  at: string;
  data: Record<string, unknown>;
}
export type ConnectionState = 'connecting' | 'live' | 'reconnecting';
type Listener = (event: LiveEvent) => void;

/**
 * Given to listeners (as an event of this type) when the connection is back after a break. The stream resumes from
 * the last event received, but one trimmed meanwhile cannot be replayed: a screen holding a list asks for it again.
 */
export const RECONNECTED = 'console.reconnected';

interface LiveEvents {
  state: ConnectionState;
  lastEventAt: string | null;
  on(type: string, listener: Listener): () => void;
}

const LiveEventsContext = createContext<LiveEvents | null>(null);

export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const { api } = useSession();
  const [state, setState] = useState<ConnectionState>('connecting');
  const [lastEventAt, setLastEventAt] = useState<string | null>(null);
  const listeners = useRef(new Map<string, Set<Listener>>());

  useEffect(() => {
    const emit = (event: LiveEvent) => {
      for (const listener of listeners.current.get(event.type) ?? []) listener(event);
    };
    let broken = false;
    const subscription = api.events.stream.subscribe(
      {},
      {
        onData: ({ data }) => {
          if (data.type === 'stream.opened') return setState('live');
          setLastEventAt(data.at);
          emit(data);
        },
        onConnectionStateChange: (change) => {
          if (change.state === 'connecting') {
            broken ||= Boolean(change.error);
            setState(broken ? 'reconnecting' : 'connecting');
          }
          // A resumed stream (it sends the last event id back) opens without a `stream.opened`: connected is live.
          if (change.state === 'pending' && broken) {
            broken = false;
            setState('live');
            emit({ id: '', type: RECONNECTED, at: new Date().toISOString(), data: {} });
          }
        },
        onError: () => {
          broken = true;
          setState('reconnecting');
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [api]);

  const on = useCallback((type: string, listener: Listener) => {
    const set = listeners.current.get(type) ?? new Set();
    set.add(listener);
    listeners.current.set(type, set);
    return () => {
      set.delete(listener);
    };
  }, []);
  const value = useMemo<LiveEvents>(() => ({ state, lastEventAt, on }), [state, lastEventAt, on]);
  return <LiveEventsContext.Provider value={value}>{children}</LiveEventsContext.Provider>;
}

export function useLiveEvents(): LiveEvents {
  const live = useContext(LiveEventsContext);
  if (!live) throw new Error('useLiveEvents outside LiveEventsProvider');
  return live;
}

/** Calls `listener` for every live event of the given types while the component is mounted. */
export function useLiveEvent(types: string[], listener: Listener): void {
  const { on } = useLiveEvents();
  const latest = useRef(listener);
  latest.current = listener;
  const key = types.join(',');
  useEffect(() => {
    const offs = key.split(',').map((type) => on(type, (e) => latest.current(e)));
    return () => {
      for (const off of offs) off();
    };
  }, [key, on]);
}

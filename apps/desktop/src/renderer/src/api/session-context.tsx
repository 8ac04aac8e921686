// The signed-in session shared by every screen: who is signed in, the API client for them, and sign-out.
import { createContext, useContext } from 'react';
import type { ApiClient, User } from './client.ts';

export interface Session {
  serverUrl: string;
  user: User;
  api: ApiClient;
  /** False when the token could not be saved encrypted (no OS keyring): signed in until the app quits. */
  savedOnDisk: boolean;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}

// Moving between screens with something in hand: a lead's detail opens its conversation, a conversation opens its
// lead. The shell owns where the console is; screens ask to go somewhere through useNavigate.
import { createContext, type ReactNode, useContext } from 'react';
import type { ScreenId } from './screens.ts';

/** A screen, and the lead it opens on (its conversation, or its detail on the Leads screen). */
export interface Destination {
  screen: ScreenId;
  leadId?: string;
}

const NavigationContext = createContext<((to: Destination) => void) | null>(null);

export function NavigationProvider({ navigate, children }: { navigate(to: Destination): void; children: ReactNode }) {
  return <NavigationContext.Provider value={navigate}>{children}</NavigationContext.Provider>;
}

/** Go to a screen, opened on a lead when one is given. */
export function useNavigate(): (to: Destination) => void {
  const navigate = useContext(NavigationContext);
  if (!navigate) throw new Error('useNavigate outside the console shell');
  return navigate;
}

// The console frame: navigation on the left, the company and connection state on top, the screen below.
import { useState } from 'react';
import { useSession } from '../api/session-context.tsx';
import { AgentsScreen } from '../screens/agents/AgentsScreen.tsx';
import { ConversationsScreen } from '../screens/conversations/ConversationsScreen.tsx';
import { LeadsScreen } from '../screens/leads/LeadsScreen.tsx';
import { SettingsScreen } from '../screens/settings/SettingsScreen.tsx';
import { TemplatesScreen } from '../screens/templates/TemplatesScreen.tsx';
import { UpcomingScreen } from '../screens/upcoming/UpcomingScreen.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { type Destination, NavigationProvider } from './navigation.tsx';
import { SCREENS } from './screens.ts';
import { UnsavedSessionNotice } from './UnsavedSessionNotice.tsx';

export function AppShell() {
  const { user, signOut } = useSession();
  // Each visit remounts its screen (the key), so a screen opens on the lead it was sent to; the menu item of the
  // screen already shown changes nothing, keeping its filters and selection.
  const [at, setAt] = useState<Destination & { visit: number }>({ screen: 'agents', visit: 0 });
  const navigate = (to: Destination) =>
    setAt((current) => (to.screen === current.screen && !to.leadId ? current : { ...to, visit: current.visit + 1 }));
  const screen = at.screen;
  return (
    <div className="shell">
      <nav className="nav" aria-label="Main">
        <div className="brand">
          <span className="brand-mark">◎</span> Switchboard
        </div>
        {SCREENS.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`nav-item${s.id === screen ? ' active' : ''}`}
            aria-current={s.id === screen ? 'page' : undefined}
            onClick={() => navigate({ screen: s.id })}
            data-testid={`nav-${s.id}`}
          >
            <span className="nav-icon" aria-hidden>
              {s.icon}
            </span>
            {s.label}
          </button>
        ))}
      </nav>
      <div className="main">
        <header className="topbar">
          <div>
            <strong data-testid="company-name">{user.companyName}</strong>
            <span className="muted"> · {user.name}</span>
          </div>
          <div className="topbar-right">
            <ConnectionIndicator />
            <button type="button" className="ghost" onClick={() => void signOut()} data-testid="sign-out">
              Sign out
            </button>
          </div>
        </header>
        <section className="content">
          <UnsavedSessionNotice />
          <NavigationProvider navigate={navigate}>
            {screen === 'agents' && <AgentsScreen />}
            {screen === 'conversations' && <ConversationsScreen key={at.visit} leadId={at.leadId} />}
            {screen === 'templates' && <TemplatesScreen />}
            {screen === 'leads' && <LeadsScreen key={at.visit} leadId={at.leadId} />}
            {screen === 'settings' && <SettingsScreen />}
            {!['agents', 'templates', 'leads', 'conversations', 'settings'].includes(screen) && <UpcomingScreen screen={screen} />}
          </NavigationProvider>
        </section>
      </div>
    </div>
  );
}

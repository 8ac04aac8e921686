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
import { SCREENS, type ScreenId } from './screens.ts';

export function AppShell() {
  const { user, signOut } = useSession();
  const [screen, setScreen] = useState<ScreenId>('agents');
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
            onClick={() => setScreen(s.id)}
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
          {screen === 'agents' && <AgentsScreen />}
          {screen === 'conversations' && <ConversationsScreen />}
          {screen === 'templates' && <TemplatesScreen />}
          {screen === 'leads' && <LeadsScreen />}
          {screen === 'settings' && <SettingsScreen />}
          {!['agents', 'templates', 'leads', 'conversations', 'settings'].includes(screen) && <UpcomingScreen screen={screen} />}
        </section>
      </div>
    </div>
  );
}

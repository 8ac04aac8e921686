// Decides between the sign-in screen and the console, restoring the saved session of the chosen server on start.
// A `?server=` link to a server other than the last one used asks first; until then nothing is sent anywhere.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type ApiClient, createApiClient, errorCode, type User } from './api/client.ts';
import { applyServerPolicy } from './api/server-policy.ts';
import { type Session, SessionContext } from './api/session-context.tsx';
import { clearToken, forgetServerLink, initialServerChoice, loadToken, rememberServerUrl, saveToken } from './api/session-storage.ts';
import { LiveEventsProvider } from './live/live-events.tsx';
import { LoginScreen } from './screens/login/LoginScreen.tsx';
import { ServerSwitchPrompt } from './screens/login/ServerSwitchPrompt.tsx';
import { AppShell } from './shell/AppShell.tsx';

interface SignedIn {
  serverUrl: string;
  user: User;
  api: ApiClient;
  savedOnDisk: boolean;
}

export function App() {
  const [choice] = useState(initialServerChoice);
  const [asking, setAsking] = useState(choice.ask);
  const [serverUrl, setServerUrl] = useState(choice.server);
  // The server whose saved session is restored, once: unknown while the user is asked about a link.
  const [restoreFrom, setRestoreFrom] = useState<string | null>(choice.ask ? null : choice.server);
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);
  const [restoring, setRestoring] = useState(true);

  useEffect(() => {
    if (!restoreFrom) return;
    let cancelled = false;
    (async () => {
      const token = await loadToken(restoreFrom);
      if (!token) return;
      const api = createApiClient(restoreFrom, token);
      try {
        const user = await api.auth.me.query();
        if (cancelled) return;
        applyServerPolicy(restoreFrom);
        setSignedIn({ serverUrl: restoreFrom, user, api, savedOnDisk: true });
      } catch (error) {
        // Only a refused token is forgotten; an unreachable server keeps it for the next try.
        if (errorCode(error) === 'UNAUTHORIZED') await clearToken(restoreFrom);
      }
    })().finally(() => !cancelled && setRestoring(false));
    return () => {
      cancelled = true;
    };
  }, [restoreFrom]);

  const decide = (connect: boolean) => {
    forgetServerLink();
    const server = connect && asking ? asking : choice.server;
    if (connect) rememberServerUrl(server);
    setServerUrl(server);
    setAsking(null);
    setRestoreFrom(server);
  };

  const onSignedIn = useCallback(async (url: string, token: string, user: User) => {
    rememberServerUrl(url);
    setServerUrl(url);
    const { persisted } = await saveToken(url, token);
    applyServerPolicy(url);
    setSignedIn({ serverUrl: url, user, api: createApiClient(url, token), savedOnDisk: persisted });
  }, []);

  const session = useMemo<Session | null>(() => {
    if (!signedIn) return null;
    return {
      serverUrl: signedIn.serverUrl,
      user: signedIn.user,
      api: signedIn.api,
      savedOnDisk: signedIn.savedOnDisk,
      async signOut() {
        await signedIn.api.auth.logout.mutate().catch(() => undefined);
        await clearToken(signedIn.serverUrl);
        setSignedIn(null);
        // The page's policy now allows only this server; a fresh page starts from the broad one again.
        window.location.reload();
      },
    };
  }, [signedIn]);

  if (asking)
    return <ServerSwitchPrompt proposed={asking} current={choice.server} onConnect={() => decide(true)} onStay={() => decide(false)} />;
  if (restoring) return <div className="splash">Switchboard</div>;
  if (!session) return <LoginScreen initialServerUrl={serverUrl} onSignedIn={onSignedIn} />;
  return (
    <SessionContext.Provider value={session}>
      <LiveEventsProvider>
        <AppShell />
      </LiveEventsProvider>
    </SessionContext.Provider>
  );
}

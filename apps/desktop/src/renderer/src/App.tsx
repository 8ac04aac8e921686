// Decides between the sign-in screen and the console, restoring a saved session on start.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type ApiClient, createApiClient, errorCode, type User } from './api/client.ts';
import { type Session, SessionContext } from './api/session-context.tsx';
import { clearToken, initialServerUrl, loadToken, rememberServerUrl, saveToken } from './api/session-storage.ts';
import { LiveEventsProvider } from './live/live-events.tsx';
import { LoginScreen } from './screens/login/LoginScreen.tsx';
import { AppShell } from './shell/AppShell.tsx';

interface SignedIn {
  serverUrl: string;
  token: string;
  user: User;
  api: ApiClient;
}

export function App() {
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);
  const [restoring, setRestoring] = useState(true);
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  // The server known at start; restoring the saved session happens once, against it.
  const [startServerUrl] = useState(serverUrl);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const token = await loadToken();
      if (!token) return;
      const api = createApiClient(startServerUrl, token);
      try {
        const user = await api.auth.me.query();
        if (!cancelled) setSignedIn({ serverUrl: startServerUrl, token, user, api });
      } catch (error) {
        // Only a refused token is forgotten; an unreachable server keeps it for the next try.
        if (errorCode(error) === 'UNAUTHORIZED') await clearToken();
      }
    })().finally(() => !cancelled && setRestoring(false));
    return () => {
      cancelled = true;
    };
  }, [startServerUrl]);

  const onSignedIn = useCallback(async (url: string, token: string, user: User) => {
    rememberServerUrl(url);
    setServerUrl(url);
    await saveToken(token);
    setSignedIn({ serverUrl: url, token, user, api: createApiClient(url, token) });
  }, []);

  const session = useMemo<Session | null>(() => {
    if (!signedIn) return null;
    return {
      serverUrl: signedIn.serverUrl,
      user: signedIn.user,
      api: signedIn.api,
      async signOut() {
        await signedIn.api.auth.logout.mutate().catch(() => undefined);
        await clearToken();
        setSignedIn(null);
      },
    };
  }, [signedIn]);

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

// Where the console keeps its sessions: one token per server origin, in Electron's encrypted token store when
// present, else in the browser's storage. A token is only ever read for the origin that issued it, so a link naming
// another server can never carry it there.
const LEGACY_TOKEN_KEY = 'switchboard.token';
const TOKEN_KEY_PREFIX = 'switchboard.token:';
const SERVER_KEY = 'switchboard.serverUrl';
const LOCAL_SERVER = 'http://127.0.0.1:3000';

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** `scheme://host:port` of an http(s) URL (as the browser writes it), or null for anything else. */
export function serverOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

const tokenKey = (serverUrl: string): string | null => {
  const origin = serverOrigin(serverUrl);
  return origin ? `${TOKEN_KEY_PREFIX}${origin}` : null;
};

export function readToken(storage: KeyValueStorage, serverUrl: string): string | null {
  const key = tokenKey(serverUrl);
  return key ? storage.getItem(key) : null;
}

export function writeToken(storage: KeyValueStorage, serverUrl: string, token: string): void {
  const key = tokenKey(serverUrl);
  if (key) storage.setItem(key, token);
}

export function removeToken(storage: KeyValueStorage, serverUrl: string): void {
  const key = tokenKey(serverUrl);
  if (key) storage.removeItem(key);
}

/**
 * Older versions kept one token for whichever server was used last, and remembered that server beside it: the token
 * moves under that server's origin. When that server is unknown the token cannot be placed safely and is dropped.
 */
export function migrateLegacyToken(storage: KeyValueStorage): void {
  const token = storage.getItem(LEGACY_TOKEN_KEY);
  if (token === null) return;
  const lastUsed = storage.getItem(SERVER_KEY);
  if (lastUsed && readToken(storage, lastUsed) === null) writeToken(storage, lastUsed, token);
  storage.removeItem(LEGACY_TOKEN_KEY);
}

export interface ServerChoice {
  /** The server to use now. */
  server: string;
  /** A server a `?server=` link asks to switch to: nothing is sent there until the user agrees. */
  ask: string | null;
}

/**
 * `?server=` (how `pnpm start` hands the server to a browser) when it names the server used last or none was used
 * yet; when it names another one, the last server stays until the user agrees to switch. Without a link: the last
 * server used, else the app's default, else the local one.
 */
export function chooseServer(opts: { search: string; lastUsed: string | null; appDefault: string | null }): ServerChoice {
  const linked = new URLSearchParams(opts.search).get('server');
  const fromLink = linked && serverOrigin(linked) ? linked : null;
  if (fromLink && opts.lastUsed && serverOrigin(fromLink) !== serverOrigin(opts.lastUsed)) return { server: opts.lastUsed, ask: fromLink };
  return { server: fromLink ?? opts.lastUsed ?? opts.appDefault ?? LOCAL_SERVER, ask: null };
}

/** The server to open on now, for this page's address and what this console remembers. */
export function initialServerChoice(): ServerChoice {
  return chooseServer({
    search: window.location.search,
    lastUsed: localStorage.getItem(SERVER_KEY),
    appDefault: window.switchboard?.defaultServerUrl ?? null,
  });
}

/** Drops `?server=` from the address once decided, so a reload does not ask again. */
export function forgetServerLink(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('server')) return;
  url.searchParams.delete('server');
  window.history.replaceState(window.history.state, '', url);
}

export function rememberServerUrl(url: string): void {
  localStorage.setItem(SERVER_KEY, url);
}

export async function loadToken(serverUrl: string): Promise<string | null> {
  const origin = serverOrigin(serverUrl);
  if (!origin) return null;
  if (window.switchboard) return window.switchboard.tokenStore.get(origin);
  migrateLegacyToken(localStorage);
  return readToken(localStorage, origin);
}

/** Saves the token for its server; `persisted: false` when it is kept only until the app quits (no OS keyring). */
export async function saveToken(serverUrl: string, token: string): Promise<{ persisted: boolean }> {
  const origin = serverOrigin(serverUrl);
  if (!origin) return { persisted: false };
  if (window.switchboard) return { persisted: await window.switchboard.tokenStore.set(origin, token) };
  writeToken(localStorage, origin, token);
  return { persisted: true };
}

export async function clearToken(serverUrl: string): Promise<void> {
  const origin = serverOrigin(serverUrl);
  if (!origin) return;
  if (window.switchboard) return window.switchboard.tokenStore.clear(origin);
  removeToken(localStorage, origin);
}

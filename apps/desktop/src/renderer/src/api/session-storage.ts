// Where the console keeps its session: Electron's encrypted token store when present, else the browser's storage.
const TOKEN_KEY = 'switchboard.token';
const SERVER_KEY = 'switchboard.serverUrl';

export async function loadToken(): Promise<string | null> {
  if (window.switchboard) return window.switchboard.tokenStore.get();
  return localStorage.getItem(TOKEN_KEY);
}

export async function saveToken(token: string): Promise<void> {
  if (window.switchboard) return window.switchboard.tokenStore.set(token);
  localStorage.setItem(TOKEN_KEY, token);
}

export async function clearToken(): Promise<void> {
  if (window.switchboard) return window.switchboard.tokenStore.clear();
  localStorage.removeItem(TOKEN_KEY);
}

/** `?server=` (how `pnpm start` hands it to a browser), else the last server used, else the app's default, else local. */
export function initialServerUrl(): string {
  const fromQuery = new URLSearchParams(window.location.search).get('server');
  return fromQuery ?? localStorage.getItem(SERVER_KEY) ?? window.switchboard?.defaultServerUrl ?? 'http://127.0.0.1:3000';
}

export function rememberServerUrl(url: string): void {
  localStorage.setItem(SERVER_KEY, url);
}

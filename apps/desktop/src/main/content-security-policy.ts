// The console's Content-Security-Policy: only its own scripts, and network access only to the Switchboard server.
export function contentSecurityPolicy(serverUrl: string | null): string {
  // The server URL is chosen at sign-in, so without one any http(s) origin may be contacted (but nothing may run).
  const connect = serverUrl ? `'self' ${new URL(serverUrl).origin}` : `'self' http: https:`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// The console's Content-Security-Policy: only its own scripts, and network access only to the Switchboard server.
// One function for every place the policy is applied (the page's meta tag at build time, the one the renderer adds
// after sign-in, Electron's response header), so the policy the tests check is the policy in force.

/** A `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there and log an error). */
export type PolicyDelivery = 'header' | 'meta';

export function contentSecurityPolicy(serverUrl: string | null, delivery: PolicyDelivery = 'header'): string {
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
    ...(delivery === 'header' ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

// After sign-in the page may talk to the signed-in server only: the narrowed Content-Security-Policy is added as a
// meta tag (policies in force combine, so this one tightens the page's broad one). A policy cannot be loosened in
// place, which is why signing out reloads the page.
import { contentSecurityPolicy } from '../../../shared/content-security-policy.ts';

export function applyServerPolicy(serverUrl: string): void {
  const content = contentSecurityPolicy(serverUrl, 'meta');
  const present = [...document.head.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')];
  if (present.some((meta) => meta.getAttribute('content') === content)) return;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = content;
  document.head.append(meta);
}

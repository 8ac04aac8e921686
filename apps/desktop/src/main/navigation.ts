// Where a link may go: the console itself stays in the window; web links open in the user's browser; anything else is refused.
export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

export function decideNavigation(target: string, appUrl: string): NavigationDecision {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'deny';
  }
  const app = new URL(appUrl);
  if (url.protocol === 'file:' && app.protocol === 'file:' && url.pathname === app.pathname) return 'allow';
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === app.origin && app.protocol !== 'file:') return 'allow';
  if (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:') return 'open-externally';
  return 'deny';
}

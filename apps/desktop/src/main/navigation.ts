// Where a link may go: the console itself stays in the window; web links open in the user's browser; anything else is refused.
export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

/** The URL without its fragment, as the URL parser normalises it: two spellings of one page compare equal. */
const withoutFragment = (url: URL): string => {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
};

export function decideNavigation(target: string, appUrl: string): NavigationDecision {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'deny';
  }
  // The whole URL is compared (scheme, credentials, host, port, path and query), only the fragment may differ:
  // not a prefix (`index.html.evil`), not the path alone (`file://other-host/...`), not the origin alone.
  if (withoutFragment(url) === withoutFragment(new URL(appUrl))) return 'allow';
  if (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:') return 'open-externally';
  return 'deny';
}

// The request context: the process's dependencies plus who is calling. The token comes from the
// Authorization header, or, for SSE subscriptions where browsers cannot set headers, from connectionParams.
import { assertBatchAllowed } from './batch-policy.ts';
import type { ApiDeps } from './deps.ts';

export interface RequestInfo {
  authorization?: string | undefined;
  connectionParams?: Record<string, string | undefined> | null | undefined;
  clientIp?: string | undefined;
  /** The procedure paths this HTTP request carries (several for a batch). */
  calls?: readonly string[] | undefined;
}

export interface Context {
  deps: ApiDeps;
  token: string | null;
  clientIp: string | undefined;
}

export function createContext(deps: ApiDeps, request: RequestInfo): Context {
  // Checked here, once per request and before any call runs, so a refused batch evaluates nothing.
  assertBatchAllowed(request.calls ?? []);
  const header = request.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const param = request.connectionParams?.token;
  return { deps, token: header ?? (typeof param === 'string' && param ? param : null), clientIp: request.clientIp };
}

// A real server on a free port over the run's database and Redis, and typed tRPC clients for it.

import { createServer } from 'node:net';
import type { AppRouter } from '@switchboard/api';
import { type AttemptLimits, type Clock, createLogger, LoginThrottle, type PasswordHasher } from '@switchboard/domain';
import { openTestServices, TEST_LOGIN_THROTTLE, type TestServices } from '@switchboard/domain/testing';
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink, type TRPCClient, TRPCClientError } from '@trpc/client';
import { EventSource } from 'eventsource';
import { inject } from 'vitest';
import { buildServer, type ServerDeps } from '../src/app.ts';
import type { ObservabilityAccess } from '../src/config/observability-access.ts';
import type { TrustedProxies } from '../src/config/trust-proxy.ts';

export interface TestServer {
  url: string;
  services: TestServices;
  client(token?: string): TRPCClient<AppRouter>;
  close(): Promise<void>;
}

/**
 * `reachablePublicUrl`: PUBLIC_URL is the server's real address, so the simulator can call it back.
 * `trustProxy`: TRUST_PROXY (none by default); `passwords`: a hook around password hashing and checks;
 * `signUpLimits`: the sign-up throttle (by default the tests' own, generous per address);
 * `sessionCheckMs`: how often live streams re-check their session (30 s by default);
 * `observability`: who may read /metrics and /readyz (open by default, as in NODE_ENV=test).
 */
export async function startTestServer(opts: {
  clock?: Clock;
  prefix: string;
  twilioApiUrl?: string;
  reachablePublicUrl?: boolean;
  trustProxy?: TrustedProxies;
  passwords?: PasswordHasher;
  signUpLimits?: AttemptLimits;
  sessionCheckMs?: number;
  observability?: ObservabilityAccess;
  /** Replaces the server's event stream or queues (one over a Redis that fails or does not answer). */
  deps?: Partial<Pick<ServerDeps, 'events' | 'queues'>>;
}): Promise<TestServer> {
  const port = opts.reachablePublicUrl ? await freePort() : 0;
  const services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:${opts.prefix}`,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(port ? { publicUrl: `http://127.0.0.1:${port}` } : {}),
  });
  const throttle = opts.signUpLimits
    ? new LoginThrottle(services.redis, services.prefix, { ...TEST_LOGIN_THROTTLE, signUp: opts.signUpLimits })
    : services.throttle;
  const app = await buildServer({
    ...services,
    throttle,
    passwords: opts.passwords,
    trustProxy: opts.trustProxy,
    sessionCheckMs: opts.sessionCheckMs,
    observability: opts.observability ?? { kind: 'open' },
    ...opts.deps,
    twilioApiUrl: opts.twilioApiUrl,
    logger: createLogger('server-test', 'silent'),
  });
  const url = await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    services,
    client: (token) => createTestClient(url, token),
    async close() {
      await app.close();
      await services.close();
    },
  };
}

export function createTestClient(url: string, token?: string): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: `${url}/trpc`, EventSource, connectionParams: () => (token ? { token } : {}) }),
        // The server takes auth calls only on their own, and batches of at most 10 (as the console sends them).
        false: splitLink({
          condition: (op) => op.path.startsWith('auth.'),
          true: httpLink({ url: `${url}/trpc`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) }),
          false: httpBatchLink({ url: `${url}/trpc`, maxItems: 10, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) }),
        }),
      }),
    ],
  });
}

export interface ErrorData {
  code: string;
  zodIssues: { path: (string | number)[]; message: string }[] | null;
}

/** The tRPC error code and zod issues of a failed call, or code 'OK' when it did not fail. */
export async function outcome(call: Promise<unknown>): Promise<ErrorData> {
  try {
    await call;
    return { code: 'OK', zodIssues: null };
  } catch (error) {
    if (error instanceof TRPCClientError) return error.data as ErrorData;
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

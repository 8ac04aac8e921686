// A real server on a free port over the run's database and Redis, and typed tRPC clients for it.

import { createServer } from 'node:net';
import type { AppRouter } from '@switchboard/api';
import { type Clock, createLogger } from '@switchboard/domain';
import { openTestServices, type TestServices } from '@switchboard/domain/testing';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient, TRPCClientError } from '@trpc/client';
import { EventSource } from 'eventsource';
import { inject } from 'vitest';
import { buildServer, type ServerDeps } from '../src/app.ts';

export interface TestServer {
  url: string;
  services: TestServices;
  client(token?: string): TRPCClient<AppRouter>;
  close(): Promise<void>;
}

/** `reachablePublicUrl`: PUBLIC_URL is the server's real address, so the simulator can call it back. */
export async function startTestServer(opts: {
  clock?: Clock;
  prefix: string;
  twilioApiUrl?: string;
  reachablePublicUrl?: boolean;
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
  const app = await buildServer({
    ...services,
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
        false: httpBatchLink({ url: `${url}/trpc`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) }),
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

// Mounts the tRPC API at /trpc: HTTP batching for queries and mutations, SSE for subscriptions.

import { type ApiDeps, type AppRouter, appRouter, createContext, internalErrorId, MAX_BATCH_SIZE } from '@switchboard/api';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';

export async function registerTrpc(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, info }) =>
        createContext(deps, {
          authorization: req.headers.authorization,
          connectionParams: info.connectionParams,
          clientIp: req.ip,
          calls: info.calls.map((call) => call.path),
        }),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          app.log.error({ err: error, path, requestId: internalErrorId(error) }, 'tRPC procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
}

// Mounts the tRPC API at /trpc: HTTP batching for queries and mutations, SSE for subscriptions.

import { type ApiDeps, type AppRouter, appRouter, createContext, internalErrorId } from '@switchboard/api';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';

export async function registerTrpc(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, info }) =>
        createContext(deps, { authorization: req.headers.authorization, connectionParams: info.connectionParams, clientIp: req.ip }),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          app.log.error({ err: error, path, requestId: internalErrorId(error) }, 'tRPC procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
}

import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root.ts';

export { MAX_BATCH_SIZE } from './batch-policy.ts';
export { type Context, createContext, type RequestInfo } from './context.ts';
export type { ApiDeps } from './deps.ts';
export { internalErrorId, internalErrorMessage } from './errors.ts';
export { type AppRouter, appRouter } from './root.ts';
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

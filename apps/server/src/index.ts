export { buildServer, type ServerDeps } from './app.ts';
export { loadServerEnv, type ServerEnv } from './config/server-env.ts';
export { type RunningServer, startServer } from './runtime.ts';

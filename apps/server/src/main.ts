// `pnpm start:server`: the API and webhook process, configured only by the environment.
import { runUntilSignal } from '@switchboard/domain';
import { loadServerEnv } from './config/server-env.ts';
import { startServer } from './runtime.ts';

await runUntilSignal(
  () => startServer(loadServerEnv()),
  // Open SSE streams are cut at once (clients resume from their last event id); requests get 10 s.
  { closingMessage: 'shutting down', forceExitAfterMs: 10_000 },
);

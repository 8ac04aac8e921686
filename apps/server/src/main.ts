// `pnpm start:server`: the API and webhook process, configured only by the environment.
import { runUntilSignal } from '@switchboard/domain';
import { loadServerEnv } from './config/server-env.ts';
import { startServer } from './runtime.ts';

// Open SSE streams are cut at once (clients resume from their last event id); requests in flight get
// SHUTDOWN_TIMEOUT_SECONDS (default 10), then the process exits with code 1.
await runUntilSignal(() => startServer(loadServerEnv()), { closingMessage: 'shutting down' });

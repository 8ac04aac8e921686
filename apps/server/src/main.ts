// `pnpm start:server`: the API and webhook process, configured only by the environment.
import { ConfigError } from '@switchboard/domain';
import { loadServerEnv } from './config/server-env.ts';
import { startServer } from './runtime.ts';

try {
  const server = await startServer(loadServerEnv());
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await server.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}

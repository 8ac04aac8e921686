// A Redis of our own: the redis-server found on PATH, on a private port, with its append-only file in the data folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ManagedChild, startChild } from './child-processes.ts';
import { isProcessAlive, readPid, stopLeftover } from './pid-files.ts';
import { freePort } from './ports.ts';

export class RedisNotFoundError extends Error {
  constructor() {
    super(
      'redis-server was not found on PATH. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) ' +
        'or point Switchboard at a Redis with REDIS_URL=redis://host:6379.',
    );
  }
}

function findRedisServer(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server']).toString().trim();
  } catch {
    throw new RedisNotFoundError();
  }
}

export async function startLocalRedis(dataDir: string, log: (line: string) => void): Promise<{ url: string; child: ManagedChild }> {
  const binary = findRedisServer();
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'redis.pid');
  const leftover = readPid(pidFile);
  if (leftover && isProcessAlive(leftover)) {
    log(`stopping a Redis left running by an earlier run (pid ${leftover})`);
    await stopLeftover(leftover, 'SIGTERM');
  }
  const port = await freePort();
  // Append-only persistence keeps queued jobs and event streams across restarts, as in production.
  const args = [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--save',
    '',
    '--pidfile',
    pidFile,
    '--loglevel',
    'warning',
  ];
  const child = startChild('redis', binary, args, { quiet: /^(?!.*(error|fatal|failed))/i });
  // With --loglevel warning the ready line is not printed; readiness is a successful PING instead.
  await waitForRedis(port, child);
  return { url: `redis://127.0.0.1:${port}`, child };
}

async function waitForRedis(port: number, child: ManagedChild): Promise<void> {
  const { Redis } = await import('ioredis');
  const deadline = Date.now() + 15_000;
  let exited = false;
  void child.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline && !exited) {
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return;
    } catch {
      client.disconnect();
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('the local Redis did not start');
}

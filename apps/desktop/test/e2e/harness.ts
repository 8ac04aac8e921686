// The end-to-end harness: the built renderer served statically, the real server on the run's database and Redis,
// and headless Chromium (Debian's) driven by playwright-core.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@switchboard/domain';
import { openTestServices } from '@switchboard/domain/testing';
import { buildServer } from '@switchboard/server';
import { loadWorkerEnv, type RunningWorker, startWorker, type WorkerOptions } from '@switchboard/worker';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { serveConsole } from '../../scripts/static-console.ts';

const desktopDir = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../../test-results/screenshots', import.meta.url));

/** Builds the renderer once per run, as a user's `pnpm start` would. */
export function buildRenderer(): void {
  execFileSync('pnpm', ['exec', 'electron-vite', 'build'], { cwd: desktopDir, stdio: 'pipe' });
}

export const serveRenderer = () => serveConsole();

/** The real server; `reachable` makes PUBLIC_URL its own address so the simulator can call its webhooks. */
export async function startApiServer(prefix: string, opts: { reachable?: boolean } = {}) {
  const port = opts.reachable ? await freePort() : 0;
  const services = await openTestServices({
    ...(port ? { publicUrl: `http://127.0.0.1:${port}` } : {}),
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:${prefix}`,
  });
  const app = await buildServer({ ...services, logger: createLogger('e2e', 'silent') });
  const url = await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    services,
    /** Cuts every open connection (the consoles' live streams too), as a network break or a proxy would. */
    dropConnections: () => app.server.closeAllConnections(),
    async close() {
      await app.close();
      await services.close();
    },
  };
}

/** The real worker on the same database and Redis prefix as the server `startApiServer(prefix)` started. */
export function startE2eWorker(
  api: Awaited<ReturnType<typeof startApiServer>>,
  prefix: string,
  options: WorkerOptions = {},
): Promise<RunningWorker> {
  const env = loadWorkerEnv({
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: `${inject('redisPrefix')}:${prefix}`,
    SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
    PUBLIC_URL: api.services.publicUrl,
    LOG_LEVEL: 'silent',
    HEARTBEAT_EVERY_SECONDS: '3600',
  });
  return startWorker(env, undefined, options);
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'sb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    // ./switchboard test finds Chromium (or installs it) and names it; Debian's is the default.
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A new page of the console, signed in and with its live connection up: how every e2e flow starts. */
export async function signedInPage(
  context: BrowserContext,
  to: { webUrl: string; apiUrl: string },
  login: { email: string; password: string },
): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${to.webUrl}/?server=${encodeURIComponent(to.apiUrl)}`);
  await page.getByTestId('login-email').fill(login.email);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="connection"][data-state="live"]').waitFor();
  return page;
}

import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { electronUnavailableReason } from '../start/console.ts';
import { isProcessAlive, parsePostmasterPid } from '../start/pid-files.ts';
import { isPortFree, preferredOrFreePort } from '../start/ports.ts';
import { readinessProbe } from '../start/readiness.ts';

describe('postmaster.pid', () => {
  it.each([
    { text: '4242\n/data/postgres\n1732000000\n54329\n\n127.0.0.1\n', parsed: { pid: 4242, port: 54329 } },
    { text: '17\n/d\n1\n', parsed: { pid: 17, port: 0 } },
    { text: '', parsed: null },
    { text: 'garbage\n', parsed: null },
  ])('$text → $parsed', ({ text, parsed }) => {
    expect(parsePostmasterPid(text)).toEqual(parsed);
  });

  it('tells a live process from a gone one', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(2 ** 22 + 12345)).toBe(false);
  });
});

describe('ports', () => {
  it('keeps the preferred port when free and picks another when taken', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => taken.once('listening', r));
    const { port } = taken.address() as { port: number };
    expect(await isPortFree(port)).toBe(false);
    const other = await preferredOrFreePort(port);
    expect(other).not.toBe(port);
    expect(await isPortFree(other)).toBe(true);
    taken.close();
  });
});

describe('when Electron is not worth trying', () => {
  const desktop = new URL('../../apps/desktop', import.meta.url).pathname;
  it.each([
    { env: { SWITCHBOARD_CONSOLE: 'browser', DISPLAY: ':0' }, reason: 'SWITCHBOARD_CONSOLE=browser' },
    ...(process.platform === 'linux' ? [{ env: {}, reason: 'no display' }] : []),
  ])('$env → $reason', ({ env, reason }) => {
    expect(electronUnavailableReason(env, desktop)).toBe(reason);
  });
});

describe('where pnpm start waits for the server', () => {
  const server = 'http://127.0.0.1:3000';
  it.each([
    { env: { NODE_ENV: 'development' }, url: `${server}/readyz`, headers: {} },
    { env: { NODE_ENV: 'development', METRICS_PORT: '9464' }, url: 'http://127.0.0.1:9464/readyz', headers: {} },
    {
      env: { METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5', METRICS_TOKEN: 't'.repeat(16) },
      url: 'http://10.0.0.5:9464/readyz',
      headers: { authorization: `Bearer ${'t'.repeat(16)}` },
    },
    {
      env: { NODE_ENV: 'production', METRICS_TOKEN: 't'.repeat(16) },
      url: `${server}/readyz`,
      headers: { authorization: `Bearer ${'t'.repeat(16)}` },
    },
    { env: { NODE_ENV: 'production' }, url: `${server}/healthz`, headers: {} },
  ])('$env → $url', ({ env, url, headers }) => {
    expect(readinessProbe(server, env)).toEqual({ url, headers });
  });
});

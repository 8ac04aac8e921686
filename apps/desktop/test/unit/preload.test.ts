import { beforeEach, expect, it, vi } from 'vitest';
import type { SwitchboardBridge } from '../../src/preload/bridge.ts';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: unknown[]) => 'from-main');

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke },
}));

beforeEach(() => {
  exposed.clear();
  invoke.mockClear();
  vi.resetModules();
});

it('exposes only the typed bridge, under window.switchboard, with the server URL from the window arguments', async () => {
  process.argv.push('--switchboard-server=http://10.0.0.5:3000');
  await import('../../src/preload/index.ts');
  process.argv.pop();
  expect([...exposed.keys()]).toEqual(['switchboard']);
  const bridge = exposed.get('switchboard') as SwitchboardBridge;
  expect(Object.keys(bridge).sort()).toEqual(['defaultServerUrl', 'openExternal', 'tokenStore']);
  expect(bridge.defaultServerUrl).toBe('http://10.0.0.5:3000');
});

it('each bridge call is one IPC invoke on its own channel', async () => {
  await import('../../src/preload/index.ts');
  const bridge = exposed.get('switchboard') as SwitchboardBridge;
  expect(bridge.defaultServerUrl).toBeNull();
  const origin = 'https://sb.example.com';
  await bridge.tokenStore.set(origin, 'tok');
  await bridge.tokenStore.get(origin);
  await bridge.tokenStore.clear(origin);
  await bridge.openExternal('https://example.com');
  expect(invoke.mock.calls).toEqual([
    ['token:set', origin, 'tok'],
    ['token:get', origin],
    ['token:clear', origin],
    ['open-external', 'https://example.com'],
  ]);
});

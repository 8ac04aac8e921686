// The browser console's saved sessions: one token per server origin, and a `?server=` link to another server asks first.
import { describe, expect, it } from 'vitest';
import {
  chooseServer,
  type KeyValueStorage,
  migrateLegacyToken,
  readToken,
  removeToken,
  serverOrigin,
  writeToken,
} from '../../src/renderer/src/api/session-storage.ts';

const memoryStorage = (entries: Record<string, string> = {}): KeyValueStorage & { entries: Record<string, string> } => ({
  entries,
  getItem: (key) => entries[key] ?? null,
  setItem: (key, value) => {
    entries[key] = value;
  },
  removeItem: (key) => {
    delete entries[key];
  },
});

describe('tokens are kept per server origin', () => {
  it('a token saved for one server is never read for another', () => {
    const storage = memoryStorage();
    writeToken(storage, 'https://sb.example.com/some/path', 'ours');
    expect(readToken(storage, 'https://sb.example.com')).toBe('ours');
    expect(readToken(storage, 'https://sb.example.com:8443')).toBeNull();
    expect(readToken(storage, 'http://sb.example.com')).toBeNull();
    expect(readToken(storage, 'https://evil.example')).toBeNull();
    expect(storage.entries).toEqual({ 'switchboard.token:https://sb.example.com': 'ours' });
    removeToken(storage, 'https://sb.example.com/');
    expect(storage.entries).toEqual({});
  });

  it.each([
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http://127.0.0.1:3000/trpc/', 'http://127.0.0.1:3000'],
    ['HTTPS://SB.Example.com:443/', 'https://sb.example.com'],
    ['http://127.0.0.1:3000@evil.example/', 'http://evil.example'],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['not a url', null],
  ])('the origin of %s is %s', (url, origin) => {
    expect(serverOrigin(url)).toBe(origin);
  });

  it('the single token of older versions moves under the last server used', () => {
    const storage = memoryStorage({ 'switchboard.token': 'old', 'switchboard.serverUrl': 'http://10.0.0.5:3000/' });
    migrateLegacyToken(storage);
    expect(storage.entries).toEqual({ 'switchboard.token:http://10.0.0.5:3000': 'old', 'switchboard.serverUrl': 'http://10.0.0.5:3000/' });
  });

  it('an old token whose server is unknown is dropped, and a newer token is not overwritten', () => {
    const unknown = memoryStorage({ 'switchboard.token': 'old' });
    migrateLegacyToken(unknown);
    expect(unknown.entries).toEqual({});
    const newer = memoryStorage({
      'switchboard.token': 'old',
      'switchboard.serverUrl': 'http://10.0.0.5:3000',
      'switchboard.token:http://10.0.0.5:3000': 'new',
    });
    migrateLegacyToken(newer);
    expect(newer.entries['switchboard.token:http://10.0.0.5:3000']).toBe('new');
    expect(newer.entries['switchboard.token']).toBeUndefined();
  });
});

describe('which server the console opens on', () => {
  const home = 'http://127.0.0.1:3000';
  it.each([
    {
      why: 'a first visit follows the link',
      query: '?server=https://sb.example.com',
      lastUsed: null,
      expected: { server: 'https://sb.example.com', ask: null },
    },
    {
      why: 'the link names the server last used',
      query: '?server=http://127.0.0.1:3000/',
      lastUsed: home,
      expected: { server: 'http://127.0.0.1:3000/', ask: null },
    },
    {
      why: 'the link names another server: ask, and stay until the user agrees',
      query: '?server=https://evil.example',
      lastUsed: home,
      expected: { server: home, ask: 'https://evil.example' },
    },
    {
      why: 'another port is another server',
      query: '?server=http://127.0.0.1:3001',
      lastUsed: home,
      expected: { server: home, ask: 'http://127.0.0.1:3001' },
    },
    { why: 'no link: the last server', query: '', lastUsed: home, expected: { server: home, ask: null } },
    {
      why: 'a link that is no http(s) URL is ignored',
      query: '?server=javascript:alert(1)',
      lastUsed: home,
      expected: { server: home, ask: null },
    },
    { why: 'nothing known: the app default', query: '', lastUsed: null, expected: { server: 'http://10.0.0.9:3000', ask: null } },
  ])('$why', ({ query, lastUsed, expected }) => {
    expect(chooseServer({ search: query, lastUsed, appDefault: 'http://10.0.0.9:3000' })).toEqual(expected);
  });
  it('without a default either: the local server', () => {
    expect(chooseServer({ search: '', lastUsed: null, appDefault: null })).toEqual({ server: home, ask: null });
  });
});

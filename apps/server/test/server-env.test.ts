import { ConfigError } from '@switchboard/domain';
import { describe, expect, it } from 'vitest';
import { loadServerEnv } from '../src/config/server-env.ts';

const base = { DATABASE_URL: 'postgres://127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('TRUST_PROXY names the proxies that may report the client address', () => {
  it.each([
    { value: undefined, trusted: false },
    { value: '127.0.0.1', trusted: ['127.0.0.1'] },
    { value: '10.0.0.0/8, 192.168.1.7,fd00::/8', trusted: ['10.0.0.0/8', '192.168.1.7', 'fd00::/8'] },
    { value: 'loopback,uniquelocal', trusted: ['loopback', 'uniquelocal'] },
  ])('$value → $trusted', ({ value, trusted }) => {
    expect(loadServerEnv({ ...base, ...(value ? { TRUST_PROXY: value } : {}) }).TRUST_PROXY).toEqual(trusted);
  });

  it.each(['true', '1', 'proxy.internal', '10.0.0.0/33', '10.0.0.1/8/2', '10.0.0.1,'])('refuses %s, naming the variable', (value) => {
    expect(() => loadServerEnv({ ...base, TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadServerEnv({ ...base, TRUST_PROXY: value })).toThrow('TRUST_PROXY:');
  });
});

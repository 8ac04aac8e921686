import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ConfigError, resolveSecretKey } from '../src/index.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'sb-key-'));
const given = Buffer.alloc(32, 1).toString('base64');

// Unset NODE_ENV is production: a deployment that forgets it must not generate a key of its own per host (the server
// and the worker would then disagree), so only an explicit development or test may go without SECRET_KEY.
it.each([
  { nodeEnv: 'production', secretKey: given, outcome: 'given key' },
  { nodeEnv: 'development', secretKey: given, outcome: 'given key' },
  { nodeEnv: undefined, secretKey: given, outcome: 'given key' },
  { nodeEnv: 'development', secretKey: undefined, outcome: 'generated key' },
  { nodeEnv: 'test', secretKey: undefined, outcome: 'generated key' },
  { nodeEnv: 'production', secretKey: undefined, outcome: 'error' },
  { nodeEnv: undefined, secretKey: undefined, outcome: 'error' },
])('NODE_ENV=$nodeEnv with SECRET_KEY=$secretKey → $outcome', ({ nodeEnv, secretKey, outcome }) => {
  const devKeyFile = join(dir(), 'nested', 'secret-key');
  const resolve = () => resolveSecretKey({ secretKey, nodeEnv, devKeyFile });
  if (outcome === 'error') {
    expect(resolve).toThrow(ConfigError);
    expect(resolve).toThrow('SECRET_KEY: is required unless NODE_ENV is development or test');
    return;
  }
  const key = resolve();
  expect(key.length).toBe(32);
  if (outcome === 'given key') expect(key.toString('base64')).toBe(given);
  else {
    // Generated once with owner-only permissions, then reused.
    expect(readFileSync(devKeyFile, 'utf8')).toBe(key.toString('base64'));
    expect(statSync(devKeyFile).mode & 0o777).toBe(0o600);
    expect(resolve().equals(key)).toBe(true);
  }
});

// The key that encrypts provider credentials at rest. Development gets one generated into the data folder.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from './env.ts';

export function resolveSecretKey(opts: { secretKey?: string; nodeEnv: string; devKeyFile: string }): Buffer {
  if (opts.secretKey) return Buffer.from(opts.secretKey, 'base64');
  if (opts.nodeEnv === 'production') {
    throw new ConfigError('Invalid environment:\n  SECRET_KEY: is required in production (32 bytes, base64)');
  }
  if (!existsSync(opts.devKeyFile)) {
    mkdirSync(dirname(opts.devKeyFile), { recursive: true });
    writeFileSync(opts.devKeyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(opts.devKeyFile, 'utf8').trim(), 'base64');
}

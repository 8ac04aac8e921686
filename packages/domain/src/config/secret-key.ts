// The key that encrypts provider credentials at rest. Only an explicit development or test run may go without
// SECRET_KEY (it gets one generated into the data folder): a deployment that forgot NODE_ENV would otherwise
// generate a key per host, and its server and worker would not read each other's secrets.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, isDevelopmentOrTest } from './env.ts';

export function resolveSecretKey(opts: { secretKey?: string | undefined; nodeEnv: string | undefined; devKeyFile: string }): Buffer {
  if (opts.secretKey) return Buffer.from(opts.secretKey, 'base64');
  if (!isDevelopmentOrTest(opts.nodeEnv)) {
    throw new ConfigError(
      'Invalid environment:\n  SECRET_KEY: is required unless NODE_ENV is development or test (32 bytes, base64; NODE_ENV is ' +
        `${opts.nodeEnv ?? 'unset, which counts as production'})`,
    );
  }
  if (!existsSync(opts.devKeyFile)) {
    mkdirSync(dirname(opts.devKeyFile), { recursive: true });
    writeFileSync(opts.devKeyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(opts.devKeyFile, 'utf8').trim(), 'base64');
}

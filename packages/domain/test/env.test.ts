import { describe, expect, it } from 'vitest';
import { ConfigError, envFields, parseEnv } from '../src/index.ts';

const shape = {
  DATABASE_URL: envFields.DATABASE_URL,
  PORT: envFields.PORT,
  SECRET_KEY: envFields.SECRET_KEY,
  LOG_LEVEL: envFields.LOG_LEVEL,
};
const goodKey = Buffer.alloc(32, 7).toString('base64');

describe('parseEnv names the variable that is wrong', () => {
  it.each([
    { env: {}, message: 'DATABASE_URL: is required' },
    { env: { DATABASE_URL: 'mysql://x/y' }, message: 'DATABASE_URL: must be a postgres:// connection URL' },
    { env: { DATABASE_URL: 'postgres://h/db', PORT: 'eighty' }, message: 'PORT:' },
    { env: { DATABASE_URL: 'postgres://h/db', PORT: '70000' }, message: 'PORT:' },
    { env: { DATABASE_URL: 'postgres://h/db', SECRET_KEY: 'c2hvcnQ=' }, message: 'SECRET_KEY: must be 32 bytes, base64-encoded' },
    { env: { DATABASE_URL: 'postgres://h/db', LOG_LEVEL: 'loud' }, message: 'LOG_LEVEL:' },
  ])('$env → $message', ({ env, message }) => {
    expect(() => parseEnv(shape, env)).toThrow(ConfigError);
    expect(() => parseEnv(shape, env)).toThrow(message);
  });

  it('leaves NODE_ENV unset when it is not given: production rules, not development', () => {
    expect(parseEnv({ NODE_ENV: envFields.NODE_ENV }, {}).NODE_ENV).toBeUndefined();
    expect(parseEnv({ NODE_ENV: envFields.NODE_ENV }, { NODE_ENV: 'test' }).NODE_ENV).toBe('test');
  });

  it('applies defaults and treats empty strings as unset', () => {
    const env = parseEnv(shape, { DATABASE_URL: 'postgresql://127.0.0.1/db', PORT: '', SECRET_KEY: goodKey });
    expect(env).toEqual({ DATABASE_URL: 'postgresql://127.0.0.1/db', PORT: 3000, SECRET_KEY: goodKey, LOG_LEVEL: 'info' });
  });
});

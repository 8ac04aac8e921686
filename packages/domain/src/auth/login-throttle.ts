// Limits sign-in and sign-up attempts per email and per client address, counted in Redis so every server shares
// the count. An attempt is reserved (counted) in one atomic step *before* its password is checked: a check that
// reads the count first and writes it after the slow argon2 let every parallel request (and every call of a
// tRPC batch) through on the same stale count.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { rateLimited } from '../errors/domain-errors.ts';

export interface AttemptLimits {
  perEmail: number;
  /** More room than one email: several staff may share an office address. */
  perAddress: number;
  windowSeconds: number;
}

export interface LoginThrottleConfig {
  /** Failed (or still running) sign-ins; a success gives its reservation back. */
  signIn: AttemptLimits;
  /** Every sign-up attempt, successful or not: each one can create a company. */
  signUp: AttemptLimits;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleConfig = {
  signIn: { perEmail: 5, perAddress: 20, windowSeconds: 15 * 60 },
  signUp: { perEmail: 5, perAddress: 10, windowSeconds: 60 * 60 },
};

// KEYS: the counters of one attempt. ARGV[1]: the window in ms; ARGV[1 + i]: the limit of KEYS[i].
// All counters within their limits: each is incremented (its window starts with its first attempt) and 0 is
// returned. Otherwise nothing changes and the ms until the full counter's window ends are returned.
const RESERVE_SCRIPT = `
for i = 1, #KEYS do
  if tonumber(redis.call('get', KEYS[i]) or '0') >= tonumber(ARGV[i + 1]) then
    local ttl = redis.call('pttl', KEYS[i])
    if ttl < 1 then return tonumber(ARGV[1]) end
    return ttl
  end
end
for i = 1, #KEYS do
  redis.call('incr', KEYS[i])
  if redis.call('pttl', KEYS[i]) < 0 then redis.call('pexpire', KEYS[i], ARGV[1]) end
end
return 0`;

// A successful sign-in: the email's count starts over, and the address gets back the one attempt it reserved
// (never below zero, and never re-creating a counter whose window has just ended).
const SUCCEEDED_SCRIPT = `
redis.call('del', KEYS[1])
if KEYS[2] and tonumber(redis.call('get', KEYS[2]) or '0') > 0 then redis.call('decr', KEYS[2]) end
return 0`;

type Attempt = 'sign-in' | 'sign-up';

export class LoginThrottle {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly config: LoginThrottleConfig;

  constructor(redis: Redis, prefix: string, config: LoginThrottleConfig = DEFAULT_LOGIN_THROTTLE) {
    this.redis = redis;
    this.prefix = prefix;
    this.config = config;
  }

  private keys(attempt: Attempt, email: string, clientIp: string | undefined): string[] {
    // One hash tag, so a script's keys share a Redis Cluster slot; the email is hashed so Redis holds no addresses.
    const base = `{${this.prefix}}:${attempt}`;
    const keys = [`${base}:email:${createHash('sha256').update(email).digest('base64url')}`];
    if (clientIp) keys.push(`${base}:addr:${clientIp}`);
    return keys;
  }

  private async reserve(attempt: Attempt, limits: AttemptLimits, email: string, clientIp: string | undefined): Promise<void> {
    const keys = this.keys(attempt, email, clientIp);
    const caps = [limits.perEmail, limits.perAddress].slice(0, keys.length).map(String);
    const waitMs = Number(await this.redis.eval(RESERVE_SCRIPT, keys.length, ...keys, String(limits.windowSeconds * 1000), ...caps));
    if (waitMs > 0) {
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      throw rateLimited(`Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }
  }

  /** Counts a sign-in attempt before its password is checked; throws rate_limited (counting nothing) past a limit. */
  reserveSignIn(email: string, clientIp: string | undefined): Promise<void> {
    return this.reserve('sign-in', this.config.signIn, email, clientIp);
  }

  /** The password was right: the email starts over and the address gets its attempt back. */
  async signInSucceeded(email: string, clientIp: string | undefined): Promise<void> {
    const keys = this.keys('sign-in', email, clientIp);
    await this.redis.eval(SUCCEEDED_SCRIPT, keys.length, ...keys);
  }

  /** Counts a sign-up attempt, whatever its outcome; throws rate_limited (counting nothing) past a limit. */
  reserveSignUp(email: string, clientIp: string | undefined): Promise<void> {
    return this.reserve('sign-up', this.config.signUp, email, clientIp);
  }
}

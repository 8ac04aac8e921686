// Limits failed logins per email and per client address, counted in Redis so every server shares the count.
import type { Redis } from 'ioredis';
import { rateLimited } from '../errors/domain-errors.ts';

export interface LoginThrottleConfig {
  maxFailures: number;
  windowSeconds: number;
}
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleConfig = { maxFailures: 5, windowSeconds: 15 * 60 };

export class LoginThrottle {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly config: LoginThrottleConfig;

  constructor(redis: Redis, prefix: string, config: LoginThrottleConfig = DEFAULT_LOGIN_THROTTLE) {
    this.redis = redis;
    this.prefix = prefix;
    this.config = config;
  }

  private keys(email: string, clientIp: string | undefined): string[] {
    const keys = [`${this.prefix}:login-fail:email:${email}`];
    if (clientIp) keys.push(`${this.prefix}:login-fail:ip:${clientIp}`);
    return keys;
  }

  /** Throws rate_limited when this email or address has failed too often recently. */
  async assertAllowed(email: string, clientIp: string | undefined): Promise<void> {
    const counts = await this.redis.mget(...this.keys(email, clientIp));
    // An address gets more room than one email: several staff may share an office address.
    const [emailCount, ipCount] = counts.map((c) => Number(c ?? 0));
    if ((emailCount ?? 0) >= this.config.maxFailures || (ipCount ?? 0) >= this.config.maxFailures * 4) {
      throw rateLimited(`Too many failed sign-ins. Try again in ${Math.round(this.config.windowSeconds / 60)} minutes.`);
    }
  }

  async recordFailure(email: string, clientIp: string | undefined): Promise<void> {
    const multi = this.redis.multi();
    for (const key of this.keys(email, clientIp)) {
      multi.incr(key);
      multi.expire(key, this.config.windowSeconds, 'NX');
    }
    await multi.exec();
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.keys(email, undefined)[0] as string);
  }
}

// Redis connections. Every key the product writes starts with a prefix, so test runs and tenants of one Redis never collide.
import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

export interface RedisConfig {
  url: string;
  /** Prefix for every key: events, rate limits and BullMQ queues. */
  prefix: string;
}

export function connectRedis(config: RedisConfig, options: RedisOptions = {}): Redis {
  // BullMQ workers need maxRetriesPerRequest: null; harmless elsewhere.
  return new Redis(config.url, { maxRetriesPerRequest: null, lazyConnect: false, ...options });
}

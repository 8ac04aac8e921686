// Webhook routes learn which company a provider id belongs to, and its token, from here. A short cache keeps
// thousands of callbacks a second off the database; a token rotation or deactivation applies within the TTL.
// The cache is bounded (least recently used out first) and remembers only providers that exist: an id that is not a
// UUID never reaches the database, and an unknown one costs a primary-key lookup each time instead of a cache entry
// (random ids would otherwise push real providers out; concurrent lookups of one id share one query).
import type { EntityManager } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock/clock.ts';
import { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import type { SecretBox } from '../secrets/secret-box.ts';

export interface ProviderIdentity {
  id: string;
  companyId: string;
  kind: 'twilio' | 'simulator';
  authToken: string;
  active: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ProviderDirectoryOptions {
  /** How long a provider is trusted from the cache (a rotated token or a deactivation applies within it). */
  ttlMs?: number;
  /** Providers kept at most: a few hundred bytes each. */
  max?: number;
}

export class ProviderDirectory {
  private readonly cache: LRUCache<string, ProviderIdentity>;
  private readonly em: EntityManager;
  private readonly secrets: SecretBox;

  constructor(deps: { em: EntityManager; secrets: SecretBox; clock: Clock }, opts: ProviderDirectoryOptions = {}) {
    this.em = deps.em;
    this.secrets = deps.secrets;
    this.cache = new LRUCache<string, ProviderIdentity>({
      max: opts.max ?? 10_000,
      ttl: opts.ttlMs ?? 30_000,
      // Expiry follows the injected clock, read at every check (resolution 0), so tests can move time.
      perf: { now: () => deps.clock.now().getTime() },
      ttlResolution: 0,
      // Resolving undefined (no such provider) stores nothing.
      fetchMethod: async (id) => (await this.load(id)) ?? undefined,
    });
  }

  async find(id: string): Promise<ProviderIdentity | null> {
    if (!UUID.test(id)) return null;
    return (await this.cache.fetch(id)) ?? null;
  }

  /** Providers in the cache now (for tests and metrics). */
  get size(): number {
    return this.cache.size;
  }

  private async load(id: string): Promise<ProviderIdentity | null> {
    const row = await this.em.fork().findOne(WhatsappProvider, { id }, { populate: ['authTokenEncrypted'] });
    const identity: ProviderIdentity | null =
      row?.authTokenEncrypted != null
        ? {
            id: row.id,
            companyId: row.company.id,
            kind: row.kind,
            authToken: this.secrets.open(row.authTokenEncrypted, row.id),
            active: row.active,
          }
        : null;
    return identity;
  }

  forget(id: string): void {
    this.cache.delete(id);
  }
}

// Webhook routes learn which company a provider id belongs to, and its token, from here. A short cache keeps
// thousands of callbacks a second off the database; a token rotation or deactivation applies within the TTL.
import type { EntityManager } from '@mikro-orm/postgresql';
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

export class ProviderDirectory {
  private readonly cache = new Map<string, { identity: ProviderIdentity | null; until: number }>();
  private readonly em: EntityManager;
  private readonly secrets: SecretBox;
  private readonly clock: Clock;
  private readonly ttlMs: number;

  constructor(deps: { em: EntityManager; secrets: SecretBox; clock: Clock }, ttlMs = 30_000) {
    this.em = deps.em;
    this.secrets = deps.secrets;
    this.clock = deps.clock;
    this.ttlMs = ttlMs;
  }

  async find(id: string): Promise<ProviderIdentity | null> {
    if (!UUID.test(id)) return null;
    const now = this.clock.now().getTime();
    const hit = this.cache.get(id);
    if (hit && hit.until > now) return hit.identity;
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
    this.cache.set(id, { identity, until: now + this.ttlMs });
    return identity;
  }

  forget(id: string): void {
    this.cache.delete(id);
  }
}

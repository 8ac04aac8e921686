// Provider adapters are costly to build (the Twilio SDK client holds its own HTTP agents), so a process keeps
// one per provider row and builds a new one only when the row changed (credentials edited).
import type { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import type { MessagingProvider } from './messaging-provider.ts';

export function cachedProviders(build: (row: WhatsappProvider) => MessagingProvider): (row: WhatsappProvider) => MessagingProvider {
  const cache = new Map<string, { version: number; provider: MessagingProvider }>();
  return (row) => {
    const version = row.updatedAt.getTime();
    const hit = cache.get(row.id);
    if (hit && hit.version === version) return hit.provider;
    const provider = build(row);
    cache.set(row.id, { version, provider });
    return provider;
  };
}

// The provider adapters the API uses (template submission), one set per process, built from its dependencies.
import { type MessagingProvider, providerAdapters, type WhatsappProvider } from '@switchboard/domain';
import type { ApiDeps } from './deps.ts';

const adapters = new WeakMap<ApiDeps, (row: WhatsappProvider) => MessagingProvider>();

export function providerFor(deps: ApiDeps): (row: WhatsappProvider) => MessagingProvider {
  let build = adapters.get(deps);
  if (!build) {
    build = providerAdapters(deps);
    adapters.set(deps, build);
  }
  return build;
}

// The provider adapters a process uses, one per provider row (cachedProviders): Twilio through the SDK, or the
// simulator, which calls this deployment's webhook routes back and reviews templates on the process's clock.
import type { Clock } from '../clock/clock.ts';
import type { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { MessagingProvider } from './messaging-provider.ts';
import { cachedProviders } from './provider-cache.ts';
import { messagingProviderFor } from './provider-factory.ts';
import { type SimulatorOptions, SimulatorProvider } from './simulator/simulator-provider.ts';

export interface ProviderAdapterDeps {
  secrets: SecretBox;
  twilioApiUrl?: string | undefined;
  publicUrl: string;
  clock: Clock;
  /** Tests pin the simulator's script; the product plays its realistic default. */
  simulator?: Pick<SimulatorOptions, 'script' | 'onError' | 'schedule'>;
}

export function providerAdapters(deps: ProviderAdapterDeps): (row: WhatsappProvider) => MessagingProvider {
  return cachedProviders((row) =>
    messagingProviderFor(row, {
      secrets: deps.secrets,
      twilioApiUrl: deps.twilioApiUrl,
      simulator: (r, authToken) =>
        new SimulatorProvider(r, authToken, { publicUrl: deps.publicUrl, now: () => deps.clock.now().getTime(), ...deps.simulator }),
    }),
  );
}

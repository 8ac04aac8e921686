// Builds the MessagingProvider adapter for a stored provider row.
import type { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { MessagingProvider } from './messaging-provider.ts';
import { TwilioProvider } from './twilio/twilio-provider.ts';

export interface ProviderFactoryDeps {
  secrets: SecretBox;
  twilioApiUrl?: string | undefined;
  /** The simulator adapter, built by the process that can call the server's webhook routes. */
  simulator?: ((row: WhatsappProvider, authToken: string) => MessagingProvider) | undefined;
}

export function authTokenOf(row: WhatsappProvider, secrets: SecretBox): string {
  if (!row.authTokenEncrypted) throw new Error(`Provider ${row.id} has no auth token`);
  return secrets.open(row.authTokenEncrypted, row.id);
}

export function messagingProviderFor(row: WhatsappProvider, deps: ProviderFactoryDeps): MessagingProvider {
  const authToken = authTokenOf(row, deps.secrets);
  if (row.kind === 'twilio') {
    return new TwilioProvider({ accountSid: row.accountSid as string, authToken, sender: row.sender }, { apiUrl: deps.twilioApiUrl });
  }
  if (!deps.simulator) throw new Error('The simulator is not available in this process');
  return deps.simulator(row, authToken);
}

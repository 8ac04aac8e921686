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

/** The stored token does not open under this process's SECRET_KEY (the key changed, or the value was altered). */
export class CredentialsUnreadable extends Error {
  constructor(options: { cause: unknown }) {
    super(
      'the WhatsApp sender’s stored credentials could not be decrypted (SECRET_KEY is not the key they were saved with); enter its Auth Token again in Settings',
      options,
    );
    this.name = 'CredentialsUnreadable';
  }
}

function openedAuthToken(row: WhatsappProvider, secrets: SecretBox): string {
  try {
    return authTokenOf(row, secrets);
  } catch (cause) {
    throw row.authTokenEncrypted ? new CredentialsUnreadable({ cause }) : cause;
  }
}

export function messagingProviderFor(row: WhatsappProvider, deps: ProviderFactoryDeps): MessagingProvider {
  const authToken = openedAuthToken(row, deps.secrets);
  if (row.kind === 'twilio') {
    return new TwilioProvider({ accountSid: row.accountSid as string, authToken, sender: row.sender }, { apiUrl: deps.twilioApiUrl });
  }
  if (!deps.simulator) throw new Error('The simulator is not available in this process');
  return deps.simulator(row, authToken);
}

// Lets a company on the simulator play the lead: a message "from" a phone number arrives through the real
// inbound webhook, so the whole pipeline (signature, inbox, worker, window, consent) runs as with Twilio.
import { precondition } from '../errors/domain-errors.ts';
import { normalisePhone } from '../leads/lead-service.ts';
import { authTokenOf } from '../providers/provider-factory.ts';
import { activeWhatsappProvider } from '../providers/provider-settings.ts';
import { simulateInboundMessage } from '../providers/simulator/simulator-provider.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';

export async function simulateLeadMessage(
  scope: TenantScope,
  deps: { secrets: SecretBox; publicUrl: string },
  input: { phone: string; body: string },
): Promise<void> {
  const provider = await activeWhatsappProvider(scope).catch(() => {
    throw precondition('Set up a WhatsApp provider in Settings first');
  });
  if (provider.kind !== 'simulator') throw precondition('Simulated messages need the simulator provider');
  await simulateInboundMessage(provider, authTokenOf(provider, deps.secrets), deps.publicUrl, {
    phone: normalisePhone(input.phone),
    body: input.body,
  });
}

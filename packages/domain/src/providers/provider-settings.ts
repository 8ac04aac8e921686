// A company's WhatsApp provider: Twilio credentials (the token sealed, never returned) or the simulator,
// and the webhook URLs to paste into Twilio's console.
import { randomBytes } from 'node:crypto';
import { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import { DomainError, notFound } from '../errors/domain-errors.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { authTokenOf, type ProviderFactoryDeps } from './provider-factory.ts';
import { parseSender } from './sender-address.ts';
import { TwilioProvider } from './twilio/twilio-provider.ts';

export interface ProviderInput {
  kind: 'twilio' | 'simulator';
  accountSid?: string | undefined;
  authToken?: string | undefined;
  from: string;
  messagesPerSecond?: number | undefined;
}

export interface WebhookUrls {
  inbound: string;
  status: string;
}

export interface ProviderView {
  id: string;
  kind: 'twilio' | 'simulator';
  accountSid: string | null;
  sender: string;
  hasAuthToken: boolean;
  messagesPerSecond: number;
  active: boolean;
  webhookUrls: WebhookUrls;
}

export const webhookUrls = (publicUrl: string, providerId: string): WebhookUrls => {
  const base = `${publicUrl.replace(/\/+$/, '')}/webhooks/twilio/${providerId}`;
  return { inbound: `${base}/inbound`, status: `${base}/status` };
};

export const toProviderView = (p: WhatsappProvider, publicUrl: string): ProviderView => ({
  id: p.id,
  kind: p.kind,
  accountSid: p.accountSid ?? null,
  sender: p.sender,
  hasAuthToken: Boolean(p.authTokenEncrypted),
  messagesPerSecond: p.messagesPerSecond,
  active: p.active,
  webhookUrls: webhookUrls(publicUrl, p.id),
});

const invalid = (message: string) => new DomainError('invalid', message);

/** Creates the company's WhatsApp provider or updates the active one. Keeps the stored token when none is given. */
export async function upsertWhatsappProvider(
  scope: TenantScope,
  deps: { secrets: SecretBox; publicUrl: string },
  input: ProviderInput,
): Promise<ProviderView> {
  const sender = parseSender(input.from);
  if (!sender.ok) throw invalid(sender.reason);
  const [existing] = await scope.find(WhatsappProvider, { active: true }, { orderBy: { createdAt: 'desc' }, limit: 1 });
  if (input.kind === 'twilio') {
    if (!input.accountSid || !/^AC[0-9a-f]{32}$/i.test(input.accountSid))
      throw invalid('Account SID starts with AC followed by 32 characters');
    if (!input.authToken && !(existing?.kind === 'twilio' && existing.authTokenEncrypted)) throw invalid('Auth Token is required');
  }
  const previousKind = existing?.kind;
  const provider = existing ?? scope.create(WhatsappProvider, { kind: input.kind, sender: sender.sender });
  provider.kind = input.kind;
  provider.sender = sender.sender;
  provider.accountSid = input.kind === 'twilio' ? (input.accountSid as string) : null;
  // Each token is sealed to its row: copied into another provider's row, it would not open.
  if (input.kind === 'twilio' && input.authToken) provider.authTokenEncrypted = deps.secrets.seal(input.authToken, provider.id);
  // The simulator signs its callbacks like Twilio, with a token of its own.
  if (input.kind === 'simulator' && previousKind !== 'simulator')
    provider.authTokenEncrypted = deps.secrets.seal(randomBytes(24).toString('base64url'), provider.id);
  if (input.messagesPerSecond) provider.messagesPerSecond = input.messagesPerSecond;
  provider.active = true;
  await scope.em.flush();
  return toProviderView(provider, deps.publicUrl);
}

export async function listWhatsappProviders(scope: TenantScope, publicUrl: string): Promise<ProviderView[]> {
  const rows = await scope.find(WhatsappProvider, {}, { orderBy: { active: 'desc', createdAt: 'desc' } });
  return rows.map((p) => toProviderView(p, publicUrl));
}

export async function deactivateWhatsappProvider(scope: TenantScope, id: string, publicUrl: string): Promise<ProviderView> {
  const provider = await scope.get(WhatsappProvider, id, 'WhatsApp provider');
  provider.active = false;
  await scope.em.flush();
  return toProviderView(provider, publicUrl);
}

/** The company's active provider, for sending. */
export async function activeWhatsappProvider(scope: TenantScope): Promise<WhatsappProvider> {
  const [provider] = await scope.find(WhatsappProvider, { active: true }, { orderBy: { createdAt: 'desc' }, limit: 1 });
  if (!provider) throw notFound('Active WhatsApp provider');
  return provider;
}

/** Tries the stored credentials against the provider; a failure is a result to show, not an error. */
export async function testWhatsappProvider(
  scope: TenantScope,
  deps: ProviderFactoryDeps,
  id: string,
): Promise<{ ok: boolean; message: string }> {
  const row = await scope.get(WhatsappProvider, id, 'WhatsApp provider');
  if (row.kind === 'simulator') return { ok: true, message: 'The built-in simulator is ready' };
  try {
    const { accountName } = await new TwilioProvider(
      { accountSid: row.accountSid as string, authToken: authTokenOf(row, deps.secrets), sender: row.sender },
      { apiUrl: deps.twilioApiUrl },
    ).testConnection();
    return { ok: true, message: `Connected to Twilio account “${accountName}”` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

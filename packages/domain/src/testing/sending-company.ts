// A company ready to send on WhatsApp through (fake) Twilio, built with the domain services directly: a sender,
// a lead who opted in and wrote recently (the 24-hour window is open), and a way to queue texts to that lead.
import { randomBytes } from 'node:crypto';
import { signUp } from '../auth/auth-service.ts';
import { queueOutboundMessage } from '../conversations/queue-outbound-message.ts';
import { Lead } from '../entities/lead.ts';
import { WhatsappSession } from '../entities/whatsapp-session.ts';
import { upsertWhatsappProvider } from '../providers/provider-settings.ts';
import { TenantScope } from '../tenancy/tenant-scope.ts';
import { type TestServices, uniqueEmail } from './test-services.ts';

export interface SendingCompany {
  companyId: string;
  /** The admin's sign-in, for tests that go through the API: `email` and {@link SENDING_COMPANY_PASSWORD}. */
  email: string;
  providerId: string;
  leadId: string;
  phone: string;
  scope: TenantScope;
  /** Queues a text to the company's lead, as the console's send does; resolves with the message id. */
  send(text: string): Promise<string>;
}

export const SENDING_COMPANY_PASSWORD = 'password-1234';

export async function sendingCompany(services: TestServices, name: string): Promise<SendingCompany> {
  const email = uniqueEmail();
  const { user } = await signUp(
    { em: services.orm.em, clock: services.clock, throttle: services.throttle },
    { companyName: name, name: 'A', email, password: SENDING_COMPANY_PASSWORD },
  );
  const scope = new TenantScope(services.orm.em.fork(), user.companyId, services.clock);
  const provider = await upsertWhatsappProvider(scope, services, {
    kind: 'twilio',
    accountSid: `AC${'5'.repeat(32)}`,
    authToken: `${name}-token`,
    from: '+14155238886',
    messagesPerSecond: 1000,
  });
  const now = services.clock.now();
  const phone = `+1415${Math.floor(2e6 + Math.random() * 7e6)}`;
  const lead = scope.create(Lead, { name: 'Kim', phone, whatsappOptIn: true });
  scope.create(WhatsappSession, {
    lead: lead.id,
    provider: provider.id,
    lastInboundAt: now,
    windowEndsAt: new Date(now.getTime() + 20 * 3600_000),
  });
  await scope.em.flush();
  return {
    companyId: user.companyId,
    email,
    providerId: provider.id,
    leadId: lead.id,
    phone,
    scope,
    send: async (text) => (await queueOutboundMessage(scope, services, { kind: 'text', leadId: lead.id, text })).messageId,
  };
}

/**
 * The company's stored Auth Token becomes one sealed under some other key, as after a SECRET_KEY change: it has the
 * stored form (version, IV, tag, data) but no longer decrypts. The row's updated_at moves, so caches of the provider
 * row and its adapter are refreshed.
 */
export async function breakStoredToken(services: TestServices, providerId: string): Promise<void> {
  const foreign = ['v1', randomBytes(12), randomBytes(16), randomBytes(24)]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join(':');
  await services.orm.em
    .getConnection()
    .execute(`update whatsapp_providers set auth_token_encrypted = ?, updated_at = now() where id = ?`, [foreign, providerId]);
}

/**
 * PostgreSQL refuses to store a provider id on this one message (a trigger raising a check violation), as a
 * constraint refusing one row of a batch would. Returns what lifts the refusal.
 */
export async function refuseProviderIdOf(services: TestServices, messageId: string): Promise<() => Promise<void>> {
  const name = `refuse_provider_id_${messageId.replaceAll('-', '_')}`;
  const connection = services.orm.em.getConnection();
  await connection.execute(
    `create function ${name}() returns trigger language plpgsql as $$
       begin raise exception 'provider id refused for this message' using errcode = 'check_violation'; end $$`,
  );
  await connection.execute(
    `create trigger ${name} before update of provider_message_id on messages for each row
       when (new.id = '${messageId}'::uuid and new.provider_message_id is not null) execute function ${name}()`,
  );
  return async () => {
    await connection.execute(`drop trigger if exists ${name} on messages`);
    await connection.execute(`drop function if exists ${name}()`);
  };
}

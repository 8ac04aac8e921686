// A company with a WhatsApp provider, leads and recorded webhook events, for the inbox tests of the domain.
import { randomBytes } from 'node:crypto';
import {
  type Clock,
  EventStream,
  type IncomingWebhook,
  Lead,
  type LiveEvent,
  Message,
  recordWebhook,
  signUp,
  TenantScope,
  upsertWhatsappProvider,
  type WebhookKind,
} from '../../src/index.ts';
import { type TestServices, uniqueEmail } from '../../src/testing/index.ts';

export interface InboxCompany {
  companyId: string;
  providerId: string;
}

export async function inboxCompany(services: TestServices, clock: Clock): Promise<InboxCompany> {
  const { user } = await signUp(
    { em: services.orm.em, clock, throttle: services.throttle },
    { companyName: 'Inbox', name: 'I', email: uniqueEmail('inbox'), password: 'password-1234' },
  );
  const scope = new TenantScope(services.orm.em.fork(), user.companyId, clock);
  const provider = await upsertWhatsappProvider(scope, services, { kind: 'simulator', from: '+14155238886' });
  return { companyId: user.companyId, providerId: provider.id };
}

let phones = 0;
/** A unique phone number per call in this run (leads are unique per company and phone). */
export const nextPhone = () => `+1415${String(Date.now() % 1e6).padStart(6, '0')}${String(++phones % 10)}`;

/** An opted-in lead with `queued` outbound messages waiting to be sent. */
export async function optedInLead(services: TestServices, c: InboxCompany, queued = 0): Promise<Lead> {
  const em = services.orm.em.fork();
  const lead = em.create(Lead, {
    company: c.companyId,
    name: 'Sam',
    phone: nextPhone(),
    whatsappOptIn: true,
    whatsappOptInAt: new Date('2026-01-01T00:00:00Z'),
    whatsappOptInSource: 'form',
  });
  for (let i = 0; i < queued; i++)
    em.create(Message, { company: c.companyId, lead: lead.id, direction: 'outbound', kind: 'text', body: `Offer ${i}`, status: 'queued' });
  await em.flush();
  return lead;
}

export const messageSid = () => `SM${randomBytes(16).toString('hex')}`;

/** Twilio's inbound parameters for a text from `phone` (TWILIO.md §5.1). */
export const inboundParams = (phone: string, body: string, extra: Record<string, string> = {}): Record<string, string> => ({
  MessageSid: messageSid(),
  AccountSid: `AC${'3'.repeat(32)}`,
  From: `whatsapp:${phone}`,
  To: 'whatsapp:+14155238886',
  Body: body,
  NumMedia: '0',
  ProfileName: 'Sam',
  SmsStatus: 'received',
  ApiVersion: '2010-04-01',
  ...extra,
});

/** Stores an event in the inbox as the webhook route does (no queue job): returns its id. */
export async function recordEvent(
  services: TestServices,
  c: InboxCompany,
  kind: WebhookKind,
  params: Record<string, string>,
  receivedAt: Date,
  query: Record<string, string> = {},
): Promise<string> {
  const hook: IncomingWebhook = { companyId: c.companyId, providerId: c.providerId, kind, params, query, receivedAt };
  const id = await recordWebhook(services.orm.em, hook);
  if (!id) throw new Error('the event was a repeat');
  return id;
}

/**
 * An event stream whose first publish throws: it stands for the process dying right after a commit (the real
 * `publish` is best-effort and never throws, so a throw here is the only way to stop a job at that point).
 */
export class StreamFailingOnce extends EventStream {
  failures = 1;
  override async publish(companyId: string, event: LiveEvent): Promise<string | null> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('the worker died right after the commit');
    }
    return super.publish(companyId, event);
  }
}

// The demo company that `pnpm start` creates on an empty database, so a new user can sign in at once.
import type { EntityManager } from '@mikro-orm/postgresql';
import { signUp } from '../auth/auth-service.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { Clock } from '../clock/clock.ts';
import { Agent } from '../entities/agent.ts';
import { Company } from '../entities/company.ts';
import { Lead } from '../entities/lead.ts';
import { Template } from '../entities/template.ts';
import { upsertWhatsappProvider } from '../providers/provider-settings.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { libraryTemplate } from '../templates/template-library.ts';
import { TenantScope } from '../tenancy/tenant-scope.ts';

export const DEMO_LOGIN = { email: 'demo@switchboard.local', password: 'switchboard-demo' } as const;

/** Seeds the demo company when the database has no company yet; returns whether it did. */
export async function seedDemo(deps: {
  em: EntityManager;
  clock: Clock;
  throttle: LoginThrottle;
  secrets: SecretBox;
  publicUrl: string;
}): Promise<boolean> {
  const em = deps.em.fork();
  if ((await em.count(Company)) > 0) return false;
  const { user } = await signUp(deps, { companyName: 'Demo Realty', name: 'Demo Admin', ...DEMO_LOGIN });
  em.create(Agent, { company: user.companyId, name: 'Ava — appointment setter', industry: 'real_estate', channels: ['voice', 'whatsapp'] });
  em.create(Agent, { company: user.companyId, name: 'Sam — solar qualifier', industry: 'solar', channels: ['voice'] });
  // The simulator stands in for Twilio, so the demo can message leads with no account.
  const scope = new TenantScope(em, user.companyId, deps.clock);
  await upsertWhatsappProvider(scope, deps, { kind: 'simulator', from: '+15550100000' });
  em.create(Lead, {
    company: user.companyId,
    name: 'Jordan Lee',
    phone: '+14155550101',
    whatsappOptIn: true,
    whatsappOptInAt: deps.clock.now(),
    whatsappOptInSource: 'demo seed',
  });
  em.create(Lead, {
    company: user.companyId,
    name: 'Priya Shah',
    phone: '+14155550102',
    whatsappOptIn: true,
    whatsappOptInAt: deps.clock.now(),
    whatsappOptInSource: 'demo seed',
  });
  em.create(Template, {
    company: user.companyId,
    name: 'viewing_follow_up',
    language: 'en',
    category: 'utility',
    body: 'Hi {{first_name}}, thanks for your interest in the house. Would you like to book a viewing this week?',
    variables: [{ name: 'first_name', example: 'Ana', binding: { source: 'lead', field: 'firstName' } }],
    buttons: [
      { type: 'quick_reply', text: 'Yes, book a viewing', payload: 'book_viewing' },
      { type: 'quick_reply', text: 'Not now', payload: 'not_now' },
    ],
    status: 'approved',
    statusChangedAt: deps.clock.now(),
    // A content SID as the simulator hands them out (simulated-template-review.ts), decided long ago.
    contentSid: 'HX00000000000110000000000000000000',
  });
  // Two library templates to start from, as drafts to edit and submit.
  for (const key of ['real_estate_first_contact', 'real_estate_viewing_reminder']) {
    const entry = libraryTemplate(key);
    if (entry) em.create(Template, { company: user.companyId, ...structuredClone(entry.definition), libraryKey: key });
  }
  await em.flush();
  return true;
}

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
    phone: '+15550101001',
    whatsappOptIn: true,
    whatsappOptInAt: deps.clock.now(),
    whatsappOptInSource: 'demo seed',
  });
  em.create(Lead, {
    company: user.companyId,
    name: 'Priya Shah',
    phone: '+15550101002',
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
    status: 'approved',
    // The simulator accepts any content SID; a real account gets its own from Twilio's approval.
    contentSid: 'HXdemo0000000000000000000000000001',
  });
  await em.flush();
  return true;
}

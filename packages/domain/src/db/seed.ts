// The demo company that `pnpm start` creates on an empty database, so a new user can sign in at once.
import type { EntityManager } from '@mikro-orm/postgresql';
import { signUp } from '../auth/auth-service.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { Clock } from '../clock/clock.ts';
import { Agent } from '../entities/agent.ts';
import { Company } from '../entities/company.ts';

export const DEMO_LOGIN = { email: 'demo@switchboard.local', password: 'switchboard-demo' } as const;

/** Seeds the demo company when the database has no company yet; returns whether it did. */
export async function seedDemo(deps: { em: EntityManager; clock: Clock; throttle: LoginThrottle }): Promise<boolean> {
  const em = deps.em.fork();
  if ((await em.count(Company)) > 0) return false;
  const { user } = await signUp(deps, { companyName: 'Demo Realty', name: 'Demo Admin', ...DEMO_LOGIN });
  em.create(Agent, { company: user.companyId, name: 'Ava — appointment setter', industry: 'real_estate', channels: ['voice', 'whatsapp'] });
  em.create(Agent, { company: user.companyId, name: 'Sam — solar qualifier', industry: 'solar', channels: ['voice'] });
  await em.flush();
  return true;
}

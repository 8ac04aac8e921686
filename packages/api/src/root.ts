// The whole API: one router per domain area.
import { agentsRouter } from './router/agents.ts';
import { authRouter } from './router/auth.ts';
import { conversationsRouter } from './router/conversations.ts';
import { eventsRouter } from './router/events.ts';
import { leadsRouter } from './router/leads.ts';
import { providersRouter } from './router/providers.ts';
import { templatesRouter } from './router/templates.ts';
import { webhooksRouter } from './router/webhooks.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  agents: agentsRouter,
  events: eventsRouter,
  leads: leadsRouter,
  conversations: conversationsRouter,
  providers: providersRouter,
  templates: templatesRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;

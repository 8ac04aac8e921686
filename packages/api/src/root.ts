// The whole API: one router per domain area.
import { agentsRouter } from './router/agents.ts';
import { authRouter } from './router/auth.ts';
import { eventsRouter } from './router/events.ts';
import { providersRouter } from './router/providers.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  agents: agentsRouter,
  events: eventsRouter,
  providers: providersRouter,
});

export type AppRouter = typeof appRouter;

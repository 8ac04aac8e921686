// Sign-up, sign-in, sign-out and who-am-I.
import { login, logout, signUp } from '@switchboard/domain';
import { protectedProcedure, publicProcedure, router } from '../trpc.ts';
import { loginInput, signUpInput } from './auth.schema.ts';

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp({ em: ctx.deps.orm.em, ...ctx.deps }, input)),
  login: publicProcedure
    .input(loginInput)
    .mutation(({ ctx, input }) => login({ em: ctx.deps.orm.em, ...ctx.deps }, { ...input, clientIp: ctx.clientIp })),
  logout: protectedProcedure.mutation(async ({ ctx }) => {
    await logout({ em: ctx.deps.orm.em, clock: ctx.deps.clock }, ctx.token);
    return { ok: true as const };
  }),
  me: protectedProcedure.query(({ ctx }) => ctx.user),
});

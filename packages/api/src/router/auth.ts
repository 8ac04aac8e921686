// Sign-up, sign-in, sign-out, who-am-I, and the company's own settings.
import { login, logout, signUp, updateCompany } from '@switchboard/domain';
import { protectedProcedure, publicProcedure, roleProcedure, router } from '../trpc.ts';
import { loginInput, signUpInput, updateCompanyInput } from './auth.schema.ts';

export const authRouter = router({
  signUp: publicProcedure
    .input(signUpInput)
    .mutation(({ ctx, input }) => signUp({ em: ctx.deps.orm.em, ...ctx.deps }, { ...input, clientIp: ctx.clientIp })),
  login: publicProcedure
    .input(loginInput)
    .mutation(({ ctx, input }) => login({ em: ctx.deps.orm.em, ...ctx.deps }, { ...input, clientIp: ctx.clientIp })),
  logout: protectedProcedure.mutation(async ({ ctx }) => {
    await logout({ em: ctx.deps.orm.em, clock: ctx.deps.clock, revocations: ctx.deps.revocations }, ctx.token);
    return { ok: true as const };
  }),
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  /** Admins: the company's name and time zone. */
  updateCompany: roleProcedure('admin')
    .input(updateCompanyInput)
    .mutation(({ ctx, input }) => updateCompany({ em: ctx.deps.orm.em }, { userId: ctx.user.id, companyId: ctx.user.companyId }, input)),
});

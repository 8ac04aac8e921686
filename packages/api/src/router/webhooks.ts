// The webhook inbox as staff see it: events set aside after failing (dead letters), read-only, admins only.
import { listDeadLetters } from '@switchboard/domain';
import { roleProcedure, router } from '../trpc.ts';

const admin = roleProcedure('admin');

export const webhooksRouter = router({
  deadLetters: admin.query(({ ctx }) => listDeadLetters(ctx.scope)),
});

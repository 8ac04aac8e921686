// A live stream's hold on the session it was opened with. It ends at once when the session is signed out on any
// server (SessionRevocations), and otherwise at the first periodic check that finds the session revoked or expired.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import { AuthSession } from '../entities/auth-session.ts';
import type { SessionRevocations } from './session-revocations.ts';
import { hashSessionToken } from './session-tokens.ts';

/** How often an open stream re-checks its session at most: a revocation message lost in transit waits this long. */
export const SESSION_CHECK_MS = 30_000;

export interface SessionWatch {
  /** Aborts when the session has ended. */
  ended: AbortSignal;
  stop(): void;
}

export interface SessionWatchDeps {
  em: EntityManager;
  clock: Clock;
  revocations: SessionRevocations;
}

export async function isSessionLive(deps: { em: EntityManager; clock: Clock }, tokenHash: string): Promise<boolean> {
  const live = await deps.em.fork().count(AuthSession, { tokenHash, revokedAt: null, expiresAt: { $gt: deps.clock.now() } });
  return live > 0;
}

/** Resolves once the revocation channel is heard, so a sign-out from then on ends the watch within moments. */
export async function watchSession(deps: SessionWatchDeps, token: string, checkEveryMs = SESSION_CHECK_MS): Promise<SessionWatch> {
  const tokenHash = hashSessionToken(token);
  const controller = new AbortController();
  const end = () => controller.abort();
  const revocation = await deps.revocations.watch(tokenHash, end);
  let checking = false;
  const check = async () => {
    if (checking || controller.signal.aborted) return;
    checking = true;
    try {
      if (!(await isSessionLive(deps, tokenHash))) end();
    } catch {
      // PostgreSQL did not answer: that is no sign-out. Revocation messages still arrive; the next check tries again.
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(check, checkEveryMs);
  timer.unref();
  // A sign-out between the stream's authentication and the moment we listened would otherwise wait a full interval.
  await check();
  return {
    ended: controller.signal,
    stop() {
      clearInterval(timer);
      revocation.stop();
    },
  };
}

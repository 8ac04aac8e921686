// Sign-up, sign-in, sign-out and resolving a bearer token to its user and company.

import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import { AuthSession } from '../entities/auth-session.ts';
import { Company } from '../entities/company.ts';
import { User, type UserRole } from '../entities/user.ts';
import { conflict, DomainError, unauthorized } from '../errors/domain-errors.ts';
import { canonicalTimezoneSpelling, timezoneProblem } from '../scheduling/time-zone.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { argon2Passwords, DUMMY_HASH_PROMISE, type PasswordHasher } from './passwords.ts';
import type { SessionRevocations } from './session-revocations.ts';
import { hashSessionToken, newSessionToken } from './session-tokens.ts';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export interface PublicUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  companyId: string;
  companyName: string;
  /** The company's IANA zone: new agents' business hours start in it. */
  companyTimezone: string;
}

export interface SignedIn {
  token: string;
  user: PublicUser;
}

export interface AuthDeps {
  em: EntityManager;
  clock: Clock;
  throttle: LoginThrottle;
  /** argon2id unless a test counts the checks. */
  passwords?: PasswordHasher | undefined;
}

/**
 * The one answer to a sign-up refused for its email, whether the email already has an account or lost a race to
 * one: it must not tell a stranger which emails have accounts here.
 */
export const SIGN_UP_REFUSED = 'We could not create an account with these details. If you already have one, sign in.';

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function toPublicUser(user: User, company: Company): PublicUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    companyId: company.id,
    companyName: company.name,
    companyTimezone: company.timezone,
  };
}

async function openSession(em: EntityManager, clock: Clock, user: User, company: Company): Promise<SignedIn> {
  const token = newSessionToken();
  em.create(AuthSession, {
    company: company.id,
    user: user.id,
    tokenHash: hashSessionToken(token),
    expiresAt: new Date(clock.now().getTime() + SESSION_LIFETIME_MS),
  });
  await em.flush();
  return { token, user: toPublicUser(user, company) };
}

export async function signUp(
  deps: AuthDeps,
  input: {
    companyName: string;
    name: string;
    email: string;
    password: string;
    timezone?: string | undefined;
    clientIp?: string | undefined;
  },
): Promise<SignedIn> {
  const em = deps.em.fork();
  const timezone = input.timezone ? checkedTimezone(input.timezone) : 'UTC';
  const email = normaliseEmail(input.email);
  await deps.throttle.reserveSignUp(email, input.clientIp);
  // No look-up first: a taken email costs the same hash and the same attempted insert as a free one, and is refused
  // by the unique index, so neither the answer nor its timing says which emails have accounts.
  const passwordHash = await (deps.passwords ?? argon2Passwords).hash(input.password);
  try {
    return await em.transactional(async (tx) => {
      const company = tx.create(Company, { name: input.companyName.trim(), timezone });
      const user = tx.create(User, { company: company.id, name: input.name.trim(), email, passwordHash, role: 'admin' });
      await tx.flush();
      return openSession(tx, deps.clock, user, company);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(SIGN_UP_REFUSED);
    throw error;
  }
}

export async function login(deps: AuthDeps, input: { email: string; password: string; clientIp?: string | undefined }): Promise<SignedIn> {
  const em = deps.em.fork();
  const email = normaliseEmail(input.email);
  // Counted before the check, so parallel guesses cannot all pass on the same count.
  await deps.throttle.reserveSignIn(email, input.clientIp);
  const user = await em.findOne(User, { email }, { populate: ['company', 'passwordHash'] });
  const ok = await (deps.passwords ?? argon2Passwords).verify(user?.passwordHash ?? (await DUMMY_HASH_PROMISE), input.password);
  if (!user || !ok) throw unauthorized('Wrong email or password');
  // Giving the reservation back is a courtesy: if Redis fails here the attempt stays counted (the safe side), and
  // the user, whose password was right, is still signed in.
  await deps.throttle.signInSucceeded(email, input.clientIp).catch(() => undefined);
  return openSession(em, deps.clock, user, user.company.getEntity());
}

/** Resolves a bearer token to its user and company; expired, revoked and unknown tokens are all UNAUTHORIZED. */
export async function authenticate(deps: Pick<AuthDeps, 'em' | 'clock'>, token: string): Promise<PublicUser> {
  const em = deps.em.fork();
  const session = await em.findOne(
    AuthSession,
    { tokenHash: hashSessionToken(token), revokedAt: null, expiresAt: { $gt: deps.clock.now() } },
    { populate: ['user', 'company'] },
  );
  if (!session) throw unauthorized('Your session has expired. Sign in again.');
  return toPublicUser(session.user.getEntity(), session.company.getEntity());
}

/** Revokes the token; `revocations` then ends the live streams it opened, on every server, at once. */
export async function logout(
  deps: Pick<AuthDeps, 'em' | 'clock'> & { revocations?: SessionRevocations | undefined },
  token: string,
): Promise<void> {
  const tokenHash = hashSessionToken(token);
  await deps.em.fork().nativeUpdate(AuthSession, { tokenHash, revokedAt: null }, { revokedAt: deps.clock.now() });
  // After the revocation is stored: a lost announcement still ends the streams at their next periodic check.
  await deps.revocations?.announce(tokenHash);
}

function checkedTimezone(name: string): string {
  const problem = timezoneProblem(name);
  if (problem) throw new DomainError('invalid', problem);
  return canonicalTimezoneSpelling(name);
}

/** The company's name and time zone (admins); returns the caller as auth.me shows them. */
export async function updateCompany(
  deps: Pick<AuthDeps, 'em'>,
  who: { userId: string; companyId: string },
  input: { name?: string | undefined; timezone?: string | undefined },
): Promise<PublicUser> {
  const em = deps.em.fork();
  const company = await em.findOneOrFail(Company, { id: who.companyId });
  if (input.name !== undefined) company.name = input.name.trim();
  if (input.timezone !== undefined) company.timezone = checkedTimezone(input.timezone);
  await em.flush();
  return toPublicUser(await em.findOneOrFail(User, { id: who.userId, company: company.id }), company);
}

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  AuthSession,
  authenticate,
  DomainError,
  FixedClock,
  LoginThrottle,
  login,
  logout,
  SESSION_LIFETIME_MS,
  SIGN_UP_REFUSED,
  signUp,
  User,
} from '../src/index.ts';
import { openTestServices, type TestServices, uniqueEmail } from '../src/testing/index.ts';

const clock = new FixedClock('2026-03-01T09:00:00Z');
let s: TestServices;
beforeAll(async () => {
  s = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:auth`,
    clock,
  });
});
afterAll(() => s.close());

const deps = () => ({ em: s.orm.em, clock, throttle: s.throttle });
const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.kind : String(e)),
  );

describe('sign-up', () => {
  it('creates a company with its admin and signs in', async () => {
    const email = uniqueEmail('Founder');
    const { token, user } = await signUp(deps(), { companyName: ' Acme Solar ', name: 'Ada', email, password: 'correct horse battery' });
    expect(user).toMatchObject({ name: 'Ada', email: email.toLowerCase(), role: 'admin', companyName: 'Acme Solar' });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await s.orm.em.fork().findOneOrFail(User, { email: email.toLowerCase() }, { populate: ['passwordHash'] });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    // Only the token's hash is stored.
    expect(await s.orm.em.fork().count(AuthSession, { tokenHash: token })).toBe(0);
  });

  it('refuses a second account with the same email, whatever its case, with the generic refusal, and creates nothing', async () => {
    const email = uniqueEmail('dup');
    await signUp(deps(), { companyName: 'A', name: 'A', email, password: 'password-123' });
    const refused = await signUp(deps(), { companyName: 'B', name: 'B', email: email.toUpperCase(), password: 'password-123' }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ kind: 'conflict', message: SIGN_UP_REFUSED });
    expect(await s.orm.em.fork().count(User, { email: email.toLowerCase() })).toBe(1);
  });

  it('one email gets 5 sign-up attempts an hour, taken or not', async () => {
    const email = uniqueEmail('probe');
    const attempt = () => kindOf(signUp(deps(), { companyName: 'P', name: 'P', email, password: 'password-123' }));
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await attempt());
    expect(outcomes).toEqual(['ok', 'conflict', 'conflict', 'conflict', 'conflict', 'rate_limited']);
  });
});

describe('login and tokens', () => {
  it.each([
    { case: 'right password', password: 'right-password-1', outcome: 'ok' },
    { case: 'wrong password', password: 'wrong-password-1', outcome: 'unauthorized' },
    { case: 'empty password', password: '', outcome: 'unauthorized' },
  ])('$case → $outcome', async ({ password, outcome }) => {
    const email = uniqueEmail();
    await signUp(deps(), { companyName: 'C', name: 'C', email, password: 'right-password-1' });
    expect(await kindOf(login(deps(), { email, password }))).toBe(outcome);
  });

  it('an unknown email is refused like a wrong password', async () => {
    expect(await kindOf(login(deps(), { email: uniqueEmail('nobody'), password: 'whatever-123' }))).toBe('unauthorized');
  });

  it('a token works until it expires, then is UNAUTHORIZED', async () => {
    const { token, user } = await signUp(deps(), { companyName: 'D', name: 'D', email: uniqueEmail(), password: 'password-123' });
    expect((await authenticate(deps(), token)).id).toBe(user.id);
    clock.advance(SESSION_LIFETIME_MS - 1000);
    expect((await authenticate(deps(), token)).id).toBe(user.id);
    clock.advance(2000);
    expect(await kindOf(authenticate(deps(), token))).toBe('unauthorized');
  });

  it('logout revokes the token', async () => {
    const { token } = await signUp(deps(), { companyName: 'E', name: 'E', email: uniqueEmail(), password: 'password-123' });
    await logout(deps(), token);
    expect(await kindOf(authenticate(deps(), token))).toBe('unauthorized');
  });

  it('an unknown token is UNAUTHORIZED', async () => {
    expect(await kindOf(authenticate(deps(), 'not-a-token'))).toBe('unauthorized');
  });
});

describe('login throttling', () => {
  it('after 5 failures even the right password is refused, and other emails are unaffected', async () => {
    const email = uniqueEmail('target');
    const other = uniqueEmail('other');
    await signUp(deps(), { companyName: 'F', name: 'F', email, password: 'right-password-1' });
    await signUp(deps(), { companyName: 'G', name: 'G', email: other, password: 'right-password-1' });
    for (let i = 0; i < 5; i++) expect(await kindOf(login(deps(), { email, password: 'wrong' }))).toBe('unauthorized');
    expect(await kindOf(login(deps(), { email, password: 'right-password-1' }))).toBe('rate_limited');
    expect(await kindOf(login(deps(), { email: other, password: 'right-password-1' }))).toBe('ok');
  });

  it('a right password signs in even when Redis fails to give the reservation back (it stays counted)', async () => {
    const email = uniqueEmail('flaky');
    await signUp(deps(), { companyName: 'J', name: 'J', email, password: 'right-password-1' });
    class ReleaseFails extends LoginThrottle {
      override signInSucceeded(): Promise<void> {
        return Promise.reject(new Error('Redis connection lost'));
      }
    }
    const throttle = new ReleaseFails(s.redis, s.prefix);
    expect(await kindOf(login({ ...deps(), throttle }, { email, password: 'right-password-1', clientIp: '192.0.2.1' }))).toBe('ok');
  });

  it('a success resets the count', async () => {
    const email = uniqueEmail('reset');
    await signUp(deps(), { companyName: 'H', name: 'H', email, password: 'right-password-1' });
    for (let i = 0; i < 4; i++) await kindOf(login(deps(), { email, password: 'wrong' }));
    expect(await kindOf(login(deps(), { email, password: 'right-password-1' }))).toBe('ok');
    for (let i = 0; i < 4; i++) expect(await kindOf(login(deps(), { email, password: 'wrong' }))).toBe('unauthorized');
    expect(await kindOf(login(deps(), { email, password: 'right-password-1' }))).toBe('ok');
  });
});

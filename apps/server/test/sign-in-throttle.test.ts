// Guessing passwords over real HTTP: parallel requests, tRPC batches and forged X-Forwarded-For headers must not
// buy an attacker more password checks than the limits allow. Each test has its own server (its own Redis prefix),
// so the per-address counters of one test never reach another.
import { argon2Passwords, type PasswordHasher } from '@switchboard/domain';
import { uniqueEmail } from '@switchboard/domain/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

let prefixes = 0;
async function server(opts: Omit<Parameters<typeof startTestServer>[0], 'prefix'> = {}): Promise<TestServer> {
  const s = await startTestServer({ prefix: `throttle-${++prefixes}`, ...opts });
  servers.push(s);
  return s;
}

/** Counts the password checks and hashes the server really evaluates. */
function countingPasswords() {
  const counts = { verify: 0, hash: 0 };
  const passwords: PasswordHasher = {
    hash: (password) => {
      counts.hash++;
      return argon2Passwords.hash(password);
    },
    verify: (hash, password) => {
      counts.verify++;
      return argon2Passwords.verify(hash, password);
    },
  };
  return { counts, passwords };
}

/**
 * One HTTP request carrying `inputs.length` calls of `path`, as tRPC's batch link (or an attacker) sends them.
 * Returns each call's outcome: 'OK' or its tRPC error code.
 */
async function batch(url: string, path: string, inputs: unknown[], headers: Record<string, string> = {}): Promise<string[]> {
  const paths = inputs.map(() => path).join(',');
  const res = await fetch(`${url}/trpc/${paths}?batch=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, input]))),
  });
  const body = (await res.json()) as unknown;
  // A refused batch is one error for the whole request; an evaluated one is an answer per call.
  const items = (Array.isArray(body) ? body : inputs.map(() => body)) as { error?: { data: { code: string } } }[];
  return items.map((item) => item.error?.data.code ?? 'OK');
}

/** Queries batched in one GET, as the console's batch link sends them. */
async function queries(url: string, path: string, count: number, headers: Record<string, string>): Promise<string[]> {
  const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [i, null]))));
  const res = await fetch(`${url}/trpc/${Array(count).fill(path).join(',')}?batch=1&input=${input}`, { headers });
  const body = (await res.json()) as unknown;
  const items = (Array.isArray(body) ? body : Array(count).fill(body)) as { error?: { data: { code: string } } }[];
  return items.map((item) => item.error?.data.code ?? 'OK');
}

/** One call alone in its request. */
async function call(url: string, path: string, input: unknown, headers: Record<string, string> = {}): Promise<string> {
  const [code] = await batch(url, path, [input], headers);
  return code as string;
}

function tally(codes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

async function account(s: TestServer, password = 'right-password-1') {
  const email = uniqueEmail('target');
  await s.client().auth.signUp.mutate({ companyName: 'Target', name: 'T', email, password });
  return email;
}

describe('sign-in guesses are reserved before they are checked', () => {
  it('5 parallel requests, each a 9-call batch of auth.login, get at most 5 guesses evaluated', async () => {
    const { counts, passwords } = countingPasswords();
    const s = await server({ passwords });
    const email = await account(s);
    const guesses = Array.from({ length: 9 }, (_, i) => ({ email, password: `guess-${i}` }));
    const codes = (await Promise.all(Array.from({ length: 5 }, () => batch(s.url, 'auth.login', guesses)))).flat();
    const t = tally(codes);
    expect(t.UNAUTHORIZED ?? 0).toBeLessThanOrEqual(5);
    expect(counts.verify).toBeLessThanOrEqual(5);
    // Every other call was refused without a check: a batch with a sign-in call is BAD_REQUEST, an over-limit one TOO_MANY_REQUESTS.
    expect(codes.filter((c) => c !== 'UNAUTHORIZED').every((c) => c === 'BAD_REQUEST' || c === 'TOO_MANY_REQUESTS')).toBe(true);
    expect(t.OK).toBeUndefined();
  });

  it('45 parallel single sign-ins for one email: exactly 5 password checks, the rest TOO_MANY_REQUESTS, then even the right password waits', async () => {
    const { counts, passwords } = countingPasswords();
    const s = await server({ passwords });
    const email = await account(s);
    const codes = await Promise.all(Array.from({ length: 45 }, (_, i) => call(s.url, 'auth.login', { email, password: `guess-${i}` })));
    expect(tally(codes)).toEqual({ UNAUTHORIZED: 5, TOO_MANY_REQUESTS: 40 });
    expect(counts.verify).toBe(5);
    expect(await call(s.url, 'auth.login', { email, password: 'right-password-1' })).toBe('TOO_MANY_REQUESTS');
    expect(counts.verify).toBe(5);
  });

  it('a batch that mixes a sign-in call with any other call is refused whole (BAD_REQUEST); batches over 10 calls too', async () => {
    const { counts, passwords } = countingPasswords();
    const s = await server({ passwords });
    const email = await account(s);
    const res = await fetch(`${s.url}/trpc/auth.login,agents.list?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 0: { email, password: 'right-password-1' } }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { data: { code: string } } }).error.data.code).toBe('BAD_REQUEST');
    expect(counts.verify).toBe(0);
    // A sign-in alone works; a signed-in client may still batch other calls, up to 10.
    const { token } = await s.client().auth.login.mutate({ email, password: 'right-password-1' });
    const auth = { authorization: `Bearer ${token}` };
    expect(await queries(s.url, 'agents.list', 10, auth)).toEqual(Array(10).fill('OK'));
    expect(await queries(s.url, 'agents.list', 11, auth)).toEqual(Array(11).fill('BAD_REQUEST'));
    expect(await queries(s.url, 'auth.me', 2, auth)).toEqual(['BAD_REQUEST', 'BAD_REQUEST']);
    expect(await queries(s.url, 'auth.me', 1, auth)).toEqual(['OK']);
  });
});

describe('the per-address limit counts the address the server can trust', () => {
  it('without TRUST_PROXY, a rotating X-Forwarded-For does not reset the per-address limit', async () => {
    const s = await server();
    // 25 guesses at 25 different emails, each claiming another address: 20 are checked, then the address is stopped.
    const codes = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        call(s.url, 'auth.login', { email: uniqueEmail('spray'), password: 'guess' }, { 'x-forwarded-for': `198.51.100.${i + 1}` }),
      ),
    );
    expect(tally(codes)).toEqual({ UNAUTHORIZED: 20, TOO_MANY_REQUESTS: 5 });
  });

  it('with TRUST_PROXY naming our proxy, the address the proxy saw is counted, whatever the client prepended', async () => {
    // The test's requests come from 127.0.0.1: that is the trusted proxy here.
    const s = await server({ trustProxy: ['127.0.0.1'] });
    const via = (claimed: string, seen: string) => ({ 'x-forwarded-for': `${claimed}, ${seen}` });
    const codes = await Promise.all(
      Array.from({ length: 22 }, (_, i) =>
        call(s.url, 'auth.login', { email: uniqueEmail('spray'), password: 'guess' }, via(`198.51.100.${i + 1}`, '203.0.113.7')),
      ),
    );
    expect(tally(codes)).toEqual({ UNAUTHORIZED: 20, TOO_MANY_REQUESTS: 2 });
    // Another client behind the same proxy has its own count.
    expect(await call(s.url, 'auth.login', { email: uniqueEmail('other'), password: 'guess' }, via('203.0.113.7', '203.0.113.8'))).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe('sign-up', () => {
  const form = (email: string) => ({ companyName: 'Probe', name: 'P', email, password: 'password-1234' });

  it('an email that already has an account gets the generic refusal, after the same hashing work', async () => {
    const { counts, passwords } = countingPasswords();
    const s = await server({ passwords });
    const email = await account(s);
    expect(counts.hash).toBe(1);
    const res = await fetch(`${s.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(form(email.toUpperCase())),
    });
    const { error } = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(error.data.code).toBe('CONFLICT');
    expect(error.message).toBe('We could not create an account with these details. If you already have one, sign in.');
    expect(error.message).not.toMatch(/exist/i);
    expect(counts.hash).toBe(2);
  });

  it('is limited per address (10 an hour) and per email, TOO_MANY_REQUESTS past it', async () => {
    const s = await server({ signUpLimits: { perAddress: 10, perEmail: 5, windowSeconds: 3600 } });
    const codes = await Promise.all(Array.from({ length: 13 }, () => call(s.url, 'auth.signUp', form(uniqueEmail('many')))));
    expect(tally(codes)).toEqual({ OK: 10, TOO_MANY_REQUESTS: 3 });
  });
});

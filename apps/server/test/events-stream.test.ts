import { FixedClock, logout, SESSION_LIFETIME_MS, sessionRevocationChannel } from '@switchboard/domain';
import { uniqueEmail } from '@switchboard/domain/testing';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ prefix: 'sse' });
});
afterAll(() => server.close());

interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/** Subscribes and collects `count` change events; `started` resolves when the server reports the stream open. */
function collect(token: string, count: number, lastEventId?: string) {
  const received: Received[] = [];
  const started = Promise.withResolvers<string>();
  const done = Promise.withResolvers<Received[]>();
  const sub = server.client(token).events.stream.subscribe(lastEventId ? { lastEventId } : {}, {
    onData: (tracked) => {
      if (tracked.data.type === 'stream.opened') return started.resolve(tracked.id);
      received.push({ id: tracked.id, type: tracked.data.type, data: tracked.data.data });
      if (received.length === count) done.resolve(received);
    },
    onError: (e) => done.reject(e),
  });
  return { started: started.promise, done: done.promise, stop: () => sub.unsubscribe() };
}

it('a fresh subscription opens with its position, then events arrive with ids, only for the caller’s company', async () => {
  const a = await server.client().auth.signUp.mutate({ companyName: 'A', name: 'A', email: uniqueEmail(), password: 'password-1234' });
  const b = await server.client().auth.signUp.mutate({ companyName: 'B', name: 'B', email: uniqueEmail(), password: 'password-1234' });
  const subA = collect(a.token, 1);
  const subB = collect(b.token, 1);
  // Company A has had no event yet: its stream opens at the start.
  expect(await subA.started).toBe('0-0');
  await subB.started;
  const agent = await server.client(a.token).agents.create.mutate({ name: 'Live', channels: ['voice'] });
  const [event] = await subA.done;
  expect(event).toMatchObject({ id: expect.stringMatching(/^\d+-\d+$/), type: 'agent.created', data: { agent: { id: agent.id } } });
  // B's company made no change, so B received nothing; B's own event proves its stream works.
  await server.client(b.token).agents.create.mutate({ name: 'B agent', channels: ['whatsapp'] });
  const [eventB] = await subB.done;
  expect(eventB).toMatchObject({ type: 'agent.created', data: { agent: { name: 'B agent' } } });
  subA.stop();
  subB.stop();
});

it('a reconnect with lastEventId receives exactly the events it missed', async () => {
  const { token } = await server
    .client()
    .auth.signUp.mutate({ companyName: 'R', name: 'R', email: uniqueEmail(), password: 'password-1234' });
  const first = collect(token, 1);
  await first.started;
  await server.client(token).agents.create.mutate({ name: 'one', channels: ['voice'] });
  const [seen] = await first.done;
  first.stop();

  // While disconnected, two more changes happen.
  await server.client(token).agents.create.mutate({ name: 'two', channels: ['voice'] });
  await server.client(token).agents.create.mutate({ name: 'three', channels: ['whatsapp'] });

  const resumed = collect(token, 2, seen?.id);
  const missed = await resumed.done;
  expect(missed.map((e) => (e.data.agent as { name: string }).name)).toEqual(['two', 'three']);
  expect(missed.every((e) => e.id > (seen?.id ?? ''))).toBe(true);
  resumed.stop();
});

interface Watched {
  received: Received[];
  started: Promise<string>;
  /** How the stream ended: the tRPC code it ended with (or 'COMPLETE'), and when (performance.now()). */
  ended: Promise<{ code: string; at: number }>;
  stop(): void;
}

/** Subscribes and records everything the stream delivers until it ends. */
function watch(on: TestServer, token: string): Watched {
  const received: Received[] = [];
  const started = Promise.withResolvers<string>();
  const ended = Promise.withResolvers<{ code: string; at: number }>();
  const sub = on.client(token).events.stream.subscribe(
    {},
    {
      onData: (tracked) => {
        if (tracked.data.type === 'stream.opened') return started.resolve(tracked.id);
        received.push({ id: tracked.id, type: tracked.data.type, data: tracked.data.data });
      },
      onError: (e) => {
        const code = e instanceof TRPCClientError ? String((e.data as { code?: string } | undefined)?.code) : String(e);
        ended.resolve({ code, at: performance.now() });
        started.reject(new Error(`ended before it opened: ${code}`));
      },
      onComplete: () => ended.resolve({ code: 'COMPLETE', at: performance.now() }),
    },
  );
  started.promise.catch(() => undefined);
  return { received, started: started.promise, ended: ended.promise, stop: () => sub.unsubscribe() };
}

/** `promise`, or the string `limit` when it has not settled after `ms` (a generous bound, not a sleep). */
const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> =>
  Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms).unref())]);

async function company(on: TestServer, label: string) {
  const email = uniqueEmail(label);
  const signedIn = await on.client().auth.signUp.mutate({ companyName: label, name: label, email, password: 'password-1234' });
  return { ...signedIn, email };
}

describe('a stream lives only as long as its session', () => {
  it('logout from another client ends the stream within a second, and no later event reaches it', { timeout: 20_000 }, async () => {
    const { token, email } = await company(server, 'Logout');
    const stream = watch(server, token);
    await stream.started;
    const loggedOutAt = performance.now();
    await server.client(token).auth.logout.mutate();
    const ended = await within(stream.ended, 5_000);
    expect(ended).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((ended as { at: number }).at - loggedOutAt).toBeLessThan(1_000);

    // The company goes on changing (another session of the same user); a fresh stream sees it, the ended one does not.
    const again = await server.client().auth.login.mutate({ email, password: 'password-1234' });
    const witness = watch(server, again.token);
    await witness.started;
    await server.client(again.token).agents.create.mutate({ name: 'After logout', channels: ['voice'] });
    await expect.poll(() => witness.received.length, { timeout: 5_000 }).toBe(1);
    expect(stream.received).toEqual([]);
    witness.stop();
  });

  it('a sign-out through another server of the same deployment ends the stream too', { timeout: 20_000 }, async () => {
    const peer = await startTestServer({ prefix: 'sse' });
    try {
      const { token } = await company(server, 'Peer');
      const stream = watch(server, token);
      await stream.started;
      const loggedOutAt = performance.now();
      await peer.client(token).auth.logout.mutate();
      const ended = await within(stream.ended, 5_000);
      expect(ended).toMatchObject({ code: 'UNAUTHORIZED' });
      expect((ended as { at: number }).at - loggedOutAt).toBeLessThan(1_000);
    } finally {
      await peer.close();
    }
  });

  it('every stream of a server listens for revocations on one shared Redis connection', async () => {
    const { token } = await company(server, 'Shared');
    const streams = [watch(server, token), watch(server, token), watch(server, token)];
    await Promise.all(streams.map((s) => s.started));
    const [, subscribers] = (await server.services.redis.pubsub('NUMSUB', sessionRevocationChannel(server.services.prefix))) as [
      string,
      number,
    ];
    expect(subscribers).toBe(1);
    for (const s of streams) s.stop();
  });

  it('a 6th concurrent stream of one user is refused with TOO_MANY_REQUESTS; closing one frees its seat', { timeout: 20_000 }, async () => {
    const { token, email } = await company(server, 'Seats');
    const open = Array.from({ length: 5 }, () => watch(server, token));
    await Promise.all(open.map((s) => s.started));
    // Another session of the same user counts too: the cap is per user.
    const other = await server.client().auth.login.mutate({ email, password: 'password-1234' });
    const sixth = watch(server, other.token);
    expect(await within(sixth.ended, 5_000)).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    open[0]?.stop();
    // The server notices the closed connection by itself; a new stream then opens.
    await expect
      .poll(
        async () => {
          const attempt = watch(server, other.token);
          const outcome = await Promise.race([attempt.started.then(() => 'opened'), attempt.ended.then((e) => e.code)]);
          attempt.stop();
          return outcome;
        },
        { timeout: 5_000, interval: 100 },
      )
      .toBe('opened');
    for (const s of open) s.stop();
  });
});

describe('without a revocation message, the periodic session check', () => {
  const clock = new FixedClock('2026-06-01T08:00:00Z');
  let timed: TestServer;
  beforeAll(async () => {
    timed = await startTestServer({ prefix: 'sse-expiry', clock, sessionCheckMs: 100 });
  });
  afterAll(() => timed.close());

  it('ends an expired session’s stream within the check interval', { timeout: 20_000 }, async () => {
    const { token } = await company(timed, 'Expiry');
    const stream = watch(timed, token);
    await stream.started;
    clock.advance(SESSION_LIFETIME_MS + 1);
    expect(await within(stream.ended, 3_000)).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('ends the stream of a sign-out whose announcement never went out (the process died after the commit)', {
    timeout: 20_000,
  }, async () => {
    const { token } = await company(timed, 'Unannounced');
    const stream = watch(timed, token);
    await stream.started;
    // The revocation is stored, but no message is published: as if the server died between the two steps.
    await logout({ em: timed.services.orm.em, clock }, token);
    expect(await within(stream.ended, 3_000)).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

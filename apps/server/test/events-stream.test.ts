import { uniqueEmail } from '@switchboard/domain/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

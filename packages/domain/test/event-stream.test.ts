import { randomUUID } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { connectRedis, EventStream, type LiveEvent, type TrackedLiveEvent } from '../src/index.ts';
import { openTestServices, type TestServices } from '../src/testing/index.ts';

let s: TestServices;
beforeAll(async () => {
  s = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:events`,
  });
});
afterAll(() => s.close());

const event = (n: number): LiveEvent => ({ type: 'test.event', at: new Date(0).toISOString(), data: { n } });

async function take(iter: AsyncGenerator<TrackedLiveEvent>, count: number): Promise<TrackedLiveEvent[]> {
  const out: TrackedLiveEvent[] = [];
  for await (const e of iter) {
    out.push(e);
    if (out.length === count) break;
  }
  return out;
}

it('publishing gives increasing ids and readAfter returns what came after an id', async () => {
  const company = randomUUID();
  const ids = [];
  for (let n = 1; n <= 3; n++) ids.push(await s.events.publish(company, event(n)));
  expect([...ids].sort()).toEqual(ids);
  const after = await s.events.readAfter(company, ids[0] as string);
  expect(after.map((e) => [e.id, e.data.n])).toEqual([
    [ids[1], 2],
    [ids[2], 3],
  ]);
});

it('a subscriber from the latest id gets only new events; one from an older id resumes exactly after it', async () => {
  const company = randomUUID();
  const first = (await s.events.publish(company, event(1))) as string;
  await s.events.publish(company, event(2));

  const controller = new AbortController();
  // A subscriber "from now on" starts at the newest id, so only event 3 reaches it.
  const pending = take(s.events.subscribe(company, await s.events.latestId(company), controller.signal), 1);
  await s.events.publish(company, event(3));
  expect((await pending).map((e) => e.data.n)).toEqual([3]);

  const resumed = await take(s.events.subscribe(company, first, controller.signal), 2);
  expect(resumed.map((e) => e.data.n)).toEqual([2, 3]);
  controller.abort();
});

it('events of one company never reach another', async () => {
  const a = randomUUID();
  const b = randomUUID();
  await s.events.publish(a, event(1));
  expect(await s.events.readAfter(b, '0-0')).toEqual([]);
});

it('a publish that fails is reported and resolves null instead of throwing (the change it follows stands)', async () => {
  const broken = connectRedis({ url: inject('redisUrl'), prefix: 'unused' });
  broken.disconnect();
  const reported: string[][] = [];
  const stream = new EventStream(broken, `${inject('redisPrefix')}:broken`, {
    onPublishError: (_error, companyIds) => reported.push(companyIds),
  });
  const company = randomUUID();
  await expect(stream.publish(company, event(1))).resolves.toBeNull();
  await expect(stream.publishMany([{ companyId: company, event: event(2) }])).resolves.toBeUndefined();
  expect(reported).toEqual([[company], [company]]);
});

it('a publish stuck behind a Redis that does not answer gives up after its wait, and is reported', async () => {
  // A server that accepts connections and never answers: the command waits for a reply that never comes.
  const mute = createServer(() => {});
  await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
  const { port } = mute.address() as AddressInfo;
  const silent = connectRedis({ url: `redis://127.0.0.1:${port}`, prefix: 'unused' });
  const reported: unknown[] = [];
  const stream = new EventStream(silent, 'silent', { publishWaitMs: 50, onPublishError: (error) => reported.push(error) });
  await expect(stream.publish(randomUUID(), event(1))).resolves.toBeNull();
  expect(String(reported[0])).toMatch(/longer than 50 ms/);
  silent.disconnect();
  mute.close();
});

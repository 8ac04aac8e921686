import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectRedis, SendRateLimiter } from '../src/index.ts';

const redis = connectRedis({ url: inject('redisUrl'), prefix: inject('redisPrefix') });
let run = 0;
let limiter: SendRateLimiter;
beforeAll(() => {
  limiter = new SendRateLimiter(redis, `${inject('redisPrefix')}:rate`);
});
afterAll(() => redis.disconnect());

const T0 = Date.parse('2026-06-01T10:00:00Z');
const sender = () => `sender-${++run}`;

describe('a sender’s rate: a quarter second’s worth at once, then even slots, never more than 1.25× in a second', () => {
  it.each([
    // rate, wanted, the first slots
    { rate: 80, wanted: 25, expected: Array(21).fill(0).concat([13, 25, 38, 50]) },
    { rate: 4, wanted: 5, expected: [0, 0, 250, 500, 750] },
    { rate: 1, wanted: 3, expected: [0, 1000, 2000] },
    { rate: 1000, wanted: 3, expected: [0, 0, 0] },
  ])('$rate/s, $wanted at once: $expected', async ({ rate, wanted, expected }) => {
    const [waits] = await limiter.reserve([{ senderKey: sender(), perSecond: rate, count: wanted }], T0);
    expect(waits).toEqual(expected);
  });

  it('a backlog of 1,000 at 80/s is spread over 12.5 s, and no second window holds more than 100', async () => {
    const [waits = []] = await limiter.reserve([{ senderKey: sender(), perSecond: 80, count: 1000 }], T0);
    expect(Math.max(...waits)).toBe(12_238);
    for (let start = 0; start < 12_500; start += 50) {
      expect(waits.filter((w) => w >= start && w < start + 1000).length).toBeLessThanOrEqual(100);
    }
  });

  it('reservations made at once by several workers never share a slot', async () => {
    const key = sender();
    const answers = await Promise.all(Array.from({ length: 10 }, () => limiter.reserve([{ senderKey: key, perSecond: 10, count: 5 }], T0)));
    const all = answers.flatMap(([waits = []]) => waits).sort((a, b) => a - b);
    // Slot i of the sender at i × 100 ms, a quarter second early: 0, 0, 0, 50, 150, … 4650.
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => Math.max(0, i * 100 - 250)));
  });

  it('senders are independent, in one round trip', async () => {
    const [a, b, none] = await limiter.reserve(
      [
        { senderKey: sender(), perSecond: 1, count: 2 },
        { senderKey: sender(), perSecond: 1, count: 2 },
        { senderKey: sender(), perSecond: 1, count: 0 },
      ],
      T0,
    );
    expect([a, b, none]).toEqual([[0, 1000], [0, 1000], []]);
  });

  it('an idle sender gets its allowance back; a busy one keeps its queue', async () => {
    const key = sender();
    await limiter.reserve([{ senderKey: key, perSecond: 2, count: 4 }], T0); // slots at 0, 500, 1000, 1500
    expect(await limiter.reserve([{ senderKey: key, perSecond: 2, count: 1 }], T0 + 1000)).toEqual([[750]]);
    expect(await limiter.reserve([{ senderKey: key, perSecond: 2, count: 1 }], T0 + 60_000)).toEqual([[0]]);
  });
});

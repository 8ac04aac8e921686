// Per-sender throughput (WhatsApp: 80 messages/s per sender by default), shared by every worker through Redis.
// A generic cell rate algorithm with reservations: each send is given a slot, now or later, slots spaced evenly
// at the sender's rate. A send told to wait keeps its slot, so a backlog of thousands is delayed once to its own
// time instead of retrying every second all together. A quarter second's worth may go at once (so a batch does
// not trickle out one by one); no second ever carries more than 1.25 times the rate, and the long run exactly it.
import type { Redis } from 'ioredis';

// KEYS: one per sender. ARGV: now (ms), then per sender: messages per second, sends wanted.
// Stored per sender: the theoretical arrival time (tat) of its next slot, in ms.
// Returns the wait in ms of every send, senders in KEYS order.
const RESERVE_SCRIPT = `
local now = tonumber(ARGV[1])
local waits = {}
for k = 1, #KEYS do
  local perSecond = tonumber(ARGV[2 * k])
  local wanted = tonumber(ARGV[2 * k + 1])
  local interval = 1000 / perSecond
  local burst = math.min(1000 - interval, 250)
  local tat = math.max(tonumber(redis.call('get', KEYS[k]) or '0'), now)
  for i = 1, wanted do
    waits[#waits + 1] = math.max(0, math.ceil(tat - burst - now))
    tat = tat + interval
  end
  redis.call('set', KEYS[k], tostring(tat), 'PX', math.ceil(tat - now) + 1000)
end
return waits`;

export interface SlotRequest {
  senderKey: string;
  perSecond: number;
  /** How many sends of this sender want a slot. */
  count: number;
}

export class SendRateLimiter {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.redis = redis;
    this.prefix = prefix;
  }

  /**
   * Reserves a slot for every send, in one round trip for all senders. Per request, in order: the milliseconds
   * each send must wait for its slot (0: go now). A reserved slot is the caller's: it need not ask again.
   */
  async reserve(requests: SlotRequest[], nowMs: number): Promise<number[][]> {
    const wanted = requests.filter((r) => r.count > 0);
    if (wanted.length === 0) return requests.map(() => []);
    // One hash tag for every sender: a script may only touch keys of one Redis Cluster slot.
    const keys = wanted.map((r) => `{${this.prefix}}:send-rate:${r.senderKey}`);
    const args = wanted.flatMap((r) => [String(Math.max(1, r.perSecond)), String(r.count)]);
    const flat = (await this.redis.eval(RESERVE_SCRIPT, keys.length, ...keys, String(nowMs), ...args)) as number[];
    let at = 0;
    return requests.map((r) => {
      if (r.count <= 0) return [];
      const waits = flat.slice(at, at + r.count).map(Number);
      at += r.count;
      return waits;
    });
  }
}

// The heartbeat's upkeep of the webhook inbox: processed events past the dedupe window are deleted.
import {
  connectRedis,
  FixedClock,
  JobQueues,
  LoginThrottle,
  type Orm,
  openOrm,
  type Redis,
  recordWebhook,
  SecretBox,
  signUp,
  TenantScope,
  upsertWhatsappProvider,
  WebhookEvent,
} from '@switchboard/domain';
import { uniqueEmail } from '@switchboard/domain/testing';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { heartbeatProcessor } from '../src/processors/heartbeat.processor.ts';

const prefix = `${inject('redisPrefix')}:upkeep`;
// Far after anything else in this run's database: other tests' heartbeats (at their own, earlier clocks) can
// never delete these events while this test looks at them.
const clock = new FixedClock('2099-03-01T00:00:00Z');
let orm: Orm;
let redis: Redis;
let queues: JobQueues;
beforeAll(async () => {
  orm = await openOrm(inject('databaseUrl'));
  redis = connectRedis({ url: inject('redisUrl'), prefix });
  queues = new JobQueues(redis, prefix);
});
afterAll(async () => {
  await queues.close();
  redis.disconnect();
  await orm.close();
});

it('the heartbeat deletes processed webhook events older than 7 days and keeps newer ones', async () => {
  const { user } = await signUp(
    { em: orm.em, clock, throttle: new LoginThrottle(redis, prefix) },
    { companyName: 'Upkeep', name: 'U', email: uniqueEmail('upkeep'), password: 'password-1234' },
  );
  const scope = new TenantScope(orm.em.fork(), user.companyId, clock);
  const secrets = new SecretBox(Buffer.alloc(32, 7));
  const provider = await upsertWhatsappProvider(
    scope,
    { secrets, publicUrl: 'https://switchboard.test' },
    { kind: 'simulator', from: '+14155238886' },
  );
  const stored = async (daysAgo: number, sid: string) => {
    const at = new Date(clock.now().getTime() - daysAgo * 86_400_000);
    const id = await recordWebhook(orm.em, {
      companyId: user.companyId,
      providerId: provider.id,
      kind: 'twilio.status',
      params: { MessageSid: sid, MessageStatus: 'delivered' },
      query: {},
      receivedAt: at,
    });
    await orm.em.fork().nativeUpdate(WebhookEvent, { id: id as string }, { processedAt: at });
    return id as string;
  };
  const old = await stored(8, `SM${'8'.repeat(32)}`);
  const recent = await stored(6, `SM${'6'.repeat(32)}`);

  const run = heartbeatProcessor({ redis, prefix, clock, em: orm.em, queues });
  await run({ data: { enqueuedAt: clock.now().toISOString() } } as Job);
  const left = await orm.em.fork().find(WebhookEvent, { id: { $in: [old, recent] } });
  expect(left.map((e) => e.id)).toEqual([recent]);
});

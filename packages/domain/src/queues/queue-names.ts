// The queues between server and worker, and the zod schema of each job's payload (parsed on entry).
import { z } from 'zod';

export const QUEUE_NAMES = {
  heartbeat: 'heartbeat',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const heartbeatJobSchema = z.object({ enqueuedAt: z.iso.datetime() });
export type HeartbeatJob = z.infer<typeof heartbeatJobSchema>;

/** BullMQ key prefix under the run's Redis prefix; the braces keep a queue's keys in one Redis Cluster slot. */
export const bullPrefix = (redisPrefix: string) => `{${redisPrefix}}:bull`;

// The queues between server and worker, and the zod schema of each job's payload (parsed on entry).
import { z } from 'zod';

export const QUEUE_NAMES = {
  heartbeat: 'heartbeat',
  webhookEvents: 'webhook-events',
  send: 'send',
  templateApproval: 'template-approval',
  leadImport: 'lead-import',
  leadBulk: 'lead-bulk',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const heartbeatJobSchema = z.object({ enqueuedAt: z.iso.datetime() });
export type HeartbeatJob = z.infer<typeof heartbeatJobSchema>;

/** The events one inbox write stored together (or the sweeper found unapplied). */
export const webhookEventJobSchema = z.object({ eventIds: z.array(z.uuid()).min(1).max(1000) });
export type WebhookEventJob = z.infer<typeof webhookEventJobSchema>;

export const sendJobSchema = z.object({
  messageId: z.uuid(),
  /** Set when the job waited for a slot in its sender's rate: the attempt that holds it (a retry asks again). */
  slotForAttempt: z.number().int().min(0).optional(),
});
export type SendJob = z.infer<typeof sendJobSchema>;

/** BullMQ key prefix under the run's Redis prefix; the braces keep a queue's keys in one Redis Cluster slot. */
export const bullPrefix = (redisPrefix: string) => `{${redisPrefix}}:bull`;

/** Polls WhatsApp's review of a submitted template; `poll` counts the polls so far (the backoff's step). */
export const templateApprovalJobSchema = z.object({ templateId: z.uuid(), poll: z.number().int().min(0).default(0) });
export type TemplateApprovalJob = z.input<typeof templateApprovalJobSchema>;

export const leadImportJobSchema = z.object({ importId: z.uuid() });
export type LeadImportJob = z.infer<typeof leadImportJobSchema>;

export const leadBulkJobSchema = z.object({ operationId: z.uuid() });
export type LeadBulkJob = z.infer<typeof leadBulkJobSchema>;

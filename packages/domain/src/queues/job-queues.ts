// The producer side of the queues, shared by the server and the worker. Job ids come from the event or the
// message, so enqueueing the same work twice adds it once.
import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  bullPrefix,
  type LeadBulkJob,
  type LeadImportJob,
  QUEUE_NAMES,
  type SendJob,
  type TemplateApprovalJob,
  type WebhookEventJob,
} from './queue-names.ts';

const KEEP: JobsOptions = { removeOnComplete: { count: 1000 }, removeOnFail: { count: 5000 } };
const SEND: JobsOptions = { ...KEEP, attempts: 8, backoff: { type: 'exponential', delay: 2000 } };
/**
 * How long a request waits to enqueue a stored message's send. The Redis client waits out an outage (commands sit
 * in its offline queue), which would hold the request until Redis returns; the upkeep finds the stored message
 * anyway, and the command, if it goes out later, adds the same job id once.
 */
const ENQUEUE_WAIT_MS = 2_000;

export interface JobQueuesOptions {
  enqueueWaitMs?: number;
}

export class JobQueues {
  readonly webhookEvents: Queue<WebhookEventJob>;
  readonly send: Queue<SendJob>;
  readonly templateApproval: Queue<TemplateApprovalJob>;
  readonly leadImport: Queue<LeadImportJob>;
  readonly leadBulk: Queue<LeadBulkJob>;
  private readonly enqueueWaitMs: number;

  constructor(redis: Redis, redisPrefix: string, options: JobQueuesOptions = {}) {
    this.enqueueWaitMs = options.enqueueWaitMs ?? ENQUEUE_WAIT_MS;
    const prefix = bullPrefix(redisPrefix);
    this.webhookEvents = new Queue<WebhookEventJob>(QUEUE_NAMES.webhookEvents, { connection: redis, prefix });
    this.send = new Queue<SendJob>(QUEUE_NAMES.send, { connection: redis, prefix });
    this.templateApproval = new Queue<TemplateApprovalJob>(QUEUE_NAMES.templateApproval, { connection: redis, prefix });
    this.leadImport = new Queue<LeadImportJob>(QUEUE_NAMES.leadImport, { connection: redis, prefix });
    this.leadBulk = new Queue<LeadBulkJob>(QUEUE_NAMES.leadBulk, { connection: redis, prefix });
  }

  /**
   * One job for events stored together. Its id is `batch-<first event id>`, or the caller's: the sweeper gives
   * its own so that a batch it re-enqueues is added once however many heartbeats find it.
   */
  async enqueueWebhookEvents(eventIds: string[], opts: { jobId?: string } = {}): Promise<void> {
    if (!eventIds.length) return;
    await this.webhookEvents.add(
      'apply',
      { eventIds },
      { ...KEEP, jobId: opts.jobId ?? `batch-${eventIds[0]}`, attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
    );
  }

  /** Rejects when Redis fails, or has not answered within the enqueue wait (the add may still land later). */
  async enqueueSend(messageId: string, delayMs = 0): Promise<void> {
    // The delay is for rate-limited retries; dedupe by message id keeps one job per message.
    await withinMs(this.send.add('send', { messageId }, { ...SEND, jobId: messageId, delay: delayMs }), this.enqueueWaitMs, 'enqueueing');
  }

  /**
   * The upkeep drives a stored, unsent message again; resolves whether it did. The job id stays the message id, so
   * there is never a second job for one message: a live job (waiting, delayed, active) is left alone, since two
   * could reconcile and send the same message. A finished job BullMQ still keeps would make a plain add a no-op: it
   * is moved back to waiting with fresh attempts, atomically (only from the finished set), so two upkeeps at once
   * re-drive it once.
   */
  async redriveSend(messageId: string): Promise<boolean> {
    // One round trip in the common case: a campaign's backlog, delayed for its rate slots, is stale but live.
    const state = await this.send.getJobState(messageId);
    if (state === 'unknown') {
      await this.send.add('send', { messageId }, { ...SEND, jobId: messageId });
      return true;
    }
    if (state !== 'failed' && state !== 'completed') return false;
    const job = await this.send.getJob(messageId);
    if (!job) return false;
    // A fresh start: a rate slot it held is long past.
    await job.updateData({ messageId });
    try {
      await job.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    } catch {
      // Another upkeep moved it first, or it was just removed (the next upkeep adds it).
      return false;
    }
  }

  /**
   * One polling job per submitted template (job id `approval-<template id>`), which re-delays itself while the
   * review lasts; removed when done, so the heartbeat can start a new one for a template still pending.
   */
  async enqueueApprovalPoll(templateId: string, delayMs: number): Promise<void> {
    await this.templateApproval.add(
      'poll',
      { templateId, poll: 0 },
      {
        jobId: `approval-${templateId}`,
        delay: delayMs,
        attempts: 20,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  /** One job per import (job id `import-<id>`); a retry continues after the last batch written. */
  async enqueueLeadImport(importId: string): Promise<void> {
    await this.leadImport.add(
      'run',
      { importId },
      { ...KEEP, jobId: `import-${importId}`, attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
    );
  }

  /** One job per bulk operation (job id `bulk-<id>`); a retry continues after the last page done. */
  async enqueueLeadBulk(operationId: string): Promise<void> {
    await this.leadBulk.add(
      'run',
      { operationId },
      { ...KEEP, jobId: `bulk-${operationId}`, attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
    );
  }

  async close(): Promise<void> {
    await Promise.all([
      this.webhookEvents.close(),
      this.send.close(),
      this.templateApproval.close(),
      this.leadImport.close(),
      this.leadBulk.close(),
    ]);
  }
}

function withinMs<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

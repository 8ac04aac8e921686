// Posting Twilio-shaped, signed webhooks to a test server, and applying what they enqueued as the worker would.
import {
  applyWebhookEvents,
  type DeliverDeps,
  deliverOutboundMessage,
  messagingProviderFor,
  SendRateLimiter,
  twilioSignature,
} from '@switchboard/domain';
import { TEST_PUBLIC_URL, type TestServices } from '@switchboard/domain/testing';

export async function postWebhook(
  serverUrl: string,
  path: string,
  params: Record<string, string | string[]>,
  sign: { authToken: string } | { signature: string } | null,
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (sign)
    headers['x-twilio-signature'] =
      'signature' in sign ? sign.signature : twilioSignature(sign.authToken, `${TEST_PUBLIC_URL}${path}`, params);
  // A repeated field (an array) is sent as the same key once per value, as a form does.
  const body = new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])),
  );
  return fetch(`${serverUrl}${path}`, { method: 'POST', headers, body: body.toString() });
}

/** Runs every waiting webhook job through the same function the worker's processor calls; returns the events. */
export async function drainWebhookEvents(services: TestServices): Promise<number> {
  const jobs = await services.queues.webhookEvents.getJobs(['waiting', 'prioritized', 'delayed']);
  for (const job of jobs.sort((a, b) => a.timestamp - b.timestamp)) {
    await applyWebhookEvents({ em: services.orm.em, events: services.events, clock: services.clock }, job.data.eventIds);
    await job.remove();
  }
  return jobs.reduce((sum, job) => sum + job.data.eventIds.length, 0);
}

/** The send worker's dependencies, pointed at a fake Twilio; each call gets a fresh rate limiter unless given one. */
export function deliverDeps(services: TestServices, opts: { twilioApiUrl: string; perSecondLimiter?: SendRateLimiter }): DeliverDeps {
  return {
    em: services.orm.em,
    events: services.events,
    clock: services.clock,
    limiter: opts.perSecondLimiter ?? new SendRateLimiter(services.redis, `${services.prefix}:${Math.random()}`),
    publicUrl: services.publicUrl,
    providerFor: (row) => messagingProviderFor(row, { secrets: services.secrets, twilioApiUrl: opts.twilioApiUrl }),
  };
}

/** Runs every waiting send job through the worker's delivery function; returns each outcome kind. */
export async function drainSends(
  services: TestServices,
  opts: { twilioApiUrl: string; perSecondLimiter?: SendRateLimiter },
): Promise<string[]> {
  const jobs = await services.queues.send.getJobs(['waiting', 'prioritized', 'delayed']);
  const deps = deliverDeps(services, opts);
  const outcomes: string[] = [];
  for (const job of jobs.sort((a, b) => a.timestamp - b.timestamp)) {
    outcomes.push((await deliverOutboundMessage(deps, job.data.messageId)).kind);
    await job.remove();
  }
  return outcomes;
}

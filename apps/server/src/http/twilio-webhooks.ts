// Twilio's webhooks: verify the signature against PUBLIC_URL and the provider's token, check every field's bounds,
// record the event once, enqueue it, and answer at once. All the work happens in the worker.
import {
  type Clock,
  checkTwilioWebhook,
  InboxWriter,
  isValidTwilioSignature,
  type JobQueues,
  type Orm,
  type ProviderDirectory,
  WEBHOOK_BODY_LIMIT,
  type WebhookKind,
} from '@switchboard/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface WebhookDeps {
  orm: Orm;
  clock: Clock;
  queues: JobQueues;
  providers: ProviderDirectory;
  publicUrl: string;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export function registerTwilioWebhooks(app: FastifyInstance, deps: WebhookDeps): void {
  const publicBase = deps.publicUrl.replace(/\/+$/, '');
  const inbox = new InboxWriter({ em: deps.orm.em, queues: deps.queues });

  const handle = (kind: WebhookKind) => async (request: FastifyRequest<{ Params: { providerId: string } }>, reply: FastifyReply) => {
    const provider = await deps.providers.find(request.params.providerId);
    if (!provider) return reply.code(404).send({ error: 'Unknown provider' });
    const params = (request.body ?? {}) as Record<string, string | string[]>;
    // Twilio signs the URL it called: our public URL plus the path and query exactly as received.
    const valid = isValidTwilioSignature({
      authToken: provider.authToken,
      signature: request.headers['x-twilio-signature'] as string | undefined,
      url: `${publicBase}${request.url}`,
      params,
    });
    if (!valid) return reply.code(403).send({ error: 'Invalid signature' });
    // A deactivated sender takes no new conversation. 410 rather than 5xx: Twilio does not retry a 4xx, and its
    // debugger shows the account owner that the number still points here. Status callbacks are still taken, so
    // messages sent before the deactivation get their ticks.
    if (kind === 'twilio.inbound' && !provider.active) return reply.code(410).send({ error: 'This WhatsApp sender is deactivated' });
    const checked = checkTwilioWebhook(kind, params, request.query as Record<string, unknown>);
    if (!checked.ok) return reply.code(400).send({ error: 'Invalid webhook', issues: checked.issues });
    // Stored once under its dedupe key and enqueued (a repeat is acknowledged like the first, and not enqueued).
    await inbox.record({
      companyId: provider.companyId,
      providerId: provider.id,
      kind,
      params: checked.params,
      query: checked.query,
      receivedAt: deps.clock.now(),
    });
    if (kind === 'twilio.inbound') return reply.code(200).type('text/xml').send(EMPTY_TWIML);
    return reply.code(200).send();
  };

  // A body over the limit is refused (413) before it is read or signed.
  app.post('/webhooks/twilio/:providerId/inbound', { bodyLimit: WEBHOOK_BODY_LIMIT }, handle('twilio.inbound'));
  app.post('/webhooks/twilio/:providerId/status', { bodyLimit: WEBHOOK_BODY_LIMIT }, handle('twilio.status'));
}

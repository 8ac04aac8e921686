// Twilio's webhooks: verify the signature against PUBLIC_URL and the provider's token, record the event once,
// enqueue it, and answer at once. All the work happens in the worker.
import {
  type Clock,
  InboxWriter,
  isValidTwilioSignature,
  type JobQueues,
  type Orm,
  type ProviderDirectory,
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
    // Stored once under its dedupe key and enqueued (a repeat is acknowledged like the first, and not enqueued).
    await inbox.record({
      companyId: provider.companyId,
      providerId: provider.id,
      kind,
      params,
      query: request.query as Record<string, string>,
      receivedAt: deps.clock.now(),
    });
    if (kind === 'twilio.inbound') return reply.code(200).type('text/xml').send(EMPTY_TWIML);
    return reply.code(200).send();
  };

  app.post('/webhooks/twilio/:providerId/inbound', handle('twilio.inbound'));
  app.post('/webhooks/twilio/:providerId/status', handle('twilio.status'));
}

// WhatsApp through Twilio's official SDK. Sends map our content kinds onto Messages.create parameters
// (TWILIO.md §2); SDK errors become ProviderErrors with Twilio's code.
import twilio from 'twilio';
import { twilioErrorMeaning } from '../../messaging/twilio-errors.ts';
import {
  type ApprovalStatus,
  parseApprovalStatus,
  type WireApprovalRequest,
  type WireContentCreateRequest,
} from '../../templates/twilio-content.ts';
import { type MessagingProvider, type OutboundMessage, ProviderError, type SendResult } from '../messaging-provider.ts';
import { TwilioTransport } from './twilio-transport.ts';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  /** `whatsapp:+E164` sender, or a Messaging Service SID (MG…). */
  sender: string;
}

type TwilioClient = ReturnType<typeof twilio>;
type CreateParams = Parameters<TwilioClient['messages']['create']>[0];
type ContentCreateParams = Parameters<TwilioClient['content']['v1']['contents']['create']>[0];
type ApprovalCreateParams = Parameters<ReturnType<TwilioClient['content']['v1']['contents']>['approvalCreate']['create']>[0];

const whatsapp = (address: string) => (address.startsWith('whatsapp:') ? address : `whatsapp:${address}`);
/** At most this many of a lead's recent messages are searched for one whose send we lost track of. */
const MAX_RECONCILED = 10_000;

export function twilioCreateParams(credentials: TwilioCredentials, message: OutboundMessage): CreateParams {
  const route = credentials.sender.startsWith('MG') ? { messagingServiceSid: credentials.sender } : { from: whatsapp(credentials.sender) };
  const base = { ...route, to: whatsapp(message.to), statusCallback: message.statusCallbackUrl };
  const c = message.content;
  switch (c.kind) {
    case 'text':
      return { ...base, body: c.body };
    case 'media':
      return { ...base, mediaUrl: [c.mediaUrl], ...(c.caption ? { body: c.caption } : {}) };
    case 'location':
      // WhatsApp location pins travel as a persistent action; Body names the place.
      return {
        ...base,
        body: c.label ?? 'Location',
        persistentAction: [`geo:${c.latitude},${c.longitude}${c.label ? `|${c.label}` : ''}`],
      };
    case 'template':
      // ContentVariables must be a JSON string of string values (TWILIO.md §2.1).
      return { ...base, contentSid: c.contentSid, contentVariables: JSON.stringify(c.variables) };
  }
}

/** Twilio prices are negative decimal strings in the price unit ("-0.0050"); we keep positive micro-units. */
export function priceToMicros(price: string | null | undefined): number | null {
  if (price == null || price === '') return null;
  const value = Math.abs(Number(price));
  return Number.isFinite(value) ? Math.round(value * 1_000_000) : null;
}

export class TwilioProvider implements MessagingProvider {
  private readonly client: ReturnType<typeof twilio>;
  private readonly credentials: TwilioCredentials;

  constructor(credentials: TwilioCredentials, opts: { apiUrl?: string | undefined } = {}) {
    this.credentials = credentials;
    this.client = twilio(credentials.accountSid, credentials.authToken, {
      // Retries of 429 only (in the transport); anything else is the worker's decision (a blind resend could duplicate).
      httpClient: new TwilioTransport({ origin: opts.apiUrl, timeoutMs: 15_000, maxRetries: 2 }),
    });
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    try {
      const created = await this.client.messages.create(twilioCreateParams(this.credentials, message));
      return {
        providerMessageId: created.sid,
        status: created.status,
        priceMicros: priceToMicros(created.price),
        priceCurrency: created.priceUnit ?? null,
      };
    } catch (error) {
      throw toProviderError(error);
    }
  }

  async findSent(message: OutboundMessage, since: Date): Promise<SendResult | null> {
    try {
      // A minute of slack for clock differences between us and Twilio. Every page of the window is read: a lead
      // sent a burst (a campaign, a retried batch) can have hundreds of messages in it, and a message missed here
      // would be sent again.
      const recent = await this.client.messages.list({
        to: whatsapp(message.to),
        dateSentAfter: new Date(since.getTime() - 60_000),
        pageSize: 1000,
        limit: MAX_RECONCILED,
      });
      const match = recent.find((m) => (m.body ?? null) === message.displayedBody);
      return match
        ? {
            providerMessageId: match.sid,
            status: match.status,
            priceMicros: priceToMicros(match.price),
            priceCurrency: match.priceUnit ?? null,
          }
        : null;
    } catch (error) {
      throw toProviderError(error);
    }
  }

  async createTemplateContent(request: WireContentCreateRequest): Promise<{ contentSid: string }> {
    try {
      // The SDK posts the body unchanged, so it must be the API's own snake_case JSON (TWILIO.md §3.3).
      const created = await this.client.content.v1.contents.create(request as unknown as ContentCreateParams);
      return { contentSid: created.sid };
    } catch (error) {
      throw toProviderError(error);
    }
  }

  async requestTemplateApproval(contentSid: string, request: WireApprovalRequest): Promise<ApprovalStatus> {
    try {
      const answer = await this.client.content.v1.contents(contentSid).approvalCreate.create(request as unknown as ApprovalCreateParams);
      return parseApprovalStatus({ status: answer.status, rejection_reason: answer.rejectionReason });
    } catch (error) {
      throw toProviderError(error);
    }
  }

  async templateApprovalStatus(contentSid: string): Promise<ApprovalStatus> {
    try {
      const fetched = await this.client.content.v1.contents(contentSid).approvalFetch().fetch();
      // `whatsapp` comes back as Twilio's raw JSON object (snake_case).
      return parseApprovalStatus({ whatsapp: fetched.whatsapp });
    } catch (error) {
      throw toProviderError(error);
    }
  }

  async testConnection(): Promise<{ ok: true; accountName: string }> {
    try {
      const account = await this.client.api.v2010.accounts(this.credentials.accountSid).fetch();
      return { ok: true, accountName: account.friendlyName };
    } catch (error) {
      throw toProviderError(error);
    }
  }
}

function toProviderError(error: unknown): ProviderError {
  const e = error as { status?: number; code?: number; message?: string };
  if (typeof e.status === 'number') {
    const code = typeof e.code === 'number' ? e.code : null;
    const retryable = e.status === 429 || e.status >= 500 || twilioErrorMeaning(code).handling === 'retry_later';
    return new ProviderError(twilioErrorMeaning(code, e.message).reason, code, retryable);
  }
  // No HTTP status (the connection dropped, the answer timed out): the request may or may not have reached Twilio.
  return new ProviderError(`Could not reach Twilio: ${e.message ?? String(error)}`, null, true, true);
}

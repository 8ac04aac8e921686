// The port every WhatsApp provider implements (Twilio, the simulator). Domain services only know this shape.
import type { ApprovalStatus, WireApprovalRequest, WireContentCreateRequest } from '../templates/twilio-content.ts';
export type OutboundContent =
  | { kind: 'text'; body: string }
  | { kind: 'media'; mediaUrl: string; caption?: string | undefined }
  | { kind: 'location'; latitude: number; longitude: number; label?: string | undefined }
  | { kind: 'template'; contentSid: string; variables: Record<string, string> };

export interface OutboundMessage {
  /** Our message id: correlates callbacks and makes resends detectable. */
  messageId: string;
  to: string;
  content: OutboundContent;
  statusCallbackUrl: string;
  /** The text the lead sees (rendered template, caption), to recognise the message in the provider's log. */
  displayedBody: string | null;
}

export interface SendResult {
  providerMessageId: string;
  status: string;
  priceMicros: number | null;
  priceCurrency: string | null;
}

/**
 * A provider refusal with Twilio's error code when there is one. `retryable` when sending again may work.
 * `outcomeUnknown` when the request may have been carried out all the same (no answer came back: the connection
 * dropped, the answer timed out): a send must then be looked up before it is sent again.
 */
export class ProviderError extends Error {
  readonly code: number | null;
  readonly retryable: boolean;
  readonly outcomeUnknown: boolean;
  constructor(message: string, code: number | null, retryable: boolean, outcomeUnknown = false) {
    super(message);
    this.name = 'ProviderError';
    this.code = code;
    this.retryable = retryable;
    this.outcomeUnknown = outcomeUnknown;
  }
}

export interface MessagingProvider {
  send(message: OutboundMessage): Promise<SendResult>;
  /**
   * After a crash mid-send: the message if the provider did receive it since `since`, else null.
   * Twilio has no idempotency key, so this is how a retry avoids sending twice.
   */
  findSent?(message: OutboundMessage, since: Date): Promise<SendResult | null>;
  /** Checks that the credentials work; resolves with the account's friendly name. */
  testConnection(): Promise<{ ok: true; accountName: string }>;
  /** Creates a template's content (Twilio's Content API); its SID is what sends and approvals name. */
  createTemplateContent(request: WireContentCreateRequest): Promise<{ contentSid: string }>;
  /** Files the WhatsApp approval request for created content. */
  requestTemplateApproval(contentSid: string, request: WireApprovalRequest): Promise<ApprovalStatus>;
  /** Where WhatsApp's review of the content stands. */
  templateApprovalStatus(contentSid: string): Promise<ApprovalStatus>;
}

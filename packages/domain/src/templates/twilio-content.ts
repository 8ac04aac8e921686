// Twilio's Content API in its own wire JSON: the content to create, the WhatsApp approval request, and the
// approval status read back. The SDK posts these bodies unchanged (TWILIO.md §3.3, TOOLCHAIN trap 12), hence snake_case.
import { z } from 'zod';
import { quickReplyPayload, type TemplateButton, type TemplateDefinition } from './template-definition.ts';
import { sendableValue } from './template-rendering.ts';
import { numberedParts } from './template-variables.ts';

export type WireQuickReplyAction = { title: string; id: string };
export type WireUrlAction = { type: 'URL'; title: string; url: string };
export type WirePhoneAction = { type: 'PHONE_NUMBER'; title: string; phone: string };
export type WireCardAction = { type: 'QUICK_REPLY'; title: string; id: string } | WireUrlAction | WirePhoneAction;

export interface WireContentTypes {
  'twilio/text'?: { body: string };
  'twilio/media'?: { body: string; media: string[] };
  'twilio/quick-reply'?: { body: string; actions: WireQuickReplyAction[] };
  'twilio/call-to-action'?: { body: string; actions: (WireUrlAction | WirePhoneAction)[] };
  'whatsapp/card'?: { body: string; header_text?: string; footer?: string; media?: string[]; actions?: WireCardAction[] };
  'whatsapp/authentication'?: {
    add_security_recommendation: boolean;
    code_expiration_minutes?: number;
    actions: { type: 'COPY_CODE'; copy_code_text: string }[];
  };
}
export type ContentTypeKey = keyof WireContentTypes;

/** `POST https://content.twilio.com/v1/Content` (TWILIO.md §3.2). */
export interface WireContentCreateRequest {
  friendly_name: string;
  language: string;
  /** Numbered keys → the example values, which WhatsApp's reviewers see as samples. */
  variables?: Record<string, string>;
  types: WireContentTypes;
}

/** `POST /v1/Content/{HX…}/ApprovalRequests/whatsapp` (TWILIO.md §3.6). */
export interface WireApprovalRequest {
  name: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  send_ttl_seconds?: number;
}

/**
 * The one content type that carries everything the template has. The plain types cannot hold a header text or a
 * footer, nor media together with buttons, so those go in `whatsapp/card`; one-time codes have their own type.
 */
export function contentTypeFor(def: TemplateDefinition): ContentTypeKey {
  if (def.category === 'authentication') return 'whatsapp/authentication';
  const media = def.header !== null && def.header.type !== 'text';
  if (def.header?.type === 'text' || def.footer !== null || (media && def.buttons.length > 0)) return 'whatsapp/card';
  if (media) return 'twilio/media';
  if (def.buttons.some((b) => b.type === 'quick_reply')) return 'twilio/quick-reply';
  if (def.buttons.length > 0) return 'twilio/call-to-action';
  return 'twilio/text';
}

export interface ContentCreateOptions {
  /** Defaults to the template's name; pass a versioned name (see whatsappTemplateName) for a new version. */
  friendlyName?: string;
  /** Authentication templates only: the expiry WhatsApp shows under the code. */
  codeExpirationMinutes?: number;
}

/** The create-content body for a definition that validateTemplate accepted. */
export function contentCreateRequest(def: TemplateDefinition, options: ContentCreateOptions = {}): WireContentCreateRequest {
  const parts = numberedParts(def);
  const examples = new Map(def.variables.map((v) => [v.name, v.example]));
  const variables = Object.fromEntries(
    Object.entries(parts.numbering.byNumber).map(([n, name]) => [n, sendableValue(examples.get(name) ?? '')]),
  );
  const request: WireContentCreateRequest = {
    friendly_name: options.friendlyName ?? def.name,
    language: def.language,
    types: contentTypes(def, parts.body, parts.header, parts.buttons, options),
  };
  if (Object.keys(variables).length > 0) request.variables = variables;
  return request;
}

function contentTypes(
  def: TemplateDefinition,
  body: string,
  header: TemplateDefinition['header'],
  buttons: TemplateButton[],
  options: ContentCreateOptions,
): WireContentTypes {
  const media = header && header.type !== 'text' ? [header.url] : [];
  switch (contentTypeFor(def)) {
    case 'whatsapp/authentication': {
      const type: NonNullable<WireContentTypes['whatsapp/authentication']> = {
        add_security_recommendation: true,
        actions: [{ type: 'COPY_CODE', copy_code_text: 'Copy code' }],
      };
      if (options.codeExpirationMinutes !== undefined) type.code_expiration_minutes = options.codeExpirationMinutes;
      return { 'whatsapp/authentication': type };
    }
    case 'whatsapp/card': {
      const card: NonNullable<WireContentTypes['whatsapp/card']> = { body };
      if (header?.type === 'text') card.header_text = header.text;
      if (def.footer !== null) card.footer = def.footer;
      if (media.length > 0) card.media = media;
      if (buttons.length > 0) card.actions = buttons.map(cardAction);
      return { 'whatsapp/card': card };
    }
    case 'twilio/media':
      return { 'twilio/media': { body, media } };
    case 'twilio/quick-reply':
      return {
        'twilio/quick-reply': {
          body,
          actions: buttons.flatMap((b, i) => (b.type === 'quick_reply' ? [{ title: b.text, id: quickReplyPayload(b, i) }] : [])),
        },
      };
    case 'twilio/call-to-action':
      return {
        'twilio/call-to-action': {
          body,
          actions: buttons.flatMap((b, i) => {
            const action = cardAction(b, i);
            return action.type === 'QUICK_REPLY' ? [] : [action];
          }),
        },
      };
    case 'twilio/text':
      return { 'twilio/text': { body } };
  }
}

function cardAction(button: TemplateButton, index: number): WireCardAction {
  if (button.type === 'quick_reply') return { type: 'QUICK_REPLY', title: button.text, id: quickReplyPayload(button, index) };
  if (button.type === 'url') return { type: 'URL', title: button.text, url: button.url };
  return { type: 'PHONE_NUMBER', title: button.text, phone: button.phone };
}

/**
 * WhatsApp keeps a name once used (and blocks a rejected one for 30 days, TWILIO.md §3.6), and an approved
 * content cannot be edited: each new version is submitted under its own name.
 */
export function whatsappTemplateName(name: string, version = 1): string {
  return version <= 1 ? name : `${name}_v${version}`;
}

export interface ApprovalRequestOptions {
  version?: number;
  /** Twilio 6.2's `sendTtlSeconds`, which must go on the wire as `send_ttl_seconds` (TWILIO.md §3.3). */
  sendTtlSeconds?: number;
}

export function approvalRequestBody(def: TemplateDefinition, options: ApprovalRequestOptions = {}): WireApprovalRequest {
  const body: WireApprovalRequest = {
    name: whatsappTemplateName(def.name, options.version),
    category: def.category.toUpperCase() as WireApprovalRequest['category'],
  };
  if (options.sendTtlSeconds !== undefined) body.send_ttl_seconds = options.sendTtlSeconds;
  return body;
}

export interface ApprovalStatus {
  status: 'pending' | 'approved' | 'rejected';
  /** Twilio's free-text reason, only for a rejection, null when it gave none. */
  rejectionReason: string | null;
  /** WhatsApp's status as Twilio wrote it (lowercased), for logs: `paused`, `received`, an unknown value, or null. */
  whatsappStatus: string | null;
}

// Every field is optional and a wrong type is dropped rather than thrown: a changed or partial response must
// leave the template pending (and logged by the caller), never crash the poller.
const text = z.string().nullish().catch(null);
const approvalFields = z.object({ status: text, rejection_reason: text, rejectionReason: text });
const approvalResponse = z.object({
  whatsapp: approvalFields.nullish().catch(null),
  approval_requests: approvalFields.nullish().catch(null),
  approvalRequests: approvalFields.nullish().catch(null),
  status: text,
  rejection_reason: text,
  rejectionReason: text,
});

/**
 * Reads an approval status from any of Twilio's shapes: the ApprovalRequests fetch (`{ whatsapp: {...} }`),
 * a ContentAndApprovals item (`approval_requests`), or the approval-create response (fields at the top).
 * Statuses (TWILIO.md §3.7): approved; rejected, and disabled (WhatsApp withdrew it for good) count as rejected;
 * everything else, including paused, received, unsubmitted and unknown values, stays pending.
 */
export function parseApprovalStatus(response: unknown): ApprovalStatus {
  const parsed = approvalResponse.safeParse(response);
  if (!parsed.success) return { status: 'pending', rejectionReason: null, whatsappStatus: null };
  const top = parsed.data;
  const fields = top.whatsapp ?? top.approval_requests ?? top.approvalRequests ?? top;
  const whatsappStatus = fields.status?.trim().toLowerCase() || null;
  // Meta's reason enum has NONE for "no reason" (TWILIO.md §3.7); it is no reason to show a user.
  const given = (fields.rejection_reason ?? fields.rejectionReason)?.trim() || null;
  const reason = given?.toUpperCase() === 'NONE' ? null : given;
  if (whatsappStatus === 'approved') return { status: 'approved', rejectionReason: null, whatsappStatus };
  if (whatsappStatus === 'rejected') return { status: 'rejected', rejectionReason: reason, whatsappStatus };
  if (whatsappStatus === 'disabled') {
    return { status: 'rejected', rejectionReason: reason ?? 'WhatsApp disabled this template after negative feedback', whatsappStatus };
  }
  return { status: 'pending', rejectionReason: null, whatsappStatus };
}

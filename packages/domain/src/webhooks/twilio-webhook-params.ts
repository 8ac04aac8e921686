// The bounds of a Twilio webhook, checked by the route after the signature and before anything is stored: what
// Twilio really sends (TWILIO.md §5.1, §4) and what fits the columns it lands in. A field that cannot be right is
// refused (400: nothing stored, and Twilio's debugger shows the error); a WhatsApp profile name longer than a lead's
// name holds is cut instead, so that a real message is never lost for it. Fields we do not read are kept, each bounded.
import { z } from 'zod';
import { LEAD_NAME_LENGTH, MAX_INBOUND_MEDIA, TWILIO_MESSAGE_SID, truncateChars, WHATSAPP_ADDRESS } from '../messaging/twilio-inbound.ts';
import type { WebhookKind } from './webhook-inbox.ts';

/** The whole request body, enforced by the route: Twilio's largest payloads (flows, referrals) are a few KiB. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024;
/** Twilio's Body holds at most 1,600 characters; this leaves room for UTF-16 counting (emoji count twice here). */
const BODY_LENGTH = 4096;
/** Any other field, including ones we do not read (JSON in ChannelMetadata, InteractiveData, FlowData). */
const FIELD_LENGTH = 16 * 1024;
const FIELD_COUNT = 100;

const sid = z.string().regex(TWILIO_MESSAGE_SID, 'must be a Twilio message SID (SM or MM and 32 hex digits)');
const short = z.string().max(64);
const text = (max: number) => z.string().max(max);
const coordinate = z.string().regex(/^-?\d{1,3}(\.\d{1,15})?$/, 'must be a decimal coordinate');
const mediaFields = Object.fromEntries(
  Array.from({ length: MAX_INBOUND_MEDIA }, (_, i) => [
    [
      `MediaUrl${i}`,
      z
        .url({ protocol: /^https?$/ })
        .max(2048)
        .optional(),
    ],
    [`MediaContentType${i}`, text(255).optional()],
  ]).flat(),
) as Record<string, z.ZodOptional<z.ZodString>>;

/** Fields both kinds share; unknown fields are kept, bounded (a repeated key arrives as an array). */
const common = {
  MessageSid: sid.optional(),
  SmsSid: sid.optional(),
  SmsMessageSid: sid.optional(),
  AccountSid: short.optional(),
  MessagingServiceSid: short.optional(),
  From: short.optional(),
  To: short.optional(),
  ApiVersion: short.optional(),
};
const unknownField = z.union([text(FIELD_LENGTH), z.array(text(FIELD_LENGTH)).max(10)]);
const hasSid = (p: { MessageSid?: string | undefined; SmsSid?: string | undefined; SmsMessageSid?: string | undefined }) =>
  Boolean(p.MessageSid || p.SmsSid || p.SmsMessageSid);

const inbound = z
  .object({
    ...common,
    From: z.string().regex(WHATSAPP_ADDRESS, 'must be whatsapp: and an E.164 number'),
    Body: text(BODY_LENGTH).optional(),
    ProfileName: text(FIELD_LENGTH)
      .transform((name) => truncateChars(name, LEAD_NAME_LENGTH))
      .optional(),
    NumMedia: z
      .string()
      .regex(/^(10|[0-9])$/, `must be 0 to ${MAX_INBOUND_MEDIA}`)
      .optional(),
    ...mediaFields,
    ButtonText: text(BODY_LENGTH).optional(),
    ButtonPayload: text(BODY_LENGTH).optional(),
    Latitude: coordinate.optional(),
    Longitude: coordinate.optional(),
    Address: text(1024).optional(),
    Label: text(1024).optional(),
    SmsStatus: short.optional(),
  })
  .catchall(unknownField)
  .refine(hasSid, { message: 'MessageSid is required', path: ['MessageSid'] });

const statusWord = z.string().regex(/^[a-z_]{1,32}$/, 'must be a Twilio message status');
const status = z
  .object({
    ...common,
    MessageStatus: statusWord.optional(),
    SmsStatus: statusWord.optional(),
    ErrorCode: z
      .string()
      .regex(/^\d{0,10}$/, 'must be a Twilio error code')
      .optional(),
  })
  .catchall(unknownField)
  .refine(hasSid, { message: 'MessageSid is required', path: ['MessageSid'] })
  .refine((p) => Boolean(p.MessageStatus || p.SmsStatus), { message: 'MessageStatus is required', path: ['MessageStatus'] });

/** The callback URL's query: our message id (`mid`) on status callbacks of messages we sent. */
const query = z.object({ mid: z.uuid().optional() }).catchall(text(1024));

export type CheckedWebhook =
  | { ok: true; params: Record<string, string | string[]>; query: Record<string, string> }
  | { ok: false; issues: string[] };

export function checkTwilioWebhook(kind: WebhookKind, params: Record<string, unknown>, rawQuery: Record<string, unknown>): CheckedWebhook {
  if (Object.keys(params).length > FIELD_COUNT) return { ok: false, issues: [`more than ${FIELD_COUNT} fields`] };
  const body = (kind === 'twilio.inbound' ? inbound : status).safeParse(params);
  const q = query.safeParse(rawQuery);
  if (!body.success || !q.success) {
    const issues = [...(body.error?.issues ?? []), ...(q.error?.issues.map((i) => ({ ...i, path: ['?', ...i.path] })) ?? [])];
    return { ok: false, issues: issues.map((i) => `${i.path.join('')}: ${i.message}`) };
  }
  return { ok: true, params: body.data as Record<string, string | string[]>, query: q.data as Record<string, string> };
}

// What a Twilio inbound WhatsApp message says (TWILIO.md §5.1), read within the bounds of what it can be: at most
// 10 media, a sender that fits a lead's phone, a profile name that fits a lead's name. The webhook route refuses
// what is out of bounds before storing it; events stored before it did are read through these same bounds.
import type { Message } from '../entities/message.ts';

/** Twilio sends at most 10 media with one WhatsApp message (`MediaUrl0` … `MediaUrl9`). */
export const MAX_INBOUND_MEDIA = 10;
/** `leads.name`: a longer WhatsApp profile name is cut to this many characters rather than losing the message. */
export const LEAD_NAME_LENGTH = 200;
/** A WhatsApp sender as Twilio gives it: `whatsapp:` and an E.164 number (`leads.phone` holds the number). */
export const WHATSAPP_ADDRESS = /^whatsapp:\+[1-9][0-9]{1,14}$/;
/** A Twilio message SID: SM (or MM for media) and 32 hex digits. */
export const TWILIO_MESSAGE_SID = /^(SM|MM)[0-9a-fA-F]{32}$/;

export type InboundContent = Pick<Message, 'kind' | 'body' | 'media'> & { buttonPayload: string | null };

export interface InboundSender {
  sid: string;
  /** E.164, the lead's phone. */
  phone: string;
  /** The WhatsApp profile name, cut to fit a lead's name; null when none was given. */
  profileName: string | null;
}

/** The first `max` characters (code points, as PostgreSQL counts them: a surrogate pair is never split). */
export function truncateChars(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let count = 0;
  for (const char of text) {
    if (count++ === max) break;
    out += char;
  }
  return out;
}

/** Who sent the message and its SID, or the reason the event cannot be applied (nothing would change that). */
export function inboundSender(params: Record<string, string>): InboundSender | { unusable: string } {
  const sid = params.MessageSid || params.SmsMessageSid || params.SmsSid || '';
  if (!TWILIO_MESSAGE_SID.test(sid)) return { unusable: 'MessageSid is missing or not a Twilio message SID' };
  const from = params.From ?? '';
  if (!WHATSAPP_ADDRESS.test(from)) return { unusable: 'From is missing or not a WhatsApp address with an E.164 number' };
  const profileName = params.ProfileName?.trim();
  return { sid, phone: from.slice('whatsapp:'.length), profileName: profileName ? truncateChars(profileName, LEAD_NAME_LENGTH) : null };
}

/** The number of media, as Twilio can send it: 0 to 10 (anything else counts as none or ten). */
export function inboundMediaCount(numMedia: string | undefined): number {
  const count = Number.parseInt(numMedia ?? '0', 10);
  return Number.isFinite(count) ? Math.min(Math.max(count, 0), MAX_INBOUND_MEDIA) : 0;
}

/** The message's content from Twilio's inbound parameters. */
export function parseInbound(params: Record<string, string>): InboundContent {
  const body = params.Body ?? null;
  if (params.ButtonPayload || params.ButtonText) {
    return {
      kind: 'button_reply',
      body: params.ButtonText ?? body,
      media: [{ payload: params.ButtonPayload ?? null }],
      buttonPayload: params.ButtonPayload ?? null,
    };
  }
  if (params.Latitude && params.Longitude) {
    const location = {
      latitude: Number(params.Latitude),
      longitude: Number(params.Longitude),
      address: params.Address ?? null,
      label: params.Label ?? null,
    };
    return { kind: 'location', body: params.Label ?? params.Address ?? body, media: [location], buttonPayload: null };
  }
  const count = inboundMediaCount(params.NumMedia);
  if (count > 0) {
    const media = Array.from({ length: count }, (_, i) => ({
      url: params[`MediaUrl${i}`] ?? null,
      contentType: params[`MediaContentType${i}`] ?? null,
    }));
    return { kind: 'media', body: body || null, media, buttonPayload: null };
  }
  return { kind: 'text', body, media: null, buttonPayload: null };
}

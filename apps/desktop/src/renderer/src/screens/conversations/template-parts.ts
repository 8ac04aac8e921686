// A template message's stored parts (header, footer, buttons) read from the timeline. The API types them as a
// loose record, so each part is checked before it is drawn; anything unexpected is left out, never guessed.
import type { TimelineMessage } from '../../api/client.ts';
import type { RenderedTemplate } from '../templates/WhatsAppBubble.tsx';
import type { RenderedButton } from '../templates/WhatsAppButtons.tsx';

type Parts = Omit<RenderedTemplate, 'body'>;
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';

function header(v: unknown): RenderedTemplate['header'] {
  if (!isObject(v)) return undefined;
  if (v.type === 'text' && str(v.text)) return { type: 'text', text: v.text };
  if (v.type === 'image' && str(v.url)) return { type: 'image', url: v.url };
  if (v.type === 'document' && str(v.url)) return { type: 'document', url: v.url, ...(str(v.filename) ? { filename: v.filename } : {}) };
  return undefined;
}

function button(v: unknown): RenderedButton | null {
  if (!isObject(v) || !str(v.text)) return null;
  if (v.type === 'quick_reply') return { type: 'quick_reply', text: v.text, payload: str(v.payload) ? v.payload : '' };
  if (v.type === 'url' && str(v.url)) return { type: 'url', text: v.text, url: v.url };
  if (v.type === 'phone' && str(v.phone)) return { type: 'phone', text: v.text, phone: v.phone };
  return null;
}

export function templatePartsOf(message: TimelineMessage): Parts | null {
  const raw = message.templateParts;
  if (!isObject(raw)) return null;
  const parts: Parts = { buttons: Array.isArray(raw.buttons) ? raw.buttons.map(button).filter((b) => b !== null) : [] };
  const h = header(raw.header);
  if (h) parts.header = h;
  if (str(raw.footer) && raw.footer) parts.footer = raw.footer;
  return parts;
}

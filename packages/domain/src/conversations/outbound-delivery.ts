// What a send needs besides the message row: its sender's provider row (cached per process, reloaded when the
// row changes) and the provider-neutral message to hand over.
import type { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import { WhatsappProvider as WhatsappProviderEntity } from '../entities/whatsapp-provider.ts';
import type { MessagingProvider, OutboundContent, OutboundMessage } from '../providers/messaging-provider.ts';
import { webhookUrls } from '../providers/provider-settings.ts';
import type { DeliverDeps } from './deliver-outbound-message.ts';
import type { SendRow } from './send-statements.ts';

export interface DeliveryRequest {
  messageId: string;
  /** The message already holds a slot in its sender's rate (it waited for it): it goes without asking again. */
  hasSlot?: boolean;
}

export interface Ready {
  m: SendRow;
  sender: WhatsappProvider;
  provider: MessagingProvider;
  outbound: OutboundMessage;
}

// Provider rows by id, refreshed when the row's updated_at moves (credentials edited): one load per process.
const providerRows = new WeakMap<DeliverDeps, Map<string, WhatsappProvider>>();

async function providerRow(deps: DeliverDeps, id: string, updatedAt: Date | string): Promise<WhatsappProvider | null> {
  let rows = providerRows.get(deps);
  if (!rows) {
    rows = new Map();
    providerRows.set(deps, rows);
  }
  const cached = rows.get(id);
  if (cached && cached.updatedAt.getTime() === new Date(updatedAt).getTime()) return cached;
  const row = await deps.em.fork().findOne(WhatsappProviderEntity, { id });
  if (row) rows.set(id, row);
  return row;
}

function contentOf(m: SendRow): OutboundContent {
  if (m.kind === 'template') return { kind: 'template', contentSid: m.template_content_sid ?? '', variables: m.template_variables ?? {} };
  if (m.kind === 'media') return { kind: 'media', mediaUrl: String(m.media?.[0]?.url ?? ''), caption: m.body ?? undefined };
  return { kind: 'text', body: m.body ?? '' };
}

/** Null when the message's session has no sender (the provider was deleted). */
export async function readyToSend(deps: DeliverDeps, m: SendRow): Promise<Ready | null> {
  const sender = m.provider_id && m.provider_updated_at ? await providerRow(deps, m.provider_id, m.provider_updated_at) : null;
  if (!sender) return null;
  return {
    m,
    sender,
    provider: deps.providerFor(sender),
    outbound: {
      messageId: m.id,
      to: m.phone,
      content: contentOf(m),
      // Our id rides in the callback URL, covered by Twilio's signature, so callbacks find the message even
      // before its Twilio sid is recorded.
      statusCallbackUrl: `${webhookUrls(deps.publicUrl, sender.id).status}?mid=${m.id}`,
      displayedBody: m.body,
    },
  };
}

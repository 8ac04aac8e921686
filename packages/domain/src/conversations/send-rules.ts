// Whether a WhatsApp message may go to a lead now, in the order the product promises: consent first, then the
// 24-hour window (free-form only inside it; outside it only approved templates). Null means it may.
// A lead who wrote to us may be answered free-form inside the window without a prior opt-in (a conversation
// they started); a business-initiated template needs their opt-in. An opt-out stops everything.
import type { Lead } from '../entities/lead.ts';
import type { Template } from '../entities/template.ts';
import { canSendFreeForm } from '../messaging/session-window.ts';

export const REFUSALS = {
  optedOut: 'The lead opted out of WhatsApp messages',
  noConsent: 'The lead has not opted in to WhatsApp messages',
  outsideWindow: 'Outside the 24-hour window: only an approved template can be sent',
  templateNotApproved: 'The template is not approved for WhatsApp yet',
} as const;

export function sendRefusal(input: {
  lead: Pick<Lead, 'whatsappOptIn' | 'whatsappOptedOutAt'>;
  windowEndsAt: Date | null | undefined;
  kind: 'text' | 'media' | 'template' | 'location';
  template: Pick<Template, 'status' | 'contentSid'> | null;
  now: Date;
}): string | null {
  const { lead } = input;
  if (!lead.whatsappOptIn && lead.whatsappOptedOutAt) return REFUSALS.optedOut;
  const windowOpen = canSendFreeForm(input.windowEndsAt, input.now);
  if (input.kind === 'template') {
    if (!lead.whatsappOptIn) return REFUSALS.noConsent;
    if (input.template?.status !== 'approved' || !input.template.contentSid) return REFUSALS.templateNotApproved;
    return null;
  }
  if (!lead.whatsappOptIn && !windowOpen) return REFUSALS.noConsent;
  return windowOpen ? null : REFUSALS.outsideWindow;
}

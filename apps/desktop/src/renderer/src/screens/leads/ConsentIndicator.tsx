// WhatsApp consent at a glance: ✓ opted in (green), ⊘ opted out (red), – never asked (grey); the hover says
// since when and from where.
import { CONSENT_LABELS, dateTimeFormat } from './lead-labels.ts';
import type { Lead } from './lead-types.ts';

const MARKS = { opted_in: '✓', opted_out: '⊘', none: '–' } as const;

export function consentTitle(lead: Lead): string {
  if (lead.consent === 'opted_in') {
    const at = lead.whatsappOptInAt ? ` on ${dateTimeFormat.format(new Date(lead.whatsappOptInAt))}` : '';
    return `Opted in to WhatsApp${at}${lead.whatsappOptInSource ? ` · source: ${lead.whatsappOptInSource}` : ''}`;
  }
  if (lead.consent === 'opted_out') {
    return `Opted out of WhatsApp${lead.whatsappOptedOutAt ? ` on ${dateTimeFormat.format(new Date(lead.whatsappOptedOutAt))}` : ''}`;
  }
  return 'No WhatsApp consent recorded';
}

export function ConsentIndicator({ lead }: { lead: Lead }) {
  return (
    <span
      className={`lead-consent-indicator ${lead.consent}`}
      title={consentTitle(lead)}
      data-testid="lead-consent"
      data-consent={lead.consent}
    >
      <span aria-hidden>{MARKS[lead.consent]}</span>
      <span className="lead-sr-only">{CONSENT_LABELS[lead.consent]}</span>
    </span>
  );
}

// The agent's WhatsApp opening for one lead: may it message now, which template, the message as a WhatsApp bubble,
// and the values it still lacks (a send would be refused until they are filled).
import { TemplateStatusChip } from '../templates/TemplateStatusChip.tsx';
import { STATUS_LABELS, type TemplateStatus } from '../templates/template-labels.ts';
import { WhatsAppBubble } from '../templates/WhatsAppBubble.tsx';
import type { AgentPreview } from './agent-types.ts';
import { ChannelTiming } from './ChannelTiming.tsx';
import { CodeList } from './CodeList.tsx';

interface Props {
  preview: NonNullable<AgentPreview['whatsapp']>;
  leadTimezone: string | null;
  scheduleTimezone: string;
}

// The preview names the status as a string; the chip knows the statuses by name.
const isStatus = (s: string): s is TemplateStatus => Object.hasOwn(STATUS_LABELS, s);

export function WhatsAppPreview({ preview, leadTimezone, scheduleTimezone }: Props) {
  const { template, message } = preview;
  return (
    <div className="preview-channel" data-testid="agent-preview-whatsapp">
      <div className="label-row">
        <strong>WhatsApp</strong>
        <ChannelTiming
          timing={preview}
          verb="message"
          leadTimezone={leadTimezone}
          scheduleTimezone={scheduleTimezone}
          testId="agent-preview-whatsapp-timing"
        />
      </div>
      {!template && <p className="hours-warning">No opening template: the agent cannot start a WhatsApp conversation.</p>}
      {template && (
        <p className="small-text preview-template">
          Opens with <code>{template.name}</code>{' '}
          {isStatus(template.status) && <TemplateStatusChip template={{ status: template.status, rejectionReason: null }} />}
        </p>
      )}
      {message && (
        <div className="wa-chat light compact">
          <WhatsAppBubble rendered={message.rendered} testId="agent-preview-bubble" />
        </div>
      )}
      {message && message.missing.length > 0 && (
        <p className="preview-missing" data-testid="agent-preview-missing">
          Missing for this lead: <CodeList names={message.missing} />. The agent cannot send until{' '}
          {message.missing.length === 1 ? 'it has a value' : 'each has a value'}.
        </p>
      )}
    </div>
  );
}

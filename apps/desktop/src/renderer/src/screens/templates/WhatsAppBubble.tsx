// A template message drawn like WhatsApp: header, formatted body, footer and time in the bubble, buttons under it.
import type { TemplatePreview } from '../../api/client.ts';
import { WhatsAppButtons } from './WhatsAppButtons.tsx';
import { WhatsAppHeader } from './WhatsAppHeader.tsx';
import { WhatsAppText } from './WhatsAppText.tsx';

export type RenderedTemplate = TemplatePreview['rendered'];

interface Props {
  rendered: RenderedTemplate;
  /** `in` as the lead sees it; `out` as the sender's own chat shows it. */
  side?: 'in' | 'out';
  time?: string;
  testId?: string;
}

export function WhatsAppBubble({ rendered, side = 'in', time = '10:24', testId = 'wa-bubble' }: Props) {
  return (
    <div className={`wa-message ${side}`} data-testid={testId}>
      <div className="wa-bubble">
        <WhatsAppHeader header={rendered.header} />
        <p className="wa-body">{rendered.body ? <WhatsAppText text={rendered.body} /> : <span className="wa-faint">Message text</span>}</p>
        {rendered.footer && <small className="wa-footer">{rendered.footer}</small>}
        <span className="wa-time">{time}</span>
      </div>
      <WhatsAppButtons buttons={rendered.buttons} />
    </div>
  );
}

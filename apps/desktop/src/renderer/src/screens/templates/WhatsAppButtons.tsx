// A template's buttons as WhatsApp draws them: separate rows under the bubble, and with more than three quick
// replies, two of them and "See all options".
import type { TemplatePreview } from '../../api/client.ts';

export type RenderedButton = TemplatePreview['rendered']['buttons'][number];

const ICONS: Record<RenderedButton['type'], string> = { quick_reply: '↩', url: '↗', phone: '✆' };

function describe(button: RenderedButton): string {
  if (button.type === 'url') return button.url;
  if (button.type === 'phone') return button.phone;
  return `Replies with “${button.payload}”`;
}

export function WhatsAppButtons({ buttons }: { buttons: RenderedButton[] }) {
  if (buttons.length === 0) return null;
  const collapsed = buttons.length > 3;
  const shown = collapsed ? buttons.slice(0, 2) : buttons;
  return (
    <div className="wa-buttons" data-testid="wa-buttons">
      {shown.map((button, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: buttons have no id and may share a text while being edited
        <div key={i} className="wa-button" title={describe(button)}>
          <span aria-hidden>{ICONS[button.type]}</span> {button.text || 'Button'}
        </div>
      ))}
      {collapsed && (
        <div className="wa-button" title={buttons.map((b) => b.text).join(' · ')}>
          <span aria-hidden>☰</span> See all options
        </div>
      )}
    </div>
  );
}

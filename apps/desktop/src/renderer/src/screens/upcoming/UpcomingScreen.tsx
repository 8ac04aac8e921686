// Screens whose features are not built yet: an honest description of what will be here, no sample data.
import type { ScreenId } from '../../shell/screens.ts';

const DESCRIPTIONS: Partial<Record<ScreenId, { title: string; text: string }>> = {
  templates: { title: 'Templates', text: 'WhatsApp templates with variables and buttons, a live preview, and Twilio’s approval status.' },
  leads: { title: 'Leads', text: 'Your leads with their channel preference and WhatsApp consent, CSV import and bulk actions.' },
  campaigns: { title: 'Campaigns', text: 'Multi-channel campaigns and follow-up sequences with A/B tests.' },
  analytics: { title: 'Analytics', text: 'Voice and WhatsApp compared on response, conversion and cost.' },
};

export function UpcomingScreen({ screen }: { screen: ScreenId }) {
  const d = DESCRIPTIONS[screen];
  if (!d) return null;
  return (
    <div className="empty" data-testid={`screen-${screen}`}>
      <h2>{d.title}</h2>
      <p>{d.text}</p>
      <p className="muted">Not available in this version yet.</p>
    </div>
  );
}

// Where the template stands with WhatsApp, and what the user can do next.
import type { TemplateSummary } from '../../api/client.ts';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const at = (iso: string | null) => (iso ? ` on ${when.format(new Date(iso))}` : '');

export function TemplateStatusBanner({ template: t }: { template: TemplateSummary }) {
  const inUse = t.sendable && t.sendable.id !== t.id ? t.sendable.version : null;
  let tone = 'info';
  let text: string | null = null;
  switch (t.status) {
    case 'pending':
      tone = 'warn';
      text = `WhatsApp is reviewing version ${t.version}. We check every few seconds and this page updates live when the answer comes.`;
      break;
    case 'approved':
      tone = 'ok';
      text = `Approved by WhatsApp${at(t.statusChangedAt)}. Ready to send from Conversations. Editing it makes a new version to approve; this one stays in use meanwhile.`;
      break;
    case 'rejected':
      tone = 'danger';
      text = `WhatsApp rejected version ${t.version}: ${t.rejectionReason ?? 'no reason given'}. Edit to submit a new version.`;
      break;
    case 'archived':
      tone = 'muted';
      text = 'Archived: it can no longer be sent. Duplicate it to use it again.';
      break;
    case 'draft':
      if (inUse) text = `Version ${inUse} is approved and in use. This draft, version ${t.version}, replaces it once WhatsApp approves it.`;
      break;
  }
  if (inUse && t.status !== 'draft' && t.status !== 'archived') text = `${text} Version ${inUse} is the one in use.`;
  if (!text) return null;
  return (
    <div className={`status-banner ${tone}`} role="status" data-testid="template-banner" data-status={t.status}>
      {text}
    </div>
  );
}

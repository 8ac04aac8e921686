// A template's review status as a coloured chip; a rejection shows WhatsApp's reason on hover.
import type { TemplateSummary } from '../../api/client.ts';
import { STATUS_LABELS } from './template-labels.ts';

export function TemplateStatusChip({ template }: { template: Pick<TemplateSummary, 'status' | 'rejectionReason'> }) {
  const title = template.status === 'rejected' ? `Rejected: ${template.rejectionReason ?? 'no reason given'}` : undefined;
  return (
    <span className={`status-chip ${template.status}`} title={title} data-testid="template-status" data-status={template.status}>
      {STATUS_LABELS[template.status]}
    </span>
  );
}

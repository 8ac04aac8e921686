// The lead's fields at a glance, custom fields included, with the button that turns them into the form.
import { CHANNEL_LABELS, statusLabel } from './lead-labels.ts';
import type { LeadDetail } from './lead-types.ts';

export function LeadFacts({ detail, onEdit }: { detail: LeadDetail; onEdit(): void }) {
  const { lead, ownerAgent } = detail;
  const custom = Object.entries(lead.customFields);
  const none = <span className="muted">—</span>;
  return (
    <div className="lead-facts-block">
      <div className="label-row">
        <h3>Details</h3>
        <button type="button" className="small" onClick={onEdit} data-testid="lead-edit">
          Edit
        </button>
      </div>
      <dl className="lead-facts" data-testid="lead-facts">
        <dt>Email</dt>
        <dd>{lead.email ?? none}</dd>
        <dt>Time zone</dt>
        <dd>{lead.timezone ?? none}</dd>
        <dt>Channel</dt>
        <dd>{CHANNEL_LABELS[lead.preferredChannel]}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`lead-status ${lead.status}`}>{statusLabel(lead.status)}</span>
        </dd>
        <dt>Owner agent</dt>
        <dd>{ownerAgent?.name ?? none}</dd>
        <dt>Tags</dt>
        <dd>
          {lead.tags.length
            ? lead.tags.map((t) => (
                <span key={t} className="lead-tag">
                  {t}
                </span>
              ))
            : none}
        </dd>
        {custom.map(([key, value]) => (
          <div key={key} className="lead-fact-custom">
            <dt>
              <code>{key}</code>
            </dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

// A lead's detail, in a panel beside the list: its fields to edit, its WhatsApp consent and history, and its
// messages and calls in one timeline.
import { useState } from 'react';
import { useNavigate } from '../../shell/navigation.tsx';
import { useEscapeToClose } from '../../shell/use-escape-to-close.ts';
import { ChannelIndicator } from './ChannelIndicator.tsx';
import { LeadConsentSection } from './LeadConsentSection.tsx';
import { LeadFacts } from './LeadFacts.tsx';
import { LeadFieldsForm } from './LeadFieldsForm.tsx';
import { LeadTimeline } from './LeadTimeline.tsx';
import { dateFormat } from './lead-labels.ts';
import type { AgentOption, Lead } from './lead-types.ts';
import { useLeadDetail } from './use-lead-detail.ts';

interface Props {
  leadId: string;
  agents: AgentOption[];
  onSaved(lead: Lead): void;
  onClose(): void;
}

export function LeadDetailPanel({ leadId, agents, onSaved, onClose }: Props) {
  const { detail, timeline, error, reload } = useLeadDetail(leadId);
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();

  useEscapeToClose(onClose);

  const lead = detail?.lead;
  return (
    <aside className="lead-panel" aria-label="Lead detail" data-testid="lead-detail" data-lead-id={leadId}>
      <header className="lead-panel-header">
        <div>
          <h2 data-testid="lead-detail-name">{lead?.name ?? 'Lead'}</h2>
          {lead && (
            <span className="muted lead-panel-sub">
              {lead.phone} <ChannelIndicator channel={lead.preferredChannel} /> added {dateFormat.format(new Date(lead.createdAt))}
            </span>
          )}
        </div>
        <div className="lead-panel-actions">
          <button
            type="button"
            className="small"
            onClick={() => navigate({ screen: 'conversations', leadId })}
            data-testid="lead-open-conversation"
          >
            Open conversation
          </button>
          <button type="button" className="icon" onClick={onClose} aria-label="Close" data-testid="lead-detail-close">
            ×
          </button>
        </div>
      </header>
      <div className="lead-panel-body">
        {error && <div className="alert">{error}</div>}
        {!detail && !error && <p className="muted">Loading…</p>}
        {detail && lead && (
          <>
            <section className="lead-section">
              {editing ? (
                <>
                  <h3>Edit details</h3>
                  <LeadFieldsForm
                    lead={lead}
                    agents={agents}
                    onCancel={() => setEditing(false)}
                    onSaved={(saved) => {
                      onSaved(saved);
                      setEditing(false);
                      void reload();
                    }}
                  />
                </>
              ) : (
                <LeadFacts detail={detail} onEdit={() => setEditing(true)} />
              )}
            </section>
            <LeadConsentSection detail={detail} onChanged={() => void reload()} />
            <section className="lead-section">
              <h3>Timeline</h3>
              <LeadTimeline entries={timeline} />
            </section>
          </>
        )}
      </div>
    </aside>
  );
}

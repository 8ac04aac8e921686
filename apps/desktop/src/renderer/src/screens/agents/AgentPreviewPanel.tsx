// Beside the form: pick a lead, and see what the saved agent would do with them — the WhatsApp opening message as
// the lead would get it, the voice prompt filled for them, and whether each channel may reach them now.
import { useState } from 'react';
import type { Agent, LeadListItem } from '../../api/client.ts';
import { LeadPicker } from './LeadPicker.tsx';
import { useAgentPreview } from './use-agent-preview.ts';
import { VoicePreview } from './VoicePreview.tsx';
import { WhatsAppPreview } from './WhatsAppPreview.tsx';

interface Props {
  /** The saved agent: the preview is of what the server has. */
  agent: Agent | null;
  dirty: boolean;
}

export function AgentPreviewPanel({ agent, dirty }: Props) {
  const [lead, setLead] = useState<LeadListItem | null>(null);
  const { preview, error, loading } = useAgentPreview(agent?.id ?? null, agent?.updatedAt ?? null, lead?.id ?? null);
  const leadZone = lead?.timezone ?? null;
  return (
    <section className="card preview-panel agent-preview" data-testid="agent-preview">
      <h3>Preview for a lead</h3>
      {!agent && <p className="muted">Create the agent to see what it would send a lead.</p>}
      {agent && <LeadPicker lead={lead} onPick={setLead} />}
      {agent && dirty && <small className="hours-warning">Unsaved changes: the preview shows the agent as saved.</small>}
      {error && <div className="alert">{error}</div>}
      {lead && !preview && loading && <p className="muted">Loading the preview…</p>}
      {lead && preview && agent && (
        <div className={`preview-channels${loading ? ' refreshing' : ''}`}>
          {preview.whatsapp && (
            <WhatsAppPreview
              preview={preview.whatsapp}
              leadTimezone={leadZone}
              scheduleTimezone={agent.settings.whatsapp.businessHours.timezone}
            />
          )}
          {preview.voice && (
            <VoicePreview preview={preview.voice} leadTimezone={leadZone} scheduleTimezone={agent.settings.voice.businessHours.timezone} />
          )}
        </div>
      )}
    </section>
  );
}

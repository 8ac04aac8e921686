// The company's agents, one row each: channels, the WhatsApp opening template, and per channel its hours and attempts.
import type { Agent } from '../../api/client.ts';
import { TemplateStatusChip } from '../templates/TemplateStatusChip.tsx';
import { industryLabel } from '../templates/template-labels.ts';
import { attemptsLabel, CHANNEL_LABELS } from './agent-labels.ts';
import { ChannelBadges } from './ChannelBadges.tsx';
import { HoursSummary } from './HoursSummary.tsx';
import { findTemplate, type TemplateChoice } from './template-choices.ts';

interface Props {
  agents: Agent[];
  templates: TemplateChoice[] | null;
  onOpen(agent: Agent): void;
}

function DefaultTemplate({ agent, templates }: { agent: Agent; templates: TemplateChoice[] | null }) {
  if (!agent.channels.includes('whatsapp')) return <span className="muted">—</span>;
  const id = agent.settings.whatsapp.defaultTemplateId;
  if (!id) return <span className="pill warn">No template</span>;
  const template = findTemplate(templates, id);
  if (!template) return <span className="muted">{templates ? 'A template no longer listed' : '…'}</span>;
  return (
    <span className="agent-template-cell">
      <span className="agent-template-name">{template.name}</span>
      {template.status !== 'approved' && <TemplateStatusChip template={template} />}
    </span>
  );
}

export function AgentTable({ agents, templates, onOpen }: Props) {
  return (
    <table className="table agent-table" data-testid="agent-table">
      <thead>
        <tr>
          <th className="agent-col">Agent</th>
          <th className="channels-col">Channels</th>
          <th className="template-col">WhatsApp template</th>
          <th>Hours and attempts</th>
        </tr>
      </thead>
      <tbody>
        {agents.map((agent) => (
          <tr key={agent.id} className="clickable" onClick={() => onOpen(agent)} data-testid="agent-row" data-name={agent.name}>
            <td>
              <button
                type="button"
                className="row-link"
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(agent);
                }}
              >
                {agent.name}
              </button>
              <div className="muted small-text">{agent.industry ? industryLabel(agent.industry) : 'No industry'}</div>
            </td>
            <td>
              <ChannelBadges channels={agent.channels} />
            </td>
            <td data-testid="agent-row-template">
              <DefaultTemplate agent={agent} templates={templates} />
            </td>
            <td>
              {agent.channels.map((c) => (
                <div key={c} className="per-channel">
                  <span className="per-channel-label">{CHANNEL_LABELS[c]}</span>
                  <span className="per-channel-text">
                    <span data-testid={`agent-row-hours-${c}`}>
                      <HoursSummary hours={agent.settings[c].businessHours} />
                    </span>
                    <span className="muted small-text" data-testid={`agent-row-attempts-${c}`}>
                      {attemptsLabel(agent.settings[c])}
                    </span>
                  </span>
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

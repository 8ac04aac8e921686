// What only WhatsApp has: the sender number the agent writes from and the template that opens a conversation
// (WhatsApp allows nothing else as a first message; an unapproved one waits for WhatsApp's approval).
import { useId } from 'react';
import { FieldIssues } from '../templates/FieldIssues.tsx';
import { STATUS_LABELS } from '../templates/template-labels.ts';
import type { IssueLookup } from './agent-issues.ts';
import type { WhatsAppSettings } from './agent-types.ts';
import { findTemplate } from './template-choices.ts';
import type { AgentChoices } from './use-agent-choices.ts';

const NOT_APPROVED: Record<string, string> = {
  draft: 'Sends will wait until WhatsApp approves it: submit it under Templates.',
  pending: 'Sends will wait until WhatsApp approves it.',
  rejected: 'WhatsApp rejected it: fix and resubmit it under Templates, or pick another.',
  archived: 'Archived: pick another template.',
};

const senderPlaceholder = ({ providers, providersHidden }: AgentChoices) =>
  providersHidden ? 'A sender (managers see which)' : providers ? 'A sender no longer listed' : 'Loading senders…';

interface Props {
  settings: WhatsAppSettings;
  onChange(patch: Partial<WhatsAppSettings>): void;
  issues: IssueLookup;
  choices: AgentChoices;
}

export function WhatsAppFields({ settings, onChange, issues, choices }: Props) {
  const senderId = useId();
  const templateId = useId();
  const { providers, templates } = choices;
  const sender = providers?.find((p) => p.id === settings.providerId);
  const template = findTemplate(templates, settings.defaultTemplateId);
  // Archived templates are offered only when the agent already uses one, so the select still shows it.
  const offered = (templates ?? []).filter((t) => t.status !== 'archived' || t === template);
  const senderIssues = issues('settings.whatsapp.providerId');
  const templateIssues = issues('settings.whatsapp.defaultTemplateId');

  return (
    <div className="form-row whatsapp-fields">
      <div className={`tfield grow${senderIssues.length ? ' invalid' : ''}`}>
        <label htmlFor={senderId}>Sender</label>
        <select
          id={senderId}
          className="control"
          value={settings.providerId ?? ''}
          onChange={(e) => onChange({ providerId: e.target.value || null })}
          data-testid="whatsapp-sender"
        >
          <option value="">{providers === null && !choices.providersHidden ? 'Loading senders…' : 'No sender'}</option>
          {providers?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.sender.replace(/^whatsapp:/, '')} · {p.kind === 'simulator' ? 'Simulator' : 'Twilio'}
              {p.active ? '' : ' (inactive)'}
            </option>
          ))}
          {settings.providerId && !sender && <option value={settings.providerId}>{senderPlaceholder(choices)}</option>}
        </select>
        {providers?.length === 0 && (
          <small className="settings-hint" data-testid="whatsapp-sender-hint">
            No WhatsApp sender yet: connect one under <strong>Settings → WhatsApp</strong>.
          </small>
        )}
        {providers && providers.length > 0 && !settings.providerId && (
          <small className="hours-warning">Pick the number this agent writes from.</small>
        )}
        {sender && !sender.active && (
          <small className="hours-warning">This sender is inactive: messages wait until it is active again.</small>
        )}
        <FieldIssues messages={senderIssues} />
      </div>
      <div className={`tfield grow${templateIssues.length ? ' invalid' : ''}`}>
        <label htmlFor={templateId}>Opening template</label>
        <select
          id={templateId}
          className="control"
          value={template?.id ?? settings.defaultTemplateId ?? ''}
          onChange={(e) => onChange({ defaultTemplateId: e.target.value || null })}
          data-testid="whatsapp-template"
        >
          <option value="">{templates === null ? 'Loading templates…' : 'No template'}</option>
          {offered.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.language}) · {STATUS_LABELS[t.status]}
            </option>
          ))}
          {settings.defaultTemplateId && !template && (
            <option value={settings.defaultTemplateId}>{templates ? 'A template no longer listed' : 'Loading templates…'}</option>
          )}
        </select>
        {!settings.defaultTemplateId && templates && (
          <small className="hours-warning" data-testid="whatsapp-template-warning">
            No template: the agent cannot open a WhatsApp conversation.
          </small>
        )}
        {template && template.status !== 'approved' && (
          <small className="hours-warning" data-testid="whatsapp-template-warning">
            {NOT_APPROVED[template.status]}
          </small>
        )}
        {choices.templatesFailed && <small className="field-error">The templates could not be loaded.</small>}
        <FieldIssues messages={templateIssues} />
      </div>
    </div>
  );
}

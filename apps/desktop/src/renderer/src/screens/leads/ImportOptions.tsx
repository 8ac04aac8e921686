// What applies to every row of an import: the country of numbers written without a code, the channel of rows
// that give none, tags to add, the owner agent, and, when a consent column is mapped, where that consent came from.
import { useId } from 'react';
import { COUNTRIES } from './countries.ts';
import { CHANNEL_LABELS, CHANNELS } from './lead-labels.ts';
import type { AgentOption, PreferredChannel } from './lead-types.ts';

export interface ImportSettings {
  defaultCountry: string;
  defaultChannel: '' | PreferredChannel;
  tags: string;
  ownerAgentId: string;
  consentSource: string;
}

interface Props {
  settings: ImportSettings;
  onChange(settings: ImportSettings): void;
  agents: AgentOption[];
  consentMapped: boolean;
}

export function ImportOptions({ settings, onChange, agents, consentMapped }: Props) {
  const id = useId();
  const set = (patch: Partial<ImportSettings>) => onChange({ ...settings, ...patch });
  return (
    <div className="import-options">
      <div className="tfield">
        <label htmlFor={`${id}-country`}>Numbers without a country code are in</label>
        <select
          id={`${id}-country`}
          className="control"
          value={settings.defaultCountry}
          onChange={(e) => set({ defaultCountry: e.target.value })}
          data-testid="import-country"
        >
          <option value="">No default: such numbers are rejected</option>
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      </div>
      <div className="tfield">
        <label htmlFor={`${id}-channel`}>Preferred channel when a row gives none</label>
        <select
          id={`${id}-channel`}
          className="control"
          value={settings.defaultChannel}
          onChange={(e) => set({ defaultChannel: e.target.value as ImportSettings['defaultChannel'] })}
          data-testid="import-channel"
        >
          <option value="">Keep (new leads: Voice and WhatsApp)</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="tfield">
        <label htmlFor={`${id}-tags`}>Tags to add to every lead</label>
        <input
          id={`${id}-tags`}
          className="control"
          value={settings.tags}
          onChange={(e) => set({ tags: e.target.value })}
          placeholder="e.g. spring-fair, 2024"
          data-testid="import-tags"
        />
      </div>
      <div className="tfield">
        <label htmlFor={`${id}-agent`}>Owner agent</label>
        <select
          id={`${id}-agent`}
          className="control"
          value={settings.ownerAgentId}
          onChange={(e) => set({ ownerAgentId: e.target.value })}
          data-testid="import-agent"
        >
          <option value="">No agent</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {consentMapped && (
        <div className="tfield consent-source">
          <label htmlFor={`${id}-source`}>Where did these leads give their WhatsApp consent? (required)</label>
          <input
            id={`${id}-source`}
            className="control"
            value={settings.consentSource}
            onChange={(e) => set({ consentSource: e.target.value })}
            placeholder="e.g. Website sign-up form, March 2024"
            aria-invalid={!settings.consentSource.trim()}
            data-testid="import-consent-source"
          />
          <small className="muted">
            Recorded in each lead’s consent history. An opt-out already recorded is never overridden by the file.
          </small>
        </div>
      )}
    </div>
  );
}

// Name, industry and channels: who the agent is and where it reaches leads (voice, WhatsApp or both).
import { useId } from 'react';
import { FieldIssues } from '../templates/FieldIssues.tsx';
import { TextField } from '../templates/TextField.tsx';
import { industryLabel } from '../templates/template-labels.ts';
import type { AgentDraft } from './agent-draft.ts';
import type { IssueLookup } from './agent-issues.ts';
import type { Channel } from './agent-types.ts';

const CHANNELS: { id: Channel; label: string; hint: string }[] = [
  { id: 'voice', label: 'Voice calls', hint: 'Calls leads and talks with its voice prompt.' },
  { id: 'whatsapp', label: 'WhatsApp', hint: 'Opens with an approved template, then chats.' },
];

interface Props {
  draft: AgentDraft;
  onChange(patch: Partial<AgentDraft>): void;
  issues: IssueLookup;
  industries: string[];
}

export function AgentBasics({ draft, onChange, issues, industries }: Props) {
  const industryId = useId();
  const known = draft.industry && !industries.includes(draft.industry) ? [draft.industry, ...industries] : industries;
  const options = [...known].sort((a, b) => industryLabel(a).localeCompare(industryLabel(b)));
  const toggle = (c: Channel) =>
    onChange({
      channels: (['voice', 'whatsapp'] as const).filter((x) => (x === c ? !draft.channels.includes(c) : draft.channels.includes(x))),
    });

  return (
    <section className="card agent-section" data-testid="agent-basics">
      <div className="form-row">
        <TextField
          className="grow"
          label="Name"
          value={draft.name}
          onChange={(name) => onChange({ name })}
          issues={issues('name')}
          placeholder="Ava — appointment setter"
          maxLength={200}
          testId="agent-name"
        />
        <div className={`tfield industry-field${issues('industry').length ? ' invalid' : ''}`}>
          <label htmlFor={industryId}>Industry</label>
          <select
            id={industryId}
            className="control"
            value={draft.industry ?? ''}
            onChange={(e) => onChange({ industry: e.target.value || null })}
            data-testid="agent-industry"
          >
            <option value="">No industry</option>
            {options.map((i) => (
              <option key={i} value={i}>
                {industryLabel(i)}
              </option>
            ))}
          </select>
          <FieldIssues messages={issues('industry')} />
        </div>
      </div>
      <fieldset className="channel-toggles">
        <legend>Channels</legend>
        {CHANNELS.map((c) => {
          const on = draft.channels.includes(c.id);
          const last = on && draft.channels.length === 1;
          return (
            <label
              key={c.id}
              className={`channel-toggle${on ? ' on' : ''}`}
              title={last ? 'An agent needs at least one channel' : undefined}
            >
              <input
                type="checkbox"
                role="switch"
                className="switch"
                checked={on}
                aria-checked={on}
                disabled={last}
                onChange={() => toggle(c.id)}
                data-testid={`agent-channel-${c.id}`}
              />
              <span>
                <strong>{c.label}</strong>
                <small className="muted">{c.hint}</small>
              </span>
            </label>
          );
        })}
        <FieldIssues messages={issues('channels')} />
      </fieldset>
    </section>
  );
}

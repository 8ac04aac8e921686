// The lead's fields, editable: a save sends only what changed, and the server's objection to a field (a phone
// number it cannot read, a time zone it does not know, a number another lead has) shows under that field.
import { useEffect, useState } from 'react';
import { errorCode, fieldErrors } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { TextField } from '../templates/TextField.tsx';
import { changesOf, draftOf, type LeadDraft } from './lead-draft.ts';
import { leadErrorMessage } from './lead-errors.ts';
import { CHANNEL_LABELS, CHANNELS, STATUS_LABELS, STATUSES } from './lead-labels.ts';
import type { AgentOption, Lead } from './lead-types.ts';

interface Props {
  lead: Lead;
  agents: AgentOption[];
  onSaved(lead: Lead): void;
  onCancel(): void;
}

export function LeadFieldsForm({ lead, agents, onSaved, onCancel }: Props) {
  const { api } = useSession();
  const [draft, setDraft] = useState<LeadDraft>(() => draftOf(lead));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A change made elsewhere (live) replaces the form's values unless the user is editing.
  const changes = changesOf(lead, draft);
  const dirty = Object.keys(changes).length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the lead resets the form
  useEffect(() => {
    if (!dirty) setDraft(draftOf(lead));
  }, [lead]);
  const set = (patch: Partial<LeadDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (field: 'name' | 'phone' | 'email' | 'timezone', label: string, hint?: string) => (
    <TextField
      label={label}
      value={draft[field]}
      onChange={(v) => {
        set({ [field]: v });
        setIssues(({ [field]: _, ...rest }) => rest);
      }}
      issues={issues[field] ? [issues[field]] : []}
      hint={hint}
      testId={`lead-field-${field}`}
    />
  );

  async function save() {
    setBusy(true);
    setIssues({});
    setError(null);
    try {
      const saved = await api.leads.update.mutate({ id: lead.id, ...changes });
      setDraft(draftOf(saved));
      onSaved(saved);
    } catch (e) {
      const byField = fieldErrors(e);
      // A number another lead has comes back as a conflict; it belongs under the phone too.
      if (errorCode(e) === 'CONFLICT') byField.phone = leadErrorMessage(e);
      setIssues(byField);
      if (Object.keys(byField).length === 0) setError(leadErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="lead-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="lead-form"
    >
      {text('name', 'Name')}
      <div className="form-row">
        {text('phone', 'Phone', 'With the country code, e.g. +1 415 555 2671')}
        {text('email', 'Email')}
      </div>
      <div className="form-row">
        <label className="tfield grow">
          <span>Preferred channel</span>
          <select
            className="control"
            value={draft.preferredChannel}
            onChange={(e) => set({ preferredChannel: e.target.value as LeadDraft['preferredChannel'] })}
            data-testid="lead-field-channel"
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="tfield grow">
          <span>Status</span>
          <select
            className="control"
            value={draft.status}
            onChange={(e) => set({ status: e.target.value as LeadDraft['status'] })}
            data-testid="lead-field-status"
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-row">
        {text('timezone', 'Time zone', 'Empty: the phone’s country’s, if it has one')}
        <label className="tfield grow">
          <span>Owner agent</span>
          <select
            className="control"
            value={draft.ownerAgentId}
            onChange={(e) => set({ ownerAgentId: e.target.value })}
            data-testid="lead-field-agent"
          >
            <option value="">No agent</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <TextField
        label="Tags"
        value={draft.tags}
        onChange={(v) => set({ tags: v })}
        hint="Separated by commas"
        testId="lead-field-tags"
        issues={issues.tags ? [issues.tags] : []}
      />
      {error && <div className="alert">{error}</div>}
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={busy} data-testid="lead-edit-cancel">
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!dirty || busy} data-testid="lead-save">
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

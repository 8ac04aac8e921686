// The bar over the table while leads are selected: how many, "select all matching the filter", the action and
// its inputs, then a confirmation that says how many leads it will touch before anything starts.
import { useEffect, useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { BulkActionFields } from './BulkActionFields.tsx';
import { BULK_CHOICES, type BulkChoice, type BulkDraft, bulkActionOf, describeAction, NEW_DRAFT } from './bulk-action.ts';
import { leadErrorMessage } from './lead-errors.ts';
import { countLabel, formatNumber } from './lead-labels.ts';
import type { AgentOption, BulkOperation, LeadCount, SendableTemplate, TagSuggestion } from './lead-types.ts';
import type { LeadSelection } from './use-lead-selection.ts';

interface Props {
  selection: LeadSelection;
  count: LeadCount | null;
  loaded: number;
  agents: AgentOption[];
  tags: TagSuggestion[];
  onStarted(operation: BulkOperation, description: string): void;
}

export function BulkBar({ selection, count, loaded, agents, tags, onStarted }: Props) {
  const { api } = useSession();
  const [draft, setDraft] = useState<BulkDraft>(NEW_DRAFT);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [templates, setTemplates] = useState<SendableTemplate[] | null>(null);
  const wantsTemplates = draft.choice === 'sendTemplate';

  useEffect(() => {
    if (!wantsTemplates) return;
    api.templates.list
      .query({ sendable: true })
      .then(setTemplates)
      .catch((e: unknown) => setError(leadErrorMessage(e)));
  }, [api, wantsTemplates]);

  const s = selection.selection;
  const matching = s.kind === 'matching';
  const howMany = matching
    ? count
      ? `all ${countLabel(count)} matching the filter`
      : 'every lead matching the filter'
    : `${formatNumber(s.ids.size)} ${s.ids.size === 1 ? 'lead' : 'leads'}`;
  const more = !matching && selection.allLoaded && count !== null && (count.capped || count.count > loaded);
  const action = bulkActionOf(draft);
  const names = {
    agent: agents.find((a) => a.id === draft.agentId)?.name,
    template: templates?.find((t) => t.id === draft.templateId)?.name,
  };

  async function start() {
    if (typeof action === 'string') return;
    setBusy(true);
    setError(null);
    try {
      const op = await api.leads.bulk.mutate({ target: selection.target(), action });
      onStarted(op, `${describeAction(action, names)} ${action.kind === 'sendTemplate' ? 'to' : 'for'} ${howMany}`);
      setDraft(NEW_DRAFT);
      setConfirming(false);
      selection.clear();
    } catch (e) {
      setError(leadErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <div className="bulk-row">
        <strong data-testid="bulk-selected">
          {matching ? `All matching leads selected (${count ? countLabel(count) : '…'})` : `${howMany} selected`}
        </strong>
        {more && count && (
          <button type="button" className="link" onClick={selection.selectMatching} data-testid="bulk-select-matching">
            Select all {countLabel(count)} matching the filter
          </button>
        )}
        <button type="button" className="link" onClick={selection.clear} data-testid="bulk-clear">
          Clear selection
        </button>
      </div>
      {!confirming ? (
        <div className="bulk-row">
          <select
            className="control"
            value={draft.choice}
            onChange={(e) => setDraft({ ...draft, choice: e.target.value as BulkChoice | '' })}
            aria-label="Bulk action"
            data-testid="bulk-action"
          >
            <option value="">Choose an action…</option>
            {BULK_CHOICES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <BulkActionFields draft={draft} onChange={setDraft} agents={agents} tags={tags} templates={templates} />
          <button
            type="button"
            className="primary"
            disabled={typeof action === 'string'}
            title={typeof action === 'string' ? action : undefined}
            onClick={() => setConfirming(true)}
            data-testid="bulk-apply"
          >
            Apply…
          </button>
        </div>
      ) : (
        typeof action !== 'string' && (
          <div className="bulk-row bulk-confirm" data-testid="bulk-confirm">
            <span>
              {describeAction(action, names)} {action.kind === 'sendTemplate' ? 'to' : 'for'}{' '}
              <strong data-testid="bulk-confirm-count">{howMany}</strong>?
              {action.kind === 'sendTemplate' && (
                <span className="muted"> Leads who may not receive it are skipped and reported with the reason.</span>
              )}
            </span>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              Back
            </button>
            <button type="button" className="primary" onClick={() => void start()} disabled={busy} data-testid="bulk-confirm-go">
              {busy ? 'Starting…' : 'Confirm'}
            </button>
          </div>
        )
      )}
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

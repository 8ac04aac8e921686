// The inputs of the chosen bulk action: a channel, a status, a consent source, a tag, an agent, or a template and
// the values of its variables that no lead field fills.
import type { BulkDraft } from './bulk-action.ts';
import { CHANNEL_LABELS, CHANNELS, STATUS_LABELS, STATUSES } from './lead-labels.ts';
import type { AgentOption, SendableTemplate, TagSuggestion } from './lead-types.ts';

interface Props {
  draft: BulkDraft;
  onChange(draft: BulkDraft): void;
  agents: AgentOption[];
  tags: TagSuggestion[];
  /** null while loading. */
  templates: SendableTemplate[] | null;
}

/** The template's variables without a binding: the sender types one value for every lead. */
export const typedVariables = (t: SendableTemplate | undefined) => (t?.variables ?? []).filter((v) => !v.binding).map((v) => v.name);

export function BulkActionFields({ draft, onChange, agents, tags, templates }: Props) {
  const set = (patch: Partial<BulkDraft>) => onChange({ ...draft, ...patch });
  switch (draft.choice) {
    case 'setChannel':
      return (
        <select
          className="control"
          value={draft.channel}
          onChange={(e) => set({ channel: e.target.value as BulkDraft['channel'] })}
          aria-label="Channel"
          data-testid="bulk-channel"
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
      );
    case 'setStatus':
      return (
        <select
          className="control"
          value={draft.status}
          onChange={(e) => set({ status: e.target.value as BulkDraft['status'] })}
          aria-label="Status"
          data-testid="bulk-status"
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      );
    case 'optIn':
    case 'optOut':
      return (
        <input
          className="control grow"
          value={draft.source}
          onChange={(e) => set({ source: e.target.value })}
          placeholder={draft.choice === 'optIn' ? 'Where they consented (required), e.g. web form' : 'Why (required), e.g. asked by phone'}
          aria-label="Consent source"
          required
          data-testid="bulk-source"
        />
      );
    case 'addTag':
    case 'removeTag':
      return (
        <input
          className="control"
          list="lead-tag-suggestions"
          value={draft.tag}
          onChange={(e) => set({ tag: e.target.value })}
          placeholder={tags[0] ? `Tag, e.g. ${tags[0].tag}` : 'Tag'}
          aria-label="Tag"
          data-testid="bulk-tag"
        />
      );
    case 'assignAgent':
      return (
        <select
          className="control"
          value={draft.agentId}
          onChange={(e) => set({ agentId: e.target.value })}
          aria-label="Agent"
          data-testid="bulk-agent"
        >
          <option value="">No agent (remove the owner)</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      );
    case 'sendTemplate': {
      if (templates === null) return <span className="muted">Loading templates…</span>;
      if (templates.length === 0) return <span className="muted">No approved template yet: submit one on the Templates screen.</span>;
      const chosen = templates.find((t) => t.id === draft.templateId);
      return (
        <>
          <select
            className="control"
            value={draft.templateId}
            onChange={(e) => {
              const t = templates.find((x) => x.id === e.target.value);
              set({ templateId: e.target.value, variables: Object.fromEntries(typedVariables(t).map((n) => [n, ''])) });
            }}
            aria-label="Template"
            data-testid="bulk-template"
          >
            <option value="">Choose a template…</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.language})
              </option>
            ))}
          </select>
          {typedVariables(chosen).map((name) => (
            <input
              key={name}
              className="control"
              value={draft.variables[name] ?? ''}
              onChange={(e) => set({ variables: { ...draft.variables, [name]: e.target.value } })}
              placeholder={`{{${name}}} for everyone`}
              aria-label={`Value of ${name}`}
            />
          ))}
        </>
      );
    }
    default:
      return null;
  }
}

// Outside the 24-hour window: pick an approved template, see it filled for this lead, type what no lead field
// fills, and send. The server's refusal (a missing value, no consent…) is shown as it words it.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { describeError, type TemplateSummary } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { WhatsAppBubble } from '../templates/WhatsAppBubble.tsx';
import { typedValues, useFilledTemplate } from './use-filled-template.ts';

export function TemplateComposer({ leadId }: { leadId: string }) {
  const { api } = useSession();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const filled = useFilledTemplate(leadId, templateId, values);
  const chosen = templates.find((t) => t.id === templateId);
  const unfilled = filled.askFor.filter((name) => !values[name]?.trim());

  const load = useCallback(() => {
    // The version sends use: a template with a newer draft still offers its approved version.
    api.templates.list
      .query({ sendable: true })
      .then(setTemplates)
      .catch(() => setTemplates([]));
  }, [api]);
  useEffect(load, [load]);
  useLiveEvent(['template.updated'], load);

  function choose(id: string) {
    setTemplateId(id);
    setValues({});
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!templateId) return;
    setBusy(true);
    setError(null);
    try {
      const variables = typedValues(values);
      await api.conversations.sendTemplate.mutate({ leadId, templateId, ...(Object.keys(variables).length ? { variables } : {}) });
      choose('');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="composer" onSubmit={submit} data-testid="composer">
      {(error ?? filled.error) && (
        <div className="alert" role="alert" data-testid="composer-error">
          {error ?? filled.error}
        </div>
      )}
      {templateId && (
        <div className="composer-template" data-testid="composer-template-preview">
          <div className="wa-chat light compact">
            {filled.preview ? (
              <WhatsAppBubble rendered={filled.preview.rendered} side="out" testId="composer-bubble" />
            ) : (
              <p className="wa-faint">Filling in…</p>
            )}
          </div>
          <div className="composer-values">
            {filled.askFor.length === 0 && filled.preview && <small className="muted">Every value comes from the lead’s details.</small>}
            {filled.askFor.length > 0 && <small className="muted">Not in the lead’s details; type it for this message:</small>}
            {filled.askFor.map((name) => {
              const example = chosen?.variables.find((v) => v.name === name)?.example;
              return (
                <label key={name} className="tfield">
                  <span>
                    <code>{name}</code>
                  </span>
                  <input
                    className="control"
                    value={values[name] ?? ''}
                    onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                    placeholder={example ? `e.g. ${example}` : undefined}
                    maxLength={1024}
                    data-testid={`composer-value-${name}`}
                  />
                </label>
              );
            })}
          </div>
        </div>
      )}
      <div className="composer-row">
        <select value={templateId} onChange={(e) => choose(e.target.value)} data-testid="composer-template" aria-label="Approved template">
          <option value="">
            {templates.length
              ? 'Outside the 24-hour window: pick an approved template'
              : 'No approved templates yet: create one in Templates'}
          </option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.language})
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="primary"
          disabled={busy || !templateId || unfilled.length > 0}
          title={unfilled.length ? `Type a value for ${unfilled.join(', ')}` : undefined}
          data-testid="composer-send-template"
        >
          {busy ? 'Sending…' : 'Send template'}
        </button>
      </div>
    </form>
  );
}

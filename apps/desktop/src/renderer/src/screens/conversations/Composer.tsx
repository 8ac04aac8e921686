// Writing to a lead: free text inside the 24-hour window; outside it only an approved template.
import { type FormEvent, useEffect, useState } from 'react';
import { describeError, type TemplateSummary } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';

interface Props {
  leadId: string;
  windowOpen: boolean;
  optedOut: boolean;
}

export function Composer({ leadId, windowOpen, optedOut }: Props) {
  const { api } = useSession();
  const [text, setText] = useState('');
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.templates.list
      .query({ status: 'approved' })
      .then(setTemplates)
      .catch(() => setTemplates([]));
  }, [api]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (windowOpen && text.trim()) {
        await api.conversations.sendText.mutate({ leadId, text });
        setText('');
      } else if (templateId) {
        await api.conversations.sendTemplate.mutate({ leadId, templateId });
        setTemplateId('');
      }
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  if (optedOut) return <div className="composer-note">This lead opted out of WhatsApp. Messages cannot be sent until they send START.</div>;
  return (
    <form className="composer" onSubmit={submit} data-testid="composer">
      {error && (
        <div className="alert" role="alert" data-testid="composer-error">
          {error}
        </div>
      )}
      {windowOpen ? (
        <div className="composer-row">
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Write a WhatsApp message"
            rows={2}
            maxLength={1600}
            data-testid="composer-text"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <button type="submit" className="primary" disabled={busy || !text.trim()} data-testid="composer-send">
            Send
          </button>
        </div>
      ) : (
        <div className="composer-row">
          <select
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
            data-testid="composer-template"
            aria-label="Approved template"
          >
            <option value="">
              {templates.length ? 'Outside the 24-hour window: pick an approved template' : 'No approved templates yet'}
            </option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.language})
              </option>
            ))}
          </select>
          <button type="submit" className="primary" disabled={busy || !templateId} data-testid="composer-send-template">
            Send template
          </button>
        </div>
      )}
    </form>
  );
}

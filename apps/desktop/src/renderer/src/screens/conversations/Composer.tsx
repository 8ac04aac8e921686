// Writing to a lead: free text inside the 24-hour window; outside it only an approved template.
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/client.ts';
import { useSession } from '../../api/session-context.tsx';
import { TemplateComposer } from './TemplateComposer.tsx';

interface Props {
  leadId: string;
  windowOpen: boolean;
  optedOut: boolean;
}

export function Composer({ leadId, windowOpen, optedOut }: Props) {
  const { api } = useSession();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api.conversations.sendText.mutate({ leadId, text });
      setText('');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  if (optedOut) return <div className="composer-note">This lead opted out of WhatsApp. Messages cannot be sent until they send START.</div>;
  if (!windowOpen) return <TemplateComposer leadId={leadId} />;
  return (
    <form className="composer" onSubmit={submit} data-testid="composer">
      {error && (
        <div className="alert" role="alert" data-testid="composer-error">
          {error}
        </div>
      )}
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
    </form>
  );
}

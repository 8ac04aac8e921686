// Beside the form: the template as the lead will see it in WhatsApp (light or dark), and what Twilio is sent.
import { useState } from 'react';
import type { TemplatePreview } from '../../api/client.ts';
import { WhatsAppBubble } from './WhatsAppBubble.tsx';

type Theme = 'light' | 'dark';

export function TemplatePreviewPanel({ preview }: { preview: TemplatePreview | null }) {
  const [theme, setTheme] = useState<Theme>('light');
  return (
    <section className="card preview-panel" data-testid="template-preview">
      <div className="label-row">
        <h3>Preview</h3>
        <div className="segmented">
          {(['light', 'dark'] as const).map((t) => (
            <button
              key={t}
              type="button"
              aria-pressed={theme === t}
              className={theme === t ? 'active' : ''}
              onClick={() => setTheme(t)}
              data-testid={`preview-theme-${t}`}
            >
              {t === 'light' ? 'Light' : 'Dark'}
            </button>
          ))}
        </div>
      </div>
      <div className={`wa-chat ${theme}`} data-testid="wa-chat" data-theme={theme}>
        {preview ? <WhatsAppBubble rendered={preview.rendered} /> : <p className="wa-faint">Loading preview…</p>}
      </div>
      <small className="muted">As your lead sees it, with the example values.</small>
      {preview && (
        <div className="twilio-payload" data-testid="twilio-payload">
          <div className="label-row">
            <strong>What Twilio receives</strong>
            <code>{preview.twilio.contentType}</code>
          </div>
          <pre>{preview.twilio.body || ' '}</pre>
          {Object.keys(preview.twilio.variables).length > 0 && (
            <div className="twilio-variables">
              {Object.entries(preview.twilio.variables).map(([n, name]) => (
                <span key={n}>
                  <code>{`{{${n}}}`}</code> {name}
                </span>
              ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

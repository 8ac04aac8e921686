// One library template: what it is for, its category, and its message as a small bubble with the example values.
import type { LibraryTemplate } from '../../api/client.ts';
import { categoryLabel, industryLabel } from './template-labels.ts';
import { WhatsAppBubble } from './WhatsAppBubble.tsx';

/** The body with each variable's example, as the editor's preview would show it (no server call per card). */
function withExamples(entry: LibraryTemplate): string {
  const examples = new Map(entry.definition.variables?.map((v) => [v.name, v.example]) ?? []);
  return entry.definition.body.replace(/\{\{([a-z][a-z0-9_]*)\}\}/g, (raw, name: string) => examples.get(name) || raw);
}

interface Props {
  entry: LibraryTemplate;
  busy: boolean;
  disabled: boolean;
  onUse(): void;
}

export function LibraryCard({ entry, busy, disabled, onUse }: Props) {
  const buttons = (entry.definition.buttons ?? []).map((b) => (b.type === 'quick_reply' ? { ...b, payload: b.payload ?? '' } : b));
  return (
    <article className="library-card" data-testid="library-entry" data-key={entry.key}>
      <div className="library-card-text">
        <h3>{entry.title}</h3>
        <p className="muted">{entry.description}</p>
        <div className="badges">
          <span className="badge">{industryLabel(entry.industry)}</span>
          <span className="badge neutral">{categoryLabel(entry.definition.category)}</span>
        </div>
      </div>
      <div className="wa-chat light compact">
        <WhatsAppBubble
          rendered={{
            body: withExamples(entry),
            buttons,
            ...(entry.definition.header ? { header: entry.definition.header } : {}),
            ...(entry.definition.footer ? { footer: entry.definition.footer } : {}),
          }}
          testId="library-bubble"
        />
      </div>
      <button type="button" className="primary library-card-use" onClick={onUse} disabled={disabled} data-testid="library-use">
        {busy ? 'Copying…' : 'Use this template'}
      </button>
    </article>
  );
}

// Buttons: up to ten quick replies, or call-to-action buttons (up to two links and one phone call), never both.
import { useState } from 'react';
import { FieldIssues } from './FieldIssues.tsx';
import { TextField } from './TextField.tsx';
import type { DraftButton } from './template-draft.ts';
import type { IssueLookup } from './template-issues.ts';

type Mode = 'none' | 'quick_reply' | 'call_to_action';
const MAX_QUICK_REPLIES = 10;
const MAX_LINKS = 2;

const modeOf = (buttons: DraftButton[]): Mode =>
  buttons.length === 0 ? 'none' : buttons.some((b) => b.type === 'quick_reply') ? 'quick_reply' : 'call_to_action';

interface Props {
  buttons: DraftButton[];
  onChange(buttons: DraftButton[]): void;
  issues: IssueLookup;
}

export function ButtonsEditor({ buttons, onChange, issues }: Props) {
  // The chosen kind outlives its last button, so removing every quick reply does not hide the "Add" control.
  const [chosen, setChosen] = useState<Mode>(() => modeOf(buttons));
  const mode = buttons.length ? modeOf(buttons) : chosen;
  const count = (type: DraftButton['type']) => buttons.filter((b) => b.type === type).length;
  const set = (i: number, button: DraftButton) => onChange(buttons.map((b, j) => (j === i ? button : b)));
  const remove = (i: number) => onChange(buttons.filter((_, j) => j !== i));
  const add = (button: DraftButton) => onChange([...buttons, button]);

  function choose(next: Mode) {
    setChosen(next);
    // Quick replies and call-to-action buttons cannot be mixed: switching starts the new kind afresh.
    if (next !== mode) onChange(next === 'quick_reply' ? [{ type: 'quick_reply', text: '' }] : []);
  }

  return (
    <div className="form-section">
      <div className="label-row">
        <span className="section-label">Buttons</span>
        <div className="segmented">
          {(
            [
              ['none', 'None'],
              ['quick_reply', 'Quick replies'],
              ['call_to_action', 'Link and call'],
            ] as const
          ).map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={mode === value}
              className={mode === value ? 'active' : ''}
              onClick={() => choose(value)}
              data-testid={`buttons-mode-${value}`}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      <FieldIssues messages={issues('buttons')} />
      {buttons.map((button, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a button is its position (issues name buttons.<index>)
        <div key={i} className="button-row" data-testid="template-button">
          <TextField
            label={button.type === 'quick_reply' ? `Reply ${i + 1}` : button.type === 'url' ? 'Link button' : 'Call button'}
            value={button.text}
            onChange={(text) => set(i, { ...button, text })}
            issues={issues(`buttons.${i}.text`)}
            placeholder={button.type === 'quick_reply' ? 'Yes, call me' : button.type === 'url' ? 'Book a viewing' : 'Call us'}
            maxLength={100}
            testId={`button-text-${i}`}
          />
          {button.type === 'quick_reply' && (
            <TextField
              label="Reply code (optional)"
              value={button.payload ?? ''}
              onChange={(payload) => set(i, { type: 'quick_reply', text: button.text, ...(payload ? { payload } : {}) })}
              issues={issues(`buttons.${i}.payload`)}
              placeholder="from the text"
              maxLength={256}
              testId={`button-payload-${i}`}
            />
          )}
          {button.type === 'url' && (
            <TextField
              label="Opens"
              value={button.url}
              onChange={(url) => set(i, { ...button, url })}
              issues={issues(`buttons.${i}.url`)}
              placeholder="https://example.com/book"
              maxLength={2000}
              testId={`button-url-${i}`}
            />
          )}
          {button.type === 'phone' && (
            <TextField
              label="Calls"
              value={button.phone}
              onChange={(phone) => set(i, { ...button, phone })}
              issues={issues(`buttons.${i}.phone`)}
              placeholder="+14155550123"
              maxLength={32}
              testId={`button-phone-${i}`}
            />
          )}
          <button type="button" className="icon" onClick={() => remove(i)} aria-label={`Remove button ${i + 1}`}>
            ×
          </button>
        </div>
      ))}
      {mode === 'quick_reply' && (
        <button
          type="button"
          className="small add"
          disabled={count('quick_reply') >= MAX_QUICK_REPLIES}
          onClick={() => add({ type: 'quick_reply', text: '' })}
          data-testid="add-quick-reply"
        >
          + Quick reply {count('quick_reply') >= MAX_QUICK_REPLIES ? '(ten at most)' : ''}
        </button>
      )}
      {mode === 'call_to_action' && (
        <div className="row-actions">
          <button
            type="button"
            className="small add"
            disabled={count('url') >= MAX_LINKS}
            onClick={() => add({ type: 'url', text: '', url: 'https://' })}
          >
            + Link button
          </button>
          <button
            type="button"
            className="small add"
            disabled={count('phone') >= 1}
            onClick={() => add({ type: 'phone', text: '', phone: '' })}
          >
            + Call button
          </button>
        </div>
      )}
    </div>
  );
}

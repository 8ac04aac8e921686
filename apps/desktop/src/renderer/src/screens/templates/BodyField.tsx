// The message text, with variable insertion at the cursor and a count against WhatsApp's limit.
import { useId, useRef } from 'react';
import { FieldIssues } from './FieldIssues.tsx';
import { InsertVariable } from './InsertVariable.tsx';

const BODY_LIMIT = 1024;

interface Props {
  body: string;
  onChange(body: string): void;
  /** Puts {{name}} into the text (already spliced in) and declares the variable. */
  onInsertVariable(name: string, body: string): void;
  declared: string[];
  issues: string[];
}

export function BodyField({ body, onChange, onInsertVariable, declared, issues }: Props) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);

  function insert(name: string) {
    const el = textarea.current;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const token = `{{${name}}}`;
    onInsertVariable(name, body.slice(0, start) + token + body.slice(end));
    // After React writes the new text, put the cursor right after the variable to keep typing.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <div className={`tfield${issues.length ? ' invalid' : ''}`}>
      <div className="label-row">
        <label htmlFor={id}>Message</label>
        <InsertVariable declared={declared} onInsert={insert} />
      </div>
      <textarea
        className="control"
        id={id}
        ref={textarea}
        value={body}
        onChange={(e) => onChange(e.target.value)}
        rows={6}
        maxLength={4096}
        placeholder="Hi {{first_name}}, thanks for your interest in…"
        aria-invalid={issues.length > 0}
        data-testid="template-body"
      />
      <div className="label-row">
        <small className="muted">WhatsApp formatting: *bold*, _italic_, ~strikethrough~. Variables look like {'{{first_name}}'}.</small>
        <small className={body.length > BODY_LIMIT ? 'field-error' : 'muted'}>
          {body.length} / {BODY_LIMIT}
        </small>
      </div>
      <FieldIssues messages={issues} testId="body-issues" />
    </div>
  );
}

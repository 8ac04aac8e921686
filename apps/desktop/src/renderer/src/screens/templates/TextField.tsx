// A labelled one-line input of the template form, with a hint and the WhatsApp problems with it underneath.
import { useId } from 'react';
import { FieldIssues } from './FieldIssues.tsx';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  issues?: string[];
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  testId?: string;
  disabled?: boolean;
  className?: string;
}

export function TextField({ label, value, onChange, issues = [], hint, placeholder, maxLength, testId, disabled, className }: Props) {
  const id = useId();
  return (
    <div className={`tfield${issues.length ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        className="control"
        id={id}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={issues.length > 0}
        data-testid={testId}
      />
      {hint && !issues.length && <small className="muted">{hint}</small>}
      <FieldIssues messages={issues} />
    </div>
  );
}

// A labelled input with its validation message underneath.
import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  type?: string;
  testId?: string;
  autoFocus?: boolean;
  placeholder?: string;
}

export function Field({ label, value, onChange, error, type = 'text', testId, autoFocus, placeholder }: Props) {
  const id = useId();
  return (
    <label className={`field${error ? ' invalid' : ''}`} htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type={type}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        data-testid={testId}
        // biome-ignore lint/a11y/noAutofocus: the first field of a form the user came to fill
        autoFocus={autoFocus}
      />
      {error && <small className="field-error">{error}</small>}
    </label>
  );
}

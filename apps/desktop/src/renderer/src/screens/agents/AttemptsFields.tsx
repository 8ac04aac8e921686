// How often the agent tries a lead who has not answered: attempts (the first included) and the least time between.
import { useId } from 'react';
import { FieldIssues } from '../templates/FieldIssues.tsx';
import type { ChannelSettings } from './agent-types.ts';
import { SpacingField } from './SpacingField.tsx';

interface Props {
  settings: ChannelSettings;
  onChange(patch: Partial<ChannelSettings>): void;
  attemptsIssues: string[];
  spacingIssues: string[];
  testId: string;
}

export function AttemptsFields({ settings, onChange, attemptsIssues, spacingIssues, testId }: Props) {
  const id = useId();
  const single = settings.maxAttempts === 1;
  return (
    <div className="form-row attempts-row" data-testid={testId}>
      <div className={`tfield${attemptsIssues.length ? ' invalid' : ''}`}>
        <label htmlFor={id}>Attempts</label>
        <input
          id={id}
          type="number"
          className="control attempts-input"
          min={1}
          max={20}
          step={1}
          value={Number.isNaN(settings.maxAttempts) ? '' : settings.maxAttempts}
          onChange={(e) => onChange({ maxAttempts: e.target.valueAsNumber })}
          aria-invalid={attemptsIssues.length > 0}
          data-testid={`${testId}-max`}
        />
        {!attemptsIssues.length && <small className="muted">Per lead, the first included.</small>}
        <FieldIssues messages={attemptsIssues} />
      </div>
      <SpacingField
        label="Time between attempts"
        minutes={settings.retrySpacingMinutes}
        onChange={(retrySpacingMinutes) => onChange({ retrySpacingMinutes })}
        issues={spacingIssues}
        disabled={single}
        hint={single ? 'One attempt: no retries.' : 'At least this long, then the next open hour.'}
        testId={`${testId}-spacing`}
      />
    </div>
  );
}

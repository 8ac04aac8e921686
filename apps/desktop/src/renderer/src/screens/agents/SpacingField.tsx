// A duration typed as a number and a unit (minutes, hours or days), kept in minutes. The unit stays as the user
// chose it while typing: 120 minutes does not jump to 2 hours under their cursor.
import { useId, useState } from 'react';
import { FieldIssues } from '../templates/FieldIssues.tsx';
import { MINUTES_PER_UNIT, type SpacingUnit, spacingUnitOf } from './agent-labels.ts';

interface Props {
  label: string;
  minutes: number;
  onChange(minutes: number): void;
  issues: string[];
  hint: string;
  disabled?: boolean;
  testId: string;
}

export function SpacingField({ label, minutes, onChange, issues, hint, disabled, testId }: Props) {
  const id = useId();
  const [unit, setUnit] = useState<SpacingUnit>(() => spacingUnitOf(minutes));
  const amount = minutes / MINUTES_PER_UNIT[unit];
  return (
    <div className={`tfield${issues.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="spacing-inputs">
        <input
          id={id}
          type="number"
          className="control spacing-amount"
          min={0}
          step="any"
          value={Number.isNaN(amount) ? '' : Number(amount.toFixed(2))}
          onChange={(e) => onChange(Math.round(e.target.valueAsNumber * MINUTES_PER_UNIT[unit]))}
          disabled={disabled}
          aria-invalid={issues.length > 0}
          data-testid={`${testId}-amount`}
        />
        <select
          className="control"
          value={unit}
          onChange={(e) => {
            const next = e.target.value as SpacingUnit;
            setUnit(next);
            // The number stays, read in the new unit: "2 hours" becomes "2 days".
            if (!Number.isNaN(amount)) onChange(Math.round(amount * MINUTES_PER_UNIT[next]));
          }}
          disabled={disabled}
          aria-label={`${label}: unit`}
          data-testid={`${testId}-unit`}
        >
          {(Object.keys(MINUTES_PER_UNIT) as SpacingUnit[]).map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
      {!issues.length && <small className="muted">{hint}</small>}
      <FieldIssues messages={issues} />
    </div>
  );
}

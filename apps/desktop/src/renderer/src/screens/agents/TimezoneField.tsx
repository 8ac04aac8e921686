// The schedule's time zone, which reads the hours for leads whose own zone is unknown: a common one from the list, or
// any IANA name typed in ("Other"). UTC gets a nudge: agents from the library start there (the company has no zone).
import { useId, useState } from 'react';
import { FieldIssues } from '../templates/FieldIssues.tsx';
import { zoneLabel } from './hours-summary.ts';
import { COMMON_TIME_ZONES, offsetLabel } from './time-zones.ts';

interface Props {
  value: string;
  onChange(timezone: string): void;
  issues: string[];
  testId: string;
}

const OTHER = '__other__';

export function TimezoneField({ value, onChange, issues, testId }: Props) {
  const id = useId();
  const [typing, setTyping] = useState(() => !COMMON_TIME_ZONES.includes(value));
  return (
    <div className={`tfield timezone-field${issues.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>Time zone</label>
      <div className="timezone-inputs">
        <select
          id={id}
          className="control"
          value={typing ? OTHER : value}
          onChange={(e) => {
            const next = e.target.value;
            setTyping(next === OTHER);
            if (next !== OTHER) onChange(next);
          }}
          aria-invalid={issues.length > 0}
          data-testid={testId}
        >
          {COMMON_TIME_ZONES.map((zone) => (
            <option key={zone} value={zone}>
              {zoneLabel(zone) === zone ? zone : `${zoneLabel(zone)} · ${zone}`} ({offsetLabel(zone)})
            </option>
          ))}
          <option value={OTHER}>Other: type a name…</option>
        </select>
        {typing && (
          <input
            className="control grow"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            placeholder="Area/City, like Asia/Manila"
            aria-label="Time zone name"
            aria-invalid={issues.length > 0}
            data-testid={`${testId}-other`}
          />
        )}
      </div>
      {value === 'UTC' && !issues.length && (
        <small className="hours-warning">
          Leads with no known zone are reached on UTC hours: pick the zone most of your leads live in.
        </small>
      )}
      <FieldIssues messages={issues} />
    </div>
  );
}

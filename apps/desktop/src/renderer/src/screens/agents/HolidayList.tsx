// The dates on which the schedule stays closed (no call or message starts), in the schedule's zone.
import { useState } from 'react';
import { FieldIssues } from '../templates/FieldIssues.tsx';
import type { IssueLookup } from './agent-issues.ts';

interface Props {
  holidays: string[];
  onChange(holidays: string[]): void;
  issues: IssueLookup;
  path: string;
  testId: string;
}

// Read as a calendar date, not an instant: 2026-12-25 is the 25th wherever the console runs.
const dateFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateLabel = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
};

export function HolidayList({ holidays, onChange, issues, path, testId }: Props) {
  const [adding, setAdding] = useState('');
  const add = () => {
    if (!adding) return;
    onChange([...new Set([...holidays, adding])].sort());
    setAdding('');
  };
  return (
    <div className="holidays" data-testid={testId}>
      <div className="hours-head">
        <span className="section-label">Holidays</span>
        <small className="muted">Closed all day, whatever the weekly hours say.</small>
      </div>
      {holidays.length > 0 && (
        <ul className="holiday-list">
          {holidays.map((date, i) => (
            <li
              key={date}
              className={`holiday${issues(`${path}.${i}`).length ? ' invalid' : ''}`}
              data-testid={`${testId}-item`}
              data-date={date}
            >
              <span>{dateLabel(date)}</span>
              <button
                type="button"
                className="icon"
                onClick={() => onChange(holidays.filter((d) => d !== date))}
                aria-label={`Remove ${date}`}
              >
                ×
              </button>
              <FieldIssues messages={issues(`${path}.${i}`)} />
            </li>
          ))}
        </ul>
      )}
      <div className="holiday-add">
        <input
          type="date"
          className="control"
          value={adding}
          onChange={(e) => setAdding(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          aria-label="Holiday date"
          data-testid={`${testId}-date`}
        />
        <button type="button" className="small" onClick={add} disabled={!adding} data-testid={`${testId}-add`}>
          Add holiday
        </button>
      </div>
      <FieldIssues messages={issues(path)} />
    </div>
  );
}

// One day of a schedule: open or closed, and its ranges (from–to, an end at or before the start running into the
// next day). Closing a day remembers its ranges, so opening it again brings them back.
import { useRef } from 'react';
import { FieldIssues } from '../templates/FieldIssues.tsx';
import type { IssueLookup } from './agent-issues.ts';
import type { TimeRange, Weekday } from './agent-types.ts';
import { DAY_NAMES, DEFAULT_RANGE, runsPastMidnight } from './business-hours.ts';

interface Props {
  day: Weekday;
  ranges: TimeRange[];
  onChange(ranges: TimeRange[]): void;
  /** Monday offers to copy its hours to Tuesday–Friday. */
  onCopyToWeekdays: (() => void) | undefined;
  issues: IssueLookup;
  path: string;
  testId: string;
}

// A time input cannot hold "24:00": midnight at the end of a day shows as 00:00, which means the same there.
const shown = (time: string) => (time === '24:00' ? '00:00' : time);

export function DayRow({ day, ranges, onChange, onCopyToWeekdays, issues, path, testId }: Props) {
  const remembered = useRef<TimeRange[]>([]);
  const open = ranges.length > 0;
  const setRange = (i: number, patch: Partial<TimeRange>) => onChange(ranges.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const toggle = () => {
    if (open) remembered.current = ranges;
    onChange(open ? [] : remembered.current.length ? remembered.current : [DEFAULT_RANGE]);
  };
  const addRange = () => {
    const last = ranges.at(-1);
    // The next range starts an hour after the last one ends, a likely second shift.
    const start = last ? `${String((Number(last.end.slice(0, 2)) + 1) % 24).padStart(2, '0')}:00` : DEFAULT_RANGE.start;
    const end = `${String((Number(start.slice(0, 2)) + 4) % 24).padStart(2, '0')}:00`;
    onChange([...ranges, { start, end }]);
  };

  return (
    <div className={`day-row${open ? '' : ' closed'}`} data-testid={testId}>
      <label className="day-name">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={open}
          aria-checked={open}
          onChange={toggle}
          data-testid={`${testId}-open`}
        />
        <span>{DAY_NAMES[day]}</span>
      </label>
      <div className="day-ranges">
        {!open && <span className="muted">Closed</span>}
        {ranges.map((range, i) => {
          const rangeIssues = [...issues(`${path}.${i}`), ...issues(`${path}.${i}.start`), ...issues(`${path}.${i}.end`)];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a range is its position while its times are edited
            <div key={i} className={`range-row${rangeIssues.length ? ' invalid' : ''}`} data-testid={`${testId}-range`}>
              <div className="range-inputs">
                <input
                  type="time"
                  className="control time-input"
                  value={shown(range.start)}
                  onChange={(e) => setRange(i, { start: e.target.value })}
                  aria-label={`${DAY_NAMES[day]} range ${i + 1}: from`}
                  aria-invalid={rangeIssues.length > 0}
                  data-testid={`${testId}-start-${i}`}
                />
                <span className="muted">to</span>
                <input
                  type="time"
                  className="control time-input"
                  value={shown(range.end)}
                  onChange={(e) => setRange(i, { end: e.target.value })}
                  aria-label={`${DAY_NAMES[day]} range ${i + 1}: to`}
                  aria-invalid={rangeIssues.length > 0}
                  data-testid={`${testId}-end-${i}`}
                />
                {runsPastMidnight(range) && <span className="next-day">next day</span>}
                <button type="button" className="icon" onClick={() => onChange(ranges.filter((_, j) => j !== i))} aria-label="Remove range">
                  ×
                </button>
              </div>
              <FieldIssues messages={rangeIssues} testId={`${testId}-issue`} />
            </div>
          );
        })}
        <FieldIssues messages={issues(path)} testId={`${testId}-issue`} />
        {open && (
          <div className="day-actions">
            <button type="button" className="link small-text" onClick={addRange} data-testid={`${testId}-add`}>
              + Add range
            </button>
            {onCopyToWeekdays && (
              <button type="button" className="link small-text" onClick={onCopyToWeekdays} data-testid={`${testId}-copy`}>
                Copy Monday to Tue–Fri
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

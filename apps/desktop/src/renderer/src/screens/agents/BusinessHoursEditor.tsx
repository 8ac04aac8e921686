// A weekly schedule: its time zone, each day's ranges (several a day, past midnight allowed, or closed), the
// holidays, and the whole in one line. The server's objections show at the day, range or date they name.
import { FieldIssues } from '../templates/FieldIssues.tsx';
import type { IssueLookup } from './agent-issues.ts';
import type { BusinessHours } from './agent-types.ts';
import { copyMondayToWeekdays, WEEKDAYS, withDay } from './business-hours.ts';
import { DayRow } from './DayRow.tsx';
import { HolidayList } from './HolidayList.tsx';
import { HoursSummary } from './HoursSummary.tsx';
import { TimezoneField } from './TimezoneField.tsx';

interface Props {
  title: string;
  hours: BusinessHours;
  onChange(hours: BusinessHours): void;
  issues: IssueLookup;
  /** Where the server's objections to this schedule point, like settings.whatsapp.businessHours. */
  path: string;
  testId: string;
}

export function BusinessHoursEditor({ title, hours, onChange, issues, path, testId }: Props) {
  return (
    <div className="hours-editor" data-testid={testId}>
      <div className="hours-head">
        <span className="section-label">Business hours</span>
        <small className="muted">{title}, in the lead’s own time when their zone is known, else in this zone.</small>
      </div>
      <div className="hours-summary" data-testid={`${testId}-summary`}>
        <HoursSummary hours={hours} />
      </div>
      <FieldIssues messages={[...issues(path), ...issues(`${path}.days`)]} />
      <TimezoneField
        value={hours.timezone}
        onChange={(timezone) => onChange({ ...hours, timezone })}
        issues={issues(`${path}.timezone`)}
        testId={`${testId}-timezone`}
      />
      <div className="day-rows">
        {WEEKDAYS.map((day) => (
          <DayRow
            key={day}
            day={day}
            ranges={hours.days[day]}
            onChange={(ranges) => onChange(withDay(hours, day, ranges))}
            onCopyToWeekdays={day === 'mon' ? () => onChange(copyMondayToWeekdays(hours)) : undefined}
            issues={issues}
            path={`${path}.days.${day}`}
            testId={`${testId}-${day}`}
          />
        ))}
      </div>
      <HolidayList
        holidays={hours.holidays}
        onChange={(holidays) => onChange({ ...hours, holidays })}
        issues={issues}
        path={`${path}.holidays`}
        testId={`${testId}-holidays`}
      />
    </div>
  );
}

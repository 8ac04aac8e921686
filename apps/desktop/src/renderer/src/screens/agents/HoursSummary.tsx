// A schedule's one-line summary, drawn so that a line breaks between its pieces, never inside a time range.
import { Fragment } from 'react';
import type { BusinessHours } from './agent-types.ts';
import { hoursSummaryParts } from './hours-summary.ts';

export function HoursSummary({ hours }: { hours: BusinessHours }) {
  const { week, zone, holidays } = hoursSummaryParts(hours);
  return (
    <>
      {week.map((group, i) => (
        <Fragment key={group}>
          {i > 0 && '; '}
          <span className="summary-part">{group}</span>
        </Fragment>
      ))}
      {' · '}
      <span className="summary-part">{zone}</span>
      {holidays && ' · '}
      {holidays && <span className="summary-part">{holidays}</span>}
    </>
  );
}

// Whether the agent may reach the lead on a channel now, or when it next may, in the lead's time when known.
import { zoneLabel } from './hours-summary.ts';

interface Props {
  timing: { openNow: boolean; nextAllowedAt: string | null };
  verb: 'call' | 'message';
  /** The lead's zone, or null to read the time in the schedule's zone. */
  leadTimezone: string | null;
  scheduleTimezone: string;
  testId: string;
}

const WEEK_MS = 6 * 24 * 60 * 60 * 1000;

/** "Tue 9:00" within the coming week, "Fri 25 Dec, 9:00" after it. */
export function nextAllowedLabel(at: Date, timezone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: timezone,
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${Number(part('hour'))}:${part('minute')}`;
  return at.getTime() - now.getTime() < WEEK_MS
    ? `${part('weekday')} ${time}`
    : `${part('weekday')} ${part('day')} ${part('month')}, ${time}`;
}

export function ChannelTiming({ timing, verb, leadTimezone, scheduleTimezone, testId }: Props) {
  if (timing.openNow)
    return (
      <span className="pill ok" data-testid={testId} data-open="true">
        Can {verb} now
      </span>
    );
  if (!timing.nextAllowedAt)
    return (
      <span className="pill danger" data-testid={testId} data-open="false">
        Never: the schedule has no open hours
      </span>
    );
  const zone = leadTimezone ?? scheduleTimezone;
  const whose = leadTimezone ? 'lead’s time' : `${zoneLabel(scheduleTimezone)} time`;
  return (
    <span className="pill warn" data-testid={testId} data-open="false">
      Next allowed: {nextAllowedLabel(new Date(timing.nextAllowedAt), zone)} ({whose})
    </span>
  );
}

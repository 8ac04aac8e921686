// Everything that happened with the lead, oldest first: WhatsApp messages as the Conversations screen draws them,
// and calls as rows with their outcome and length.
import { MessageBubble } from '../conversations/MessageBubble.tsx';
import { CALL_OUTCOMES, dateTimeFormat } from './lead-labels.ts';
import type { LeadCall, LeadTimelineEntry } from './lead-types.ts';

function duration(seconds: number | null): string | null {
  if (seconds === null) return null;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function CallRow({ call, at }: { call: LeadCall; at: string }) {
  const length = duration(call.durationSeconds);
  return (
    <div className={`lead-call ${call.outcome}`} data-testid="timeline-call">
      <span className="lead-call-icon" aria-hidden>
        ☎
      </span>
      <span>
        <strong>Call</strong> · {CALL_OUTCOMES[call.outcome] ?? call.outcome}
        {length && <span className="muted"> · {length}</span>}
      </span>
      <span className="muted small-text">{dateTimeFormat.format(new Date(at))}</span>
    </div>
  );
}

export function LeadTimeline({ entries }: { entries: LeadTimelineEntry[] | null }) {
  if (entries === null) return <p className="muted">Loading the timeline…</p>;
  if (entries.length === 0) return <p className="muted">No messages or calls yet.</p>;
  return (
    <div className="lead-timeline" data-testid="lead-timeline">
      {entries.map((entry, i) => {
        const showDay = i === 0 || entries[i - 1]?.at.slice(0, 10) !== entry.at.slice(0, 10);
        return (
          <div key={entry.kind === 'message' ? entry.message.id : entry.call.id} className="lead-timeline-entry">
            {showDay && (
              <div className="lead-timeline-day">{new Date(entry.at).toLocaleDateString(undefined, { dateStyle: 'medium' })}</div>
            )}
            {entry.kind === 'message' ? <MessageBubble message={entry.message} /> : <CallRow call={entry.call} at={entry.at} />}
          </div>
        );
      })}
    </div>
  );
}

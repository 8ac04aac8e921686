// Message rows changed by the send worker, published on their companies' event streams in one round trip.
import type { Clock } from '../clock/clock.ts';
import type { EventStream } from '../events/event-stream.ts';
import { type MessageViewRow, messageViewFromRow } from './message-view.ts';

export async function publishMessageRows(deps: { events: EventStream; clock: Clock }, rows: MessageViewRow[]): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.events.publishMany(
    rows.map((row) => ({ companyId: row.company_id, event: { type: 'message.status', at, data: { message: messageViewFromRow(row) } } })),
  );
}

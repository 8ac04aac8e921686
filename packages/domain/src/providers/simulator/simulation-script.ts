// What the simulated WhatsApp network does with a message: the status callbacks Twilio would send (in the
// order they would arrive, repeats included), and what the simulated lead replies. Chosen from the message
// id, so the same message always plays out the same way.
import { createHash } from 'node:crypto';

export interface SimulatedCallback {
  afterMs: number;
  status: 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered';
  errorCode?: number;
}

export interface SimulatedReply {
  afterMs: number;
  body: string;
}

export interface Simulation {
  callbacks: SimulatedCallback[];
  reply: SimulatedReply | null;
}

const REPLIES = ['Sounds good, thanks!', 'Can you call me tomorrow?', 'What times do you have on Saturday?', 'Yes, I am interested', '👍'];

/** 0–99 from the message id. */
export function bucketOf(messageId: string): number {
  return (createHash('sha256').update(messageId).digest()[0] as number) % 100;
}

export function simulationFor(messageId: string, body: string | null): Simulation {
  const text = (body ?? '').toLowerCase();
  // A phrase for demos and tests: the lead answers STOP.
  if (text.includes('simulate stop')) {
    return {
      callbacks: [
        { afterMs: 300, status: 'sent' },
        { afterMs: 600, status: 'delivered' },
      ],
      reply: { afterMs: 1200, body: 'STOP' },
    };
  }
  if (text.includes('simulate failure')) return { callbacks: [{ afterMs: 400, status: 'failed', errorCode: 63024 }], reply: null };
  const bucket = bucketOf(messageId);
  if (bucket < 5) return { callbacks: [{ afterMs: 400, status: 'undelivered', errorCode: 63003 }], reply: null };
  if (bucket < 8)
    return {
      callbacks: [
        { afterMs: 300, status: 'sent' },
        { afterMs: 900, status: 'failed', errorCode: 63024 },
      ],
      reply: null,
    };
  const reply = bucket % 3 === 0 ? { afterMs: 2500, body: REPLIES[bucket % REPLIES.length] as string } : null;
  if (bucket < 20) {
    // Out of order and repeated, as real callbacks can be.
    return {
      callbacks: [
        { afterMs: 300, status: 'sent' },
        { afterMs: 700, status: 'read' },
        { afterMs: 750, status: 'delivered' },
        { afterMs: 800, status: 'read' },
      ],
      reply,
    };
  }
  return {
    callbacks: [
      { afterMs: 300, status: 'sent' },
      { afterMs: 800, status: 'delivered' },
      { afterMs: 1800, status: 'read' },
    ],
    reply,
  };
}

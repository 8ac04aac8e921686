// WhatsApp's 24-hour customer service window: free-form messages only within 24 h of the lead's last message.
export const WINDOW_MS = 24 * 60 * 60 * 1000;
/** Sends that would reach Twilio in the window's last minutes are treated as outside it (queue and clock slack). */
export const WINDOW_SAFETY_MARGIN_MS = 10 * 60 * 1000;

export const windowEndsAt = (lastInboundAt: Date): Date => new Date(lastInboundAt.getTime() + WINDOW_MS);

export interface WindowState {
  open: boolean;
  endsAt: Date | null;
  /** Milliseconds left, 0 when closed. */
  remainingMs: number;
}

export function windowState(endsAt: Date | null | undefined, now: Date): WindowState {
  if (!endsAt) return { open: false, endsAt: null, remainingMs: 0 };
  const remainingMs = Math.max(0, endsAt.getTime() - now.getTime());
  return { open: remainingMs > 0, endsAt, remainingMs };
}

/** May a free-form message be sent now? Keeps the safety margin before the window closes. */
export function canSendFreeForm(endsAt: Date | null | undefined, now: Date, marginMs = WINDOW_SAFETY_MARGIN_MS): boolean {
  return windowState(endsAt, now).remainingMs > marginMs;
}

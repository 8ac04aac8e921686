// "Window open · 3 h 12 m left" — how long free-form messages are still allowed.
export function windowLabel(endsAt: string | null, now: Date): { open: boolean; text: string } {
  if (!endsAt) return { open: false, text: 'Window closed · templates only' };
  const ms = new Date(endsAt).getTime() - now.getTime();
  if (ms <= 0) return { open: false, text: 'Window closed · templates only' };
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  return { open: true, text: `Window open · ${hours > 0 ? `${hours} h ` : ''}${minutes} m left` };
}

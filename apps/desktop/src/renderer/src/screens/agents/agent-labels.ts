// The words the Agents screen uses for channels, attempts and the time between them.
import type { Channel, ChannelSettings } from './agent-types.ts';

export const CHANNEL_LABELS: Record<Channel, string> = { voice: 'Voice', whatsapp: 'WhatsApp' };

export const MINUTES_PER_UNIT = { minutes: 1, hours: 60, days: 24 * 60 } as const;
export type SpacingUnit = keyof typeof MINUTES_PER_UNIT;

/** The largest unit the minutes are a whole number of. */
export function spacingUnitOf(minutes: number): SpacingUnit {
  if (minutes > 0 && minutes % MINUTES_PER_UNIT.days === 0) return 'days';
  if (minutes > 0 && minutes % MINUTES_PER_UNIT.hours === 0) return 'hours';
  return 'minutes';
}

/** 2880 → "2 days", 240 → "4 hours", 1440 → "1 day". */
export function durationLabel(minutes: number): string {
  const unit = spacingUnitOf(minutes);
  const n = minutes / MINUTES_PER_UNIT[unit];
  return `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
}

/** "3 tries, 1 day apart" or "1 try". */
export function attemptsLabel(settings: Pick<ChannelSettings, 'maxAttempts' | 'retrySpacingMinutes'>): string {
  if (settings.maxAttempts === 1) return '1 try';
  return `${settings.maxAttempts} tries, ${durationLabel(settings.retrySpacingMinutes)} apart`;
}

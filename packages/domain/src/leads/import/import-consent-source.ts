// The consent source an import records on each lead it opts in or out: the one the user wrote, or one naming the
// file. A file name may be 255 characters and the source column holds 100, so the name is shortened to fit.
import { CONSENT_SOURCE_LENGTH } from '../../entities/channel.ts';

/** `text` cut to `max` characters (code points, as PostgreSQL counts them), ending in "…" when cut. */
export function fitText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** "CSV import: spring-fair.csv", or the source the user gave; always short enough for its column. */
export function importConsentSource(given: string | null | undefined, filename: string): string {
  return fitText(given?.trim() || `CSV import: ${filename}`, CONSENT_SOURCE_LENGTH);
}

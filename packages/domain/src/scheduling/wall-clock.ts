// Local wall-clock time in an IANA zone, worked out from UTC offsets: which reading an instant shows, and which
// instants show a given reading (two in the hour daylight saving repeats, none in the hour it skips).
import { IANAZone } from 'luxon';
import { DomainError } from '../errors/domain-errors.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// A wall-clock reading is kept as "wall ms": milliseconds since 1970-01-01 00:00 *local*, read back with UTC
// getters. Calendar arithmetic on it (next day, weekday) is then plain arithmetic, with no zone rules involved.

/** The zone, or a domain error when the name is unknown (names are checked on entry; this is the last guard). */
export function zoneNamed(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new DomainError('invalid', `"${name}" is not a time zone we know`);
  return zone;
}

const offsetMs = (zone: IANAZone, instantMs: number): number => zone.offset(instantMs) * MINUTE_MS;

/** What the clocks on the wall read at an instant, as wall ms. */
export const wallMsAt = (zone: IANAZone, instantMs: number): number => instantMs + offsetMs(zone, instantMs);

/** Local calendar day number (days since 1970-01-01 local) of a wall-ms reading. */
export const dayNumberOf = (wallMs: number): number => Math.floor(wallMs / DAY_MS);

/**
 * Every instant whose wall-clock reading is exactly `wallMs`, earliest first: one on an ordinary day, two in the
 * hour that falling back repeats, none in the hour that springing forward skips.
 */
export function instantsAtWallTime(zone: IANAZone, wallMs: number): number[] {
  // As Temporal does it (GetNamedTimeZoneEpochNanoseconds): the offsets a day either side are the only candidates,
  // since no zone changes its offset twice within two days.
  const candidates = new Set([offsetMs(zone, wallMs - DAY_MS), offsetMs(zone, wallMs + DAY_MS)]);
  return [...candidates]
    .map((offset) => wallMs - offset)
    .filter((instant) => wallMsAt(zone, instant) === wallMs)
    .sort((a, b) => a - b);
}

/**
 * The first instant at which the wall clock reads `wallMs` or later on the way forward: the reading itself, or,
 * when daylight saving skips it, the moment the clocks jump past it (02:30 on spring-forward day → 03:00).
 */
export function firstInstantAtOrAfterWallTime(zone: IANAZone, wallMs: number): number {
  const exact = instantsAtWallTime(zone, wallMs);
  if (exact[0] !== undefined) return exact[0];
  // Skipped: read with the later offset the reading falls before the jump, read with the earlier one after it.
  const earlier = offsetMs(zone, wallMs - DAY_MS);
  const later = offsetMs(zone, wallMs + DAY_MS);
  return firstInstantWithOffsetOf(zone, wallMs - later, wallMs - earlier);
}

/**
 * The instants in [fromMs, toMs) at which the zone changes its offset. Probes every six hours, so it assumes no
 * two changes within six hours of each other, which no zone has ever done.
 */
export function offsetChangesBetween(zone: IANAZone, fromMs: number, toMs: number): number[] {
  const changes: number[] = [];
  // Each probe covers (lo, hi]: a change at instant c means c - 1 still has the old offset.
  for (let lo = fromMs - 1; lo < toMs - 1; lo += 6 * HOUR_MS) {
    const hi = Math.min(lo + 6 * HOUR_MS, toMs - 1);
    if (zone.offset(lo) !== zone.offset(hi)) changes.push(firstInstantWithOffsetOf(zone, lo, hi));
  }
  return changes;
}

/** Binary search for the first instant in (lo, hi] whose offset is hi's, given that lo's differs. */
function firstInstantWithOffsetOf(zone: IANAZone, lo: number, hi: number): number {
  const before = zone.offset(lo);
  let [a, b] = [lo, hi];
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zone.offset(mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

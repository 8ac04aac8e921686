import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors/domain-errors.ts';
import { firstInstantAtOrAfterWallTime, instantsAtWallTime, offsetChangesBetween, zoneNamed } from '../../src/scheduling/wall-clock.ts';

const wall = (localIso: string) => Date.parse(`${localIso}Z`); // a wall-clock reading, as wall ms
const iso = (ms: number) => new Date(ms).toISOString();

describe('which instants show a wall-clock reading', () => {
  it.each([
    ['New York, an ordinary reading: one instant', 'America/New_York', '2026-03-02T09:00:00', ['2026-03-02T14:00:00.000Z']],
    ['New York, 02:30 on spring-forward day: none', 'America/New_York', '2026-03-08T02:30:00', []],
    [
      'New York, 01:30 on fall-back day: EDT then EST',
      'America/New_York',
      '2026-11-01T01:30:00',
      ['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'],
    ],
    [
      'Sydney, 02:30 on fall-back day: AEDT then AEST',
      'Australia/Sydney',
      '2026-04-05T02:30:00',
      ['2026-04-04T15:30:00.000Z', '2026-04-04T16:30:00.000Z'],
    ],
    ['Sydney, 02:30 on spring-forward day: none', 'Australia/Sydney', '2026-10-04T02:30:00', []],
    ['Lord Howe, 02:15 on its half-hour spring-forward: none', 'Australia/Lord_Howe', '2026-10-04T02:15:00', []],
  ])('%s', (_policy, zone, reading, instants) => {
    expect(instantsAtWallTime(zoneNamed(zone), wall(reading)).map(iso)).toEqual(instants);
  });

  it.each([
    ['a skipped reading: the jump', 'America/New_York', '2026-03-08T02:30:00', '2026-03-08T07:00:00.000Z'],
    ['a repeated reading: its first pass', 'America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00.000Z'],
    ['Lord Howe’s skipped half hour: the jump', 'Australia/Lord_Howe', '2026-10-04T02:15:00', '2026-10-03T15:30:00.000Z'],
  ])('first instant at or after %s', (_policy, zone, reading, instant) => {
    expect(iso(firstInstantAtOrAfterWallTime(zoneNamed(zone), wall(reading)))).toBe(instant);
  });
});

describe('when a zone changes its offset', () => {
  const ny = zoneNamed('America/New_York');
  const spring = Date.parse('2026-03-08T07:00:00Z');
  it.each([
    ['a change inside the span', spring - 3_600_000, spring + 3_600_000, [spring]],
    ['a change at the start is in', spring, spring + 3_600_000, [spring]],
    ['a change at the end is out (it belongs to the next span)', spring - 3_600_000, spring, []],
    [
      'a whole year: both',
      Date.parse('2026-01-01T00:00:00Z'),
      Date.parse('2027-01-01T00:00:00Z'),
      [spring, Date.parse('2026-11-01T06:00:00Z')],
    ],
  ])('%s', (_policy, from, to, changes) => {
    expect(offsetChangesBetween(ny, from, to)).toEqual(changes);
  });

  it('a zone that does not exist is a domain error', () => {
    expect(() => zoneNamed('Mars/Olympus')).toThrow(DomainError);
  });
});

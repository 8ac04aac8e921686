import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../src/db/new-id.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const msOf = (id: string) => Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('newId', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is a version 7 UUID carrying the creation time', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2030, 0, 1));
    const id = newId();
    expect(id).toMatch(UUID_V7);
    expect(msOf(id)).toBe(Date.UTC(2030, 0, 1));
  });

  it('orders ids made in the same millisecond, and after it', () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2031, 5, 1));
    const sameMs = Array.from({ length: 1000 }, () => newId());
    now.mockReturnValue(Date.UTC(2031, 5, 1) + 1);
    const next = newId();
    const all = [...sameMs, next];
    expect([...all].sort()).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
  });

  it('borrows the next millisecond after 4,096 ids in one, and never goes back when the clock does', () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2032, 0, 1));
    const ids = Array.from({ length: 5000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(msOf(ids.at(-1) ?? '')).toBe(Date.UTC(2032, 0, 1) + 1);
    now.mockReturnValue(Date.UTC(2031, 0, 1));
    const afterClockStep = newId();
    expect(afterClockStep > (ids.at(-1) ?? '')).toBe(true);
  });
});

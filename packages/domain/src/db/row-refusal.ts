// A statement over a batch of rows fails whole when PostgreSQL refuses one of them (a constraint, a trigger, a
// value out of range). Run again row by row, only the refused row fails and the others are written. A failure of
// the database itself (unreachable, shutting down, out of resources) or of the statement's text would fail every
// row alike, so it is not repeated row by row: the whole batch fails at once.

/** SQLSTATE classes that are no row's fault: connection (08), syntax or access (42), resources (53), operator (57), system (58), internal (XX). */
const NOT_A_ROW = new Set(['08', '42', '53', '57', '58', 'XX']);

/** Whether PostgreSQL refused the statement for something in its rows (node-postgres's error carries the SQLSTATE). */
export function isRowRefusal(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown } | null;
  return typeof e?.severity === 'string' && typeof e.code === 'string' && e.code.length === 5 && !NOT_A_ROW.has(e.code.slice(0, 2));
}

export interface RowFailure<T> {
  item: T;
  error: unknown;
}

/** Runs `run` for all items at once; if PostgreSQL refuses a row, for each item alone. Never throws. */
export async function rowByRowOnRefusal<T, R>(
  items: T[],
  run: (items: T[]) => Promise<R[]>,
): Promise<{ results: R[]; failures: RowFailure<T>[] }> {
  if (items.length === 0) return { results: [], failures: [] };
  try {
    return { results: await run(items), failures: [] };
  } catch (error) {
    if (items.length === 1 || !isRowRefusal(error)) return { results: [], failures: items.map((item) => ({ item, error })) };
  }
  const results: R[] = [];
  const failures: RowFailure<T>[] = [];
  // One after another: this is the rare path, and it should not take the pool's every connection at once.
  for (const item of items) {
    try {
      results.push(...(await run([item])));
    } catch (error) {
      failures.push({ item, error });
    }
  }
  return { results, failures };
}

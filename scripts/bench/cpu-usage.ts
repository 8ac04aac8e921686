// CPU time by process, read from /proc (Linux): shows where a pipeline's CPU goes when every part shares the
// machine's cores. Throughput alone cannot tell a slow worker from a busy database.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {}
  }
  return pids;
}

export type CpuGroups = Record<string, () => number>;

/** Groups of processes by role: given pids, or every process with a command name (postgres, redis-server). */
export const cpuGroups = (groups: Record<string, number[] | string>): CpuGroups =>
  Object.fromEntries(
    Object.entries(groups).map(([role, who]) => [
      role,
      () => (typeof who === 'string' ? pidsNamed(who) : who).reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    ]),
  );

/** Starts measuring; the returned function gives each group's CPU seconds since then. */
export function startCpuMeter(groups: CpuGroups): () => Record<string, number> {
  const before = Object.fromEntries(Object.entries(groups).map(([role, read]) => [role, read()]));
  return () => Object.fromEntries(Object.entries(groups).map(([role, read]) => [role, read() - (before[role] ?? 0)]));
}

// Reading the pid files that PostgreSQL and Redis leave behind, to find a server an earlier, killed run left running.
import { existsSync, readFileSync } from 'node:fs';

/** postmaster.pid: line 1 is the pid, line 4 the port. */
export function parsePostmasterPid(text: string): { pid: number; port: number } | null {
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number.isInteger(port) ? port : 0 } : null;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when we run as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readPid(file: string, parse: (text: string) => number | null = (t) => Number(t.trim()) || null): number | null {
  if (!existsSync(file)) return null;
  return parse(readFileSync(file, 'utf8'));
}

/** Asks a leftover server to stop and waits until it has. */
export async function stopLeftover(pid: number, signal: NodeJS.Signals, timeoutMs = 15_000): Promise<void> {
  if (!isProcessAlive(pid)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

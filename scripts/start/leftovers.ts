// Remembers the pids of the processes `pnpm start` runs, so that after a crash (or kill -9) of an earlier run
// the next start can stop what it left behind instead of colliding with it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive, stopLeftover } from './pid-files.ts';

type Registry = Record<string, { pid: number; command: string }>;

const file = (dataDir: string) => join(dataDir, 'running.json');

function read(dataDir: string): Registry {
  try {
    return existsSync(file(dataDir)) ? (JSON.parse(readFileSync(file(dataDir), 'utf8')) as Registry) : {};
  } catch {
    return {};
  }
}

/** The command line of a live pid (Linux), to be sure a reused pid is not someone else's process. */
function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return null;
  }
}

export function remember(dataDir: string, name: string, pid: number | undefined, command: string): void {
  if (!pid) return;
  const registry = read(dataDir);
  registry[name] = { pid, command };
  writeFileSync(file(dataDir), JSON.stringify(registry, null, 2));
}

export function forgetAll(dataDir: string): void {
  writeFileSync(file(dataDir), '{}');
}

export async function stopLeftovers(dataDir: string, log: (line: string) => void): Promise<void> {
  for (const [name, { pid, command }] of Object.entries(read(dataDir))) {
    const actual = commandOf(pid);
    if (!isProcessAlive(pid) || (actual !== null && !actual.includes(command))) continue;
    log(`stopping a ${name} left running by an earlier run (pid ${pid})`);
    await stopLeftover(pid, name === 'postgres' ? 'SIGINT' : 'SIGTERM');
  }
  forgetAll(dataDir);
}

// Child processes of `pnpm start`: output prefixed with their name, stopped in order, and watched for early death.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  /** Resolves on the first output line matching `readyWhen`; rejects if the child exits first. */
  ready: Promise<void>;
  /** Sends the signal and waits for the exit, escalating to SIGKILL after the grace period. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export interface ChildOptions extends SpawnOptions {
  readyWhen?: RegExp;
  /** Lines matching this are not echoed (noisy start-up chatter). */
  quiet?: RegExp;
}

export function startChild(name: string, command: string, args: string[], options: ChildOptions = {}): ManagedChild {
  const { readyWhen, quiet, ...spawnOptions } = options;
  // Own process group: Ctrl-C reaches only `pnpm start`, which then stops the children in order.
  const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  let finished = false;
  void exited.then(() => {
    finished = true;
  });
  const ready = new Promise<void>((resolve, reject) => {
    if (!readyWhen) resolve();
    void exited.then((code) => reject(new Error(`${name} exited (code ${code}) before it was ready`)));
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        if (readyWhen?.test(line)) resolve();
        if (!quiet?.test(line)) process.stdout.write(`[${name}] ${line}\n`);
      });
    }
  });
  // The caller may never await `ready` (no readiness line); avoid an unhandled rejection on exit.
  ready.catch(() => undefined);
  return {
    name,
    process: child,
    exited,
    ready,
    async stop(signal = 'SIGTERM', graceMs = 15_000) {
      if (finished) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion with prefixed output; throws when it fails. */
export async function runToCompletion(name: string, command: string, args: string[], options: ChildOptions = {}): Promise<void> {
  const code = await startChild(name, command, args, options).exited;
  if (code !== 0) throw new Error(`${name} failed (exit code ${code})`);
}

// A process asked to stop exits within its shutdown deadline whatever it has in hand: a close() that never
// finishes exits with code 1 at the deadline, and one whose main thread spins is killed just after it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./stuck-process.ts', import.meta.url));
const DEADLINE_MS = 500;

async function stopStuckProcess(mode: 'hang' | 'spin') {
  const child = spawn(process.execPath, [fixture, mode], {
    env: { PATH: process.env.PATH ?? '', SHUTDOWN_TIMEOUT_MS: String(DEADLINE_MS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      if (output.includes('ready')) resolve();
    });
    child.once('exit', () => reject(new Error(`exited before it was ready: ${output}`)));
  });
  const signalledAt = Date.now();
  child.kill('SIGTERM');
  const timeout = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000).unref());
  const outcome = await Promise.race([exited, timeout]);
  if (outcome === 'still running') child.kill('SIGKILL');
  return { outcome, tookMs: Date.now() - signalledAt };
}

it('a close() that never finishes: the process exits with code 1 at the deadline', async () => {
  const { outcome, tookMs } = await stopStuckProcess('hang');
  expect(outcome).toEqual([1, null]);
  expect(tookMs).toBeGreaterThanOrEqual(DEADLINE_MS);
}, 30_000);

it('a main thread spinning in a synchronous loop: the process is killed just after the deadline', async () => {
  const { outcome, tookMs } = await stopStuckProcess('spin');
  expect(outcome).toEqual([null, 'SIGKILL']);
  expect(tookMs).toBeGreaterThanOrEqual(DEADLINE_MS);
}, 30_000);

// The README's two commands on a bare machine: a clean clone in a private folder (mode 700, as `mktemp -d` makes),
// an empty tool cache and a PATH without Node 24. `./switchboard setup` (what `./switchboard test` does before the
// tests) installs Node, pnpm and the dependencies; `./switchboard start` then runs the product to a working demo login.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../start/ports.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'sb-clean-'));
const clone = join(folder, 'switchboard');
const toolCache = join(folder, 'tools');
const children: ChildProcess[] = [];
let relocatedData: string | null = null;

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? once(c, 'exit') : null)));
  rmSync(folder, { recursive: true, force: true });
  // As root in a private folder, the cluster lived in the shared folder (postgres-cluster.ts).
  if (relocatedData && !relocatedData.startsWith(folder)) rmSync(join(relocatedData, '..'), { recursive: true, force: true });
});

/** Only what a bare machine has: no Node 24, no pnpm, no project settings. */
function bareEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { HOME: process.env.HOME, PATH: '/usr/bin:/bin', SWITCHBOARD_TOOL_CACHE: toolCache, ...extra };
  for (const name of ['TEST_DATABASE_ADMIN_URL', 'TEST_REDIS_URL', 'CHROMIUM_PATH', 'NODE_EXTRA_CA_CERTS', 'npm_config_registry']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  return env;
}

function run(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn('bash', ['./switchboard', ...args], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

it('the clone sits in a private folder and nothing of the toolchain is on PATH', () => {
  execFileSync('git', ['clone', '--quiet', repo, clone]);
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  const system = execFileSync('bash', ['-c', 'command -v node >/dev/null && node --version || echo none'], { env: bareEnv() })
    .toString()
    .trim();
  expect(system).not.toBe('v24.21.0');
});

it('./switchboard setup installs Node, pnpm and the dependencies into an empty cache', async () => {
  const setup = run(['setup'], bareEnv());
  const [code] = await once(setup.child, 'exit');
  expect(code, setup.output()).toBe(0);
  expect(setup.output()).toContain('installing Node 24.21.0');
  expect(setup.output()).toContain('installing pnpm 10.34.9');
  expect(setup.output()).toContain('installing dependencies');
  expect(setup.output()).toMatch(/ready: node v24\.21\.0, pnpm 10\.34\.9/);
  expect(
    execFileSync(join(toolCache, 'node-24.21.0', 'bin', 'node'), ['--version'])
      .toString()
      .trim(),
  ).toBe('v24.21.0');

  // A second run finds everything in place and installs nothing.
  const again = run(['setup'], bareEnv());
  const [againCode] = await once(again.child, 'exit');
  expect(againCode, again.output()).toBe(0);
  expect(again.output()).not.toContain('installing');
});

it('./switchboard start runs the product on its embedded defaults up to a working demo login', async () => {
  const port = await freePort();
  const start = run(['start'], bareEnv({ SWITCHBOARD_CONSOLE: 'browser', PORT: String(port), LOG_LEVEL: 'warn' }));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (start.output().includes('Sign in as demo@switchboard.local')) resolve();
    };
    start.child.stdout?.on('data', check);
    start.child.once('exit', (code) => reject(new Error(`./switchboard start exited ${code} before it was ready:\n${start.output()}`)));
  });
  relocatedData = start.output().match(/data in (\S+)\)/)?.[1] ?? null;
  const res = await fetch(`http://127.0.0.1:${port}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@switchboard.local', password: 'switchboard-demo' }),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { result: { data: { token: string } } }).result.data.token).toMatch(/\S{40,}/);
  start.child.kill('SIGINT');
  const [code] = await once(start.child, 'exit');
  expect(code, start.output()).toBe(0);
});

// Opens the console: the Electron app where it can start, otherwise the same renderer served to a browser.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serveConsole } from '../../apps/desktop/scripts/static-console.ts';
import { type ManagedChild, runToCompletion, startChild } from './child-processes.ts';
import { isPortFree } from './ports.ts';

export type ConsoleMode = 'electron' | 'browser';

export interface OpenConsole {
  mode: ConsoleMode;
  url: string | null;
  /** Resolves when the user closes the Electron window (never for the browser console). */
  closed: Promise<void>;
  close(): Promise<void>;
}

/** Why Electron cannot start here, or null when it is worth trying. */
export function electronUnavailableReason(env: NodeJS.ProcessEnv, desktopDir: string): string | null {
  if (env.SWITCHBOARD_CONSOLE === 'browser') return 'SWITCHBOARD_CONSOLE=browser';
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no display';
  try {
    const require = createRequire(join(desktopDir, 'package.json'));
    const electronDir = join(require.resolve('electron/package.json'), '..');
    if (!existsSync(join(electronDir, 'path.txt')) && !existsSync(join(electronDir, 'dist'))) return 'the Electron binary is not installed';
  } catch {
    return 'electron is not installed';
  }
  return null;
}

export async function buildConsole(rootDir: string): Promise<void> {
  await runToCompletion('build', 'pnpm', ['--filter', '@switchboard/desktop', 'build'], { cwd: rootDir, quiet: /^(?!.*(error|failed))/i });
}

async function browserConsole(serverUrl: string): Promise<OpenConsole> {
  let port = 5180;
  while (!(await isPortFree(port))) port++;
  const web = await serveConsole({ port });
  return {
    mode: 'browser',
    url: `${web.url}/?server=${encodeURIComponent(serverUrl)}`,
    closed: new Promise(() => {}),
    close: () => web.close(),
  };
}

export async function openConsole(opts: { rootDir: string; serverUrl: string; log(line: string): void }): Promise<OpenConsole> {
  const desktopDir = join(opts.rootDir, 'apps/desktop');
  const reason = electronUnavailableReason(process.env, desktopDir);
  if (reason) {
    opts.log(`serving the console to a browser (${reason})`);
    return browserConsole(opts.serverUrl);
  }
  const electron: ManagedChild = startChild('electron', 'pnpm', ['--filter', '@switchboard/desktop', 'exec', 'electron', '.'], {
    cwd: opts.rootDir,
    env: { ...process.env, SWITCHBOARD_SERVER_URL: opts.serverUrl },
  });
  // An Electron that cannot start (no binary, no GPU, no display server) dies within seconds.
  const early = await Promise.race([electron.exited.then((code) => ({ code })), new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
  if (early) {
    opts.log(`Electron could not start (exit code ${early.code}); serving the console to a browser instead`);
    return browserConsole(opts.serverUrl);
  }
  return { mode: 'electron', url: null, closed: electron.exited.then(() => undefined), close: () => electron.stop() };
}

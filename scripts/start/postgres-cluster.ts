// The local cluster's data folder and its one-time initdb. As root the cluster belongs to the `postgres` user, who
// must reach the folder: when the data folder sits inside a private folder, the cluster lives under SHARED_DIR
// instead, in a folder named after the data folder (so each clone keeps its own), and the output says where.
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runToCompletion } from './child-processes.ts';
import { type OsUser, type PostgresInstall, reachableBy, SHARED_DIR } from './postgres-install.ts';

export function clusterDir(dataDir: string, user: OsUser | null): string {
  const inside = join(dataDir, 'postgres');
  if (!user) return inside;
  // The data folder itself is opened to walking (not reading) so that its own parents decide.
  chmodSync(dataDir, 0o711);
  if (reachableBy(user, dataDir)) return inside;
  const name = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16);
  return join(SHARED_DIR, 'data', name, 'postgres');
}

/** Creates the cluster: password authentication for one superuser, UTF-8 with Unicode-aware lower() on every platform. */
export async function initCluster(
  install: PostgresInstall,
  dir: string,
  user: OsUser | null,
  superuser: string,
  password: string,
): Promise<void> {
  // Parents the postgres user only walks through; the cluster folder is its own.
  mkdirSync(dirname(dir), { recursive: true, mode: 0o711 });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const passwordFile = `${dir}.pwfile-${process.pid}`;
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) for (const path of [dir, passwordFile]) chownSync(path, user.uid, user.gid);
  try {
    await runToCompletion(
      'initdb',
      join(install.binDir, 'initdb'),
      [
        `--pgdata=${dir}`,
        '--auth=password',
        `--username=${superuser}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--lc-messages=C',
      ],
      { ...(user ?? {}), quiet: /^(?!.*(error|FATAL))/i },
    );
  } catch (error) {
    // A half-made cluster would make the next start skip initdb.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(passwordFile, { force: true });
  }
  if (!existsSync(join(dir, 'PG_VERSION'))) throw new Error(`initdb did not create a cluster in ${dir}`);
}

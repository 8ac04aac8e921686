// `./switchboard test` on a machine without PostgreSQL: the embedded one that `pnpm start` uses, in a data folder of
// its own, kept running until this process is stopped. Writes the admin URL the tests read
// (TEST_DATABASE_ADMIN_URL) into the given file once the server accepts connections.
// Usage: node scripts/setup/test-postgres.ts <dataDir> <urlFile>
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { startLocalPostgres } from '../start/local-postgres.ts';

const [dataDir, urlFile] = process.argv.slice(2);
if (!dataDir || !urlFile) {
  console.error('usage: test-postgres.ts <dataDir> <urlFile>');
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });
const local = await startLocalPostgres(dataDir, (line) => console.error(`[test-postgres] ${line}`));
const admin = new URL(local.url);
admin.pathname = '/postgres';
writeFileSync(urlFile, admin.toString());
const stop = async () => {
  rmSync(urlFile, { force: true });
  await local.child.stop('SIGINT');
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());

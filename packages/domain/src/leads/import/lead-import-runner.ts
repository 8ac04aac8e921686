// The worker's run of a lead import: streams the stored file chunk by chunk through the CSV parser, reads each
// row through the mapping, and writes rows in batches (lead-import-batch.ts) while the next batch is parsed.
// Memory stays flat: one chunk, one batch being read and one being written, whatever the file's size.
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CsvError, parse } from 'csv-parse';
import type { Pool } from 'pg';
import type { Clock } from '../../clock/clock.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import { LeadImport } from '../../entities/lead-import.ts';
import type { EventStream } from '../../events/event-stream.ts';
import { importConsentSource } from './import-consent-source.ts';
import { columnMappingSchema } from './lead-columns.ts';
import { type AcceptedRow, batchPhones, type RejectedRow, recordBatchProgress, writeImportBatch } from './lead-import-batch.ts';
import { type LeadImportOptions, leadFromImportRow } from './lead-import-row.ts';
import { toLeadImportView } from './lead-import-view.ts';
import { csvOptions, isUnclosedQuote, parseStored, storedChunks, unclosedQuoteLine } from './stored-csv.ts';

export interface ImportRunDeps {
  em: EntityManager;
  events: EventStream;
  clock: Clock;
}

/** Rows per transaction: big enough that per-statement costs vanish, small enough to keep memory flat. */
export const IMPORT_BATCH_ROWS = 2000;
/** Batches written at once: two keep both cores of PostgreSQL busy; more only wait on each other's commits. */
const WRITERS = 2;
/** An import that wrote at least this many leads refreshes the table's statistics. */
const ANALYZE_AFTER_ROWS = 10_000;
/** Live progress at most this often. */
const PROGRESS_EVERY_MS = 250;

export interface ImportRunStats {
  /** The most rows held in memory at once (read and not yet written): what "memory stays flat" means here. */
  maxBufferedRows: number;
}

export { MAX_IMPORT_RECORD_BYTES } from './stored-csv.ts';

export interface ImportRunOptions {
  /** Tests: stop (as a crash would) once this many batches are committed. */
  interruptAfterBatches?: number;
}

export async function runLeadImport(deps: ImportRunDeps, importId: string, opts: ImportRunOptions = {}): Promise<ImportRunStats> {
  const stats: ImportRunStats = { maxBufferedRows: 0 };
  const em = deps.em.fork();
  const imp = await em.findOne(LeadImport, { id: importId });
  if (!imp || imp.status === 'done' || imp.status === 'failed' || !imp.mapping) return stats;
  imp.status = 'running';
  imp.startedAt ??= deps.clock.now();
  await em.flush();
  await deps.events.publish(imp.company.id, {
    type: 'import.progress',
    at: deps.clock.now().toISOString(),
    data: { import: toLeadImportView(imp) },
  });
  const companyId = imp.company.id;
  const publish = async (type: string) => {
    await em.refresh(imp);
    await deps.events.publish(companyId, { type, at: deps.clock.now().toISOString(), data: { import: toLeadImportView(imp) } });
  };

  const mapping = columnMappingSchema.parse({ columns: imp.mapping });
  const options = (imp.options ?? {}) as LeadImportOptions & {
    delimiter?: string;
    consentSource?: string;
    tags?: string[];
    ownerAgentId?: string | null;
  };
  const pool = (await em.getConnection().getNativeClient()) as Pool;
  const ctx = {
    companyId,
    importId,
    // Fitted here too: an import started before sources were fitted may carry a longer one.
    consentSource: importConsentSource(options.consentSource, imp.filename),
    ownerAgentId: options.ownerAgentId ?? null,
    now: deps.clock.now(),
  };
  const resumeAfter = imp.rowsDone;

  let accepted: AcceptedRow[] = [];
  let rejected: RejectedRow[] = [];
  let dataRow = 0;
  let lastProgress = 0;
  let committed = 0;
  // Two batches are written at once (PostgreSQL then uses two cores) when their phones do not meet, so neither can
  // wait for a row the other holds; each commits only after the one before it, so the resume point only moves
  // over batches that are all in the database.
  const inFlight: { phones: Set<string>; done: Promise<void> }[] = [];
  let lastCommit: Promise<void> = Promise.resolve();
  const write = (batchAccepted: AcceptedRow[], batchRejected: RejectedRow[], rowsDone: number, previous: Promise<void>) =>
    pool.connect().then(async (client) => {
      try {
        await client.query('begin');
        // Safe to lose on a crash of PostgreSQL: the batch's rows and the import's resume point go together.
        await client.query('set local synchronous_commit = off');
        const counts = await writeImportBatch(client, ctx, batchAccepted, batchRejected);
        await previous;
        await recordBatchProgress(client, importId, rowsDone, counts);
        await client.query('commit');
        if (++committed === opts.interruptAfterBatches) throw new Error('interrupted (test)');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  const flush = async () => {
    const phones = batchPhones(accepted);
    for (;;) {
      const blocking = inFlight.filter((w) => [...w.phones].some((p) => phones.has(p)));
      if (inFlight.length < WRITERS && blocking.length === 0) break;
      await Promise.race((blocking.length ? blocking : inFlight).map((w) => w.done));
    }
    const done = write(accepted, rejected, dataRow, lastCommit).then(async () => {
      // Counts as committed, at most every PROGRESS_EVERY_MS: what a console shows is what is in the database.
      if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = Date.now();
      await publish('import.progress');
    });
    const entry = { phones, done: done.finally(() => inFlight.splice(inFlight.indexOf(entry), 1)) };
    // Handled here so that a failed write waits for the reader to notice it (at the next flush or the end),
    // instead of ending the process as an unhandled rejection.
    entry.done.catch(() => undefined);
    inFlight.push(entry);
    lastCommit = done;
    accepted = [];
    rejected = [];
  };

  // An unterminated quote swallows what follows it into one value; past MAX_IMPORT_RECORD_BYTES the parser says so, and
  // at the end of the file it says the quote never closed. Either way the file stops being read there: the rows
  // before it are imported, and the import fails naming the line (found by a second read, unclosedQuoteLine).
  const unclosed: { recordsBefore: number | null } = { recordsBefore: null };
  const parser = parseStored(
    storedChunks(pool, importId, imp.chunkCount, () => unclosed.recordsBefore !== null),
    parse({
      ...csvOptions(options.delimiter),
      on_skip: (error: CsvError | undefined) => {
        if (!error) return undefined;
        if (isUnclosedQuote(error)) {
          unclosed.recordsBefore ??= Number(error.records);
          return undefined;
        }
        dataRow++;
        if (dataRow > resumeAfter)
          rejected.push({ rowNumber: dataRow + 1, reason: `This row is not valid CSV: ${error.message}`, cells: [] });
        return undefined;
      },
    }),
  );
  let header = true;
  let records = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      // Records the parser found after the unclosed quote (in chunks already on their way) are not the file's rows.
      if (unclosed.recordsBefore !== null && records >= unclosed.recordsBefore) break;
      records++;
      if (header) {
        header = false;
        continue;
      }
      dataRow++;
      if (dataRow <= resumeAfter) continue;
      const result = leadFromImportRow(cells, mapping, options);
      if (result.ok) {
        if (options.tags?.length) result.lead.tags = [...new Set([...result.lead.tags, ...options.tags])];
        accepted.push({ rowNumber: dataRow + 1, lead: result.lead });
      } else if (!result.empty) rejected.push({ rowNumber: dataRow + 1, reason: result.reason, cells });
      const buffered = accepted.length + rejected.length;
      stats.maxBufferedRows = Math.max(stats.maxBufferedRows, buffered);
      if (buffered >= IMPORT_BATCH_ROWS) await flush();
    }
    await flush();
    await Promise.all(inFlight.map((w) => w.done));
  } catch (error) {
    // The job's retry continues after the last committed batch.
    await Promise.allSettled(inFlight.map((w) => w.done));
    throw error;
  }
  if (unclosed.recordsBefore !== null) {
    // A broken file fails at once (a retry would read the same bytes); what was imported before the line stays.
    const line = await unclosedQuoteLine(pool, importId, imp.chunkCount, options.delimiter);
    await failLeadImport(
      deps,
      importId,
      `Line ${line} opens a quoted field that never closes, so the rest of the file would read as one value. ` +
        `The rows before line ${line} were imported; close the quote (or remove it) and import the file again.`,
    );
    return stats;
  }
  await preparedQuery(em, 'import.drop-chunks', 'delete from lead_import_chunks where import_id = $1', [importId]);
  await em.refresh(imp);
  // After a bulk load the planner's statistics are stale, and the list would scan instead of reading its index.
  if (imp.created + imp.updated >= ANALYZE_AFTER_ROWS) await em.getConnection().execute('analyze leads');
  imp.status = 'done';
  imp.finishedAt = deps.clock.now();
  await em.flush();
  await publish('import.finished');
  return stats;
}

/** After the last retry, or for a broken file: the import ends failed with the reason, and its stored file is deleted. */
export async function failLeadImport(deps: ImportRunDeps, importId: string, reason: string): Promise<void> {
  const em = deps.em.fork();
  const imp = await em.findOne(LeadImport, { id: importId });
  if (!imp || imp.status === 'done') return;
  imp.status = 'failed';
  imp.error = reason;
  imp.finishedAt = deps.clock.now();
  await em.flush();
  // A failed import is never resumed: its stored file goes now (the upkeep sweeps any that a crash leaves).
  await preparedQuery(em, 'import.drop-chunks', 'delete from lead_import_chunks where import_id = $1', [importId]);
  await deps.events.publish(imp.company.id, {
    type: 'import.finished',
    at: deps.clock.now().toISOString(),
    data: { import: toLeadImportView(imp) },
  });
}

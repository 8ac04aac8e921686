// Reading an import's stored file as CSV: its chunks in order, the parser's options (one record bounded, so that an
// unterminated quote cannot swallow the rest of a file unnoticed), and, for a file that has such a quote, the line
// where the broken record starts.
import { pipeline, Readable } from 'node:stream';
import { type CsvError, type InfoRecord, type Options, type Parser, parse } from 'csv-parse';
import type { Pool, QueryConfig } from 'pg';
import { DomainError } from '../../errors/domain-errors.ts';

/** The stored file, chunk by chunk, until it ends or `stop` says so. */
export async function* storedChunks(
  pool: Pool,
  importId: string,
  count: number,
  stop: () => boolean = () => false,
): AsyncGenerator<Buffer> {
  for (let seq = 0; seq < count && !stop(); seq++) {
    // Binary results: the chunk arrives as bytes, not as a hex string twice its size.
    const query: QueryConfig & { binary: boolean } = {
      name: 'import.read-chunk',
      text: 'select data from lead_import_chunks where import_id = $1 and seq = $2',
      values: [importId, seq],
      binary: true,
    };
    const result = await pool.query<{ data: Buffer }>(query);
    const data = result.rows[0]?.data;
    // A missing chunk would silently cut the file short: fail instead.
    if (!data) throw new DomainError('precondition', 'The uploaded file is no longer stored: upload it again to import it');
    yield data;
  }
}

/**
 * The most one record (row) may hold. Far above any real row (500 columns of 1,000 characters is half of it), it
 * bounds what an unterminated quote can swallow before the import stops.
 */
export const MAX_IMPORT_RECORD_BYTES = 1024 * 1024;
/** The parser's ways of saying that a quote opened and never closed. */
const UNCLOSED_QUOTE: ReadonlySet<string> = new Set(['CSV_MAX_RECORD_SIZE', 'CSV_QUOTE_NOT_CLOSED']);
export const isUnclosedQuote = (error: CsvError): boolean => UNCLOSED_QUOTE.has(error.code);

export const csvOptions = (delimiter: string | undefined): Options => ({
  delimiter: delimiter ?? ',',
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_records_with_error: true,
  max_record_size: MAX_IMPORT_RECORD_BYTES,
});

/**
 * The parser fed with the stored file. A failure to read the file (PostgreSQL, a chunk gone) ends the parser with
 * that error, where `pipe` would leave the parser waiting forever; a consumer that stops early stops the reading.
 */
export function parseStored(chunks: AsyncIterable<Buffer>, parser: Parser): Parser {
  pipeline(Readable.from(chunks), parser, () => undefined);
  return parser;
}

/**
 * The line where the record with the unclosed quote starts: the file read again up to it, noting where each record
 * ends. Only a broken file pays for this second read; the import itself does not track lines.
 */
export async function unclosedQuoteLine(pool: Pool, importId: string, chunkCount: number, delimiter: string | undefined): Promise<number> {
  let lastEnd = 0;
  let found: number | null = null;
  const parser = parseStored(
    storedChunks(pool, importId, chunkCount, () => found !== null),
    parse({
      ...csvOptions(delimiter),
      on_record: (record: string[], context: InfoRecord) => {
        lastEnd = context.lines;
        return record;
      },
      on_skip: (error: CsvError | undefined) => {
        if (error && isUnclosedQuote(error)) found ??= lastEnd + 1;
        else if (error) lastEnd = Number(error.lines);
        return undefined;
      },
    }),
  );
  for await (const _ of parser) if (found !== null) break;
  return found ?? lastEnd + 1;
}

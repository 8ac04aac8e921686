// Receiving a CSV of leads: the bytes are stored as they arrive, in 1 MiB chunks in PostgreSQL (so any server
// can take the upload and any worker can stream it later, and memory stays flat whatever the file's size), then
// the header row and a few rows are read back for the column mapping.
import { parse } from 'csv-parse/sync';
import { newId } from '../../db/new-id.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import { LeadImport } from '../../entities/lead-import.ts';
import { DomainError } from '../../errors/domain-errors.ts';
import type { TenantScope } from '../../tenancy/tenant-scope.ts';
import { type LeadImportView, toLeadImportView } from './lead-import-view.ts';

export const IMPORT_CHUNK_BYTES = 1024 * 1024;
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** The header and sample rows are read from this much of the file's start. */
const SNIFF_BYTES = 64 * 1024;

export interface UploadedImport {
  import: LeadImportView;
  /** The first data rows, for the mapping screen. */
  sample: string[][];
  delimiter: string;
}

/** The separator the header row uses most: Excel writes `;` where the decimal mark is a comma. */
export function sniffDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t', '|'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export async function receiveLeadImport(
  scope: TenantScope,
  input: { filename: string; body: AsyncIterable<Buffer | Uint8Array | string> },
): Promise<UploadedImport> {
  const id = newId();
  const row = scope.create(LeadImport, {
    id,
    createdBy: scope.actor?.userId ?? null,
    filename: input.filename.slice(0, 255) || 'leads.csv',
    sizeBytes: 0,
    chunkCount: 0,
    headers: [],
  });
  await scope.em.flush();

  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let size = 0;
  let head = Buffer.alloc(0);
  const store = async (data: Buffer) => {
    await preparedQuery(scope.em, 'import.chunk', 'insert into lead_import_chunks (import_id, seq, data) values ($1, $2, $3)', [
      id,
      seq++,
      data,
    ]);
  };
  try {
    for await (const part of input.body) {
      const bytes = typeof part === 'string' ? Buffer.from(part) : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
      size += bytes.length;
      if (size > MAX_IMPORT_BYTES)
        throw new DomainError('invalid', `The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into smaller files`);
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, bytes.subarray(0, SNIFF_BYTES - head.length)]);
      pending.push(bytes);
      pendingBytes += bytes.length;
      while (pendingBytes >= IMPORT_CHUNK_BYTES) {
        const all = Buffer.concat(pending);
        await store(all.subarray(0, IMPORT_CHUNK_BYTES));
        pending = [all.subarray(IMPORT_CHUNK_BYTES)];
        pendingBytes = all.length - IMPORT_CHUNK_BYTES;
      }
    }
    if (pendingBytes > 0) await store(Buffer.concat(pending));
    const { headers, sample, delimiter } = readHead(head);
    row.sizeBytes = size;
    row.chunkCount = seq;
    row.headers = headers;
    row.options = { delimiter };
    await scope.em.flush();
    return { import: toLeadImportView(row), sample, delimiter };
  } catch (error) {
    await preparedQuery(scope.em, 'import.drop-chunks', 'delete from lead_import_chunks where import_id = $1', [id]);
    row.status = 'failed';
    // What the console shows: the domain's reason, or generic words (the server logs the error itself).
    row.error = error instanceof DomainError ? error.message : 'The upload failed on the server: upload the file again';
    await scope.em.flush();
    throw error;
  }
}

function readHead(head: Buffer): { headers: string[]; sample: string[][]; delimiter: string } {
  // Only whole lines: the sniffed bytes may end in the middle of a row (or of a UTF-8 character).
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const complete = text.length < SNIFF_BYTES ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const firstLine = complete.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') throw new DomainError('invalid', 'The file is empty: the first row must name the columns');
  const delimiter = sniffDelimiter(firstLine);
  let records: string[][];
  try {
    records = parse(complete, { delimiter, relax_column_count: true, relax_quotes: true, to_line: 6, skip_empty_lines: true });
  } catch (error) {
    throw new DomainError('invalid', `This does not read as a CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [headers = [], ...sample] = records;
  return { headers: headers.map((h) => h.trim()), sample, delimiter };
}

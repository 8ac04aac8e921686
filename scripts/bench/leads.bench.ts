// Leads at scale: a 1,000,000-row CSV imported end to end (upload to the real server, the real worker's run)
// with the worker's peak memory, then `leads.list` with filters over those million leads, newest first and
// page by page, as the console asks for them. LEADS_BENCH_ROWS sets another size.
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { columnMappingSchema, leadFromImportRow } from '@switchboard/domain';
import { cpuGroups, startCpuMeter } from './cpu-usage.ts';
import { type Figure, percentile } from './measure.ts';
import { freePort, startProcess, waitForHttp } from './processes.ts';

interface Env {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

const ROWS = Number(process.env.LEADS_BENCH_ROWS ?? 1_000_000);
const STATUSES = ['new', 'contacted', 'qualified', 'appointment_set', 'won', 'lost'];
const CHANNELS = ['voice', 'whatsapp', 'both'];
const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Emma', 'Femi', 'Gus', 'Hana', 'Ivan', 'Jo', 'Kai', 'Lena', 'Mo', 'Nia', 'Omar', 'Pia'];
const LAST = ['Silva', 'Khan', 'Müller', 'Smith', 'García', 'Okafor', 'Tanaka', 'Rossi', 'Novak', 'Dubois', 'Park', 'Lopez'];

/** A deterministic pseudo-random number in [0, n) for row i and column salt: columns vary independently. */
const pick = (i: number, salt: number, n: number): number => {
  let h = Math.imul(i ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % n;
};

/** A realistic file: ~1 % bad phones, a consent column, statuses, channels, tags, a custom field, independent of each other. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('First name,Last name,Mobile,Email,WhatsApp consent,Status,Preferred channel,Tags,Plan\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i >> 4) % LAST.length];
    // Valid US numbers: area code 415, exchanges 200–999.
    const phone = i % 100 === 99 ? '12345' : `+1415${2_000_000 + i}`;
    const consent = ['yes', 'no', ''][pick(i, 1, 3)];
    const tags = `batch-${pick(i, 2, 50)};region-${pick(i, 3, 7)}`;
    buffer += `${first},${last} ${i},${phone},lead${i}@example.com,${consent},${STATUSES[pick(i, 4, 6)]},${CHANNELS[pick(i, 5, 3)]},${tags},${pick(i, 6, 2) ? 'gold' : 'silver'}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.end(buffer);
  await finished(out);
}

const MAPPING = [
  'first_name',
  'last_name',
  'phone',
  'email',
  'whatsapp_opt_in',
  'status',
  'preferred_channel',
  'tags',
  'custom:plan',
] as const;

/**
 * This machine's speed, for reading the import time: the same rows read through the mapping in one thread, with
 * no database, no queue and no CSV quoting (the bench file has none), just before and just after the import.
 */
async function readWithoutDatabase(path: string): Promise<number> {
  const mapping = columnMappingSchema.parse({ columns: MAPPING });
  const start = performance.now();
  let accepted = 0;
  let header = true;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      continue;
    }
    if (leadFromImportRow(line.split(','), mapping, {}).ok) accepted++;
  }
  if (accepted === 0) throw new Error('no row read');
  return (performance.now() - start) / 1000;
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

export async function benchLeads(env: Env): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-leads-bench-'));
  const file = join(dir, 'leads.csv');
  await writeCsv(file, ROWS);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const common = {
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: env.redisPrefix,
    SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
    LOG_LEVEL: 'warn',
    PUBLIC_URL: url,
  };
  const server = startProcess('apps/server/src/main.ts', { ...common, PORT: String(port) });
  const worker = startProcess('apps/worker/src/main.ts', {
    ...common,
    HEARTBEAT_EVERY_SECONDS: '3600',
    ...(process.env.BENCH_PROFILE ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof-import' } : {}),
  });
  try {
    await waitForHttp(`${url}/healthz`);
    const call = async <T>(path: string, input: unknown, token?: string, method: 'GET' | 'POST' = 'POST'): Promise<T> => {
      const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const res =
        method === 'POST'
          ? await fetch(`${url}/trpc/${path}`, { method, headers, body: JSON.stringify(input) })
          : await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
      const body = (await res.json()) as { result?: { data: T }; error?: unknown };
      if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
      return body.result.data;
    };
    const { token } = await call<{ token: string }>('auth.signUp', {
      companyName: 'Leads bench',
      name: 'B',
      email: `leads-bench-${Date.now()}@example.test`,
      password: 'bench-password',
    });

    // The machine's speed just before and just after the import: the import's figures are read against it.
    const readingBefore = await readWithoutDatabase(file);
    // Import: upload (streamed from disk), map, and wait for the worker to finish.
    const meter = startCpuMeter(cpuGroups({ worker: [worker.child.pid ?? 0], server: [server.child.pid ?? 0], postgres: 'postgres' }));
    const start = performance.now();
    const upload = await fetch(`${url}/imports/leads?filename=leads.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: Readable.toWeb(Readable.from(createReadStream(file))) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const uploaded = (await upload.json()) as { import: { id: string } };
    const uploadSeconds = (performance.now() - start) / 1000;
    await call(
      'leads.startImport',
      {
        importId: uploaded.import.id,
        mapping: MAPPING,
        consentSource: 'bench file',
      },
      token,
    );
    type ImportView = { status: string; created: number; rejected: number; rowsRead: number };
    let view: ImportView;
    do {
      await new Promise((r) => setTimeout(r, 200));
      view = await call<ImportView>('leads.importStatus', { id: uploaded.import.id }, token, 'GET');
    } while (view.status === 'queued' || view.status === 'running');
    const importSeconds = (performance.now() - start) / 1000;
    const importCpu = meter();
    if (view.status !== 'done' || view.rowsRead !== ROWS) throw new Error(`import ended ${JSON.stringify(view)}`);
    const workerPeak = peakRssMb(worker.child.pid ?? 0);
    const readingSeconds = (readingBefore + (await readWithoutDatabase(file))) / 2;
    const serverPeak = peakRssMb(server.child.pid ?? 0);

    // The list: filters the console offers, first pages and deep pages.
    const filters = [
      {},
      { status: 'won' },
      { channel: 'voice' },
      { consent: 'opted_in' },
      { tag: 'batch-7' },
      { search: 'müller 12' },
      { status: 'qualified', channel: 'whatsapp' },
      { consent: 'none', tag: 'region-3' },
      { search: '+1 415 201 23' },
      { search: '2012345' },
      { search: 'lead12345@' },
      { status: 'won', consent: 'opted_in', tag: 'region-2' },
    ];
    const latencies: number[] = [];
    const byFilter = new Map<string, number[]>();
    for (let round = 0; round < 25; round++) {
      for (const filter of filters) {
        let after: string | undefined;
        for (let page = 0; page < 3; page++) {
          const t0 = performance.now();
          const items = await call<{ cursor: string }[]>(
            'leads.list',
            { ...filter, limit: 100, ...(after ? { after } : {}) },
            token,
            'GET',
          );
          const ms = performance.now() - t0;
          latencies.push(ms);
          const key = JSON.stringify(filter);
          if (!byFilter.has(key)) byFilter.set(key, []);
          byFilter.get(key)?.push(ms);
          after = items.at(-1)?.cursor;
          if (!after) break;
        }
      }
    }
    latencies.sort((a, b) => a - b);
    const [slowestFilter, slowest] = [...byFilter]
      .map(
        ([key, ms]) =>
          [
            key,
            percentile(
              ms.sort((a, b) => a - b),
              95,
            ),
          ] as const,
      )
      .sort((a, b) => b[1] - a[1])[0] ?? ['', Number.NaN];
    const rows = ROWS.toLocaleString('en-US');
    return [
      {
        name: `Import ${rows} leads from CSV (upload ${statSync(file).size >> 20} MB + worker), s`,
        value: importSeconds,
        unit: 's',
        baseline: { name: 'of which the upload', value: uploadSeconds },
        target: ROWS === 1_000_000 ? '< 60 s' : undefined,
      },
      {
        name: 'Import time ÷ reading the same rows alone, one thread, no database (machine speed)',
        value: importSeconds / readingSeconds,
        unit: '×',
        baseline: { name: 'reading alone, s', value: readingSeconds },
      },
      ...Object.entries(importCpu).map(([role, cpuSeconds]) => ({
        name: `Import CPU per row: ${role}`,
        value: (cpuSeconds / ROWS) * 1e6,
        unit: 'µs',
      })),
      {
        name: 'Import: worker peak memory (RSS)',
        value: workerPeak,
        unit: 'MB',
        baseline: { name: 'server peak', value: serverPeak },
        target: '< 500 MB',
      },
      {
        name: `leads.list with a filter on ${view.created.toLocaleString('en-US')} leads, p95`,
        value: percentile(latencies, 95),
        unit: 'ms',
        baseline: { name: 'p50', value: percentile(latencies, 50) },
        target: '< 50 ms',
      },
      { name: `leads.list, the slowest filter's p95: ${slowestFilter}`, value: slowest, unit: 'ms' },
    ];
  } finally {
    await Promise.all([server.stop(), worker.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

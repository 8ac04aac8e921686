// A local stand-in for Twilio's REST API, for tests that drive the real `twilio` SDK (through TWILIO_API_URL).
// It records every request as the SDK encoded it and answers like Twilio: Messages create/list/fetch, Accounts
// fetch, and Twilio-shaped errors on demand.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface RecordedRequest {
  method: string;
  path: string;
  host: string | undefined;
  contentType: string | undefined;
  authorization: string | undefined;
  /** Form fields; repeated keys become arrays. */
  form: Record<string, string | string[]>;
  json: unknown;
}

export interface FakeMessage {
  sid: string;
  to: string;
  from: string | null;
  body: string | null;
  status: string;
  dateCreated: Date;
  form: Record<string, string | string[]>;
}

export interface FakeContent {
  sid: string;
  /** The JSON the SDK posted to create it. */
  request: Record<string, unknown>;
  /** The approval request's JSON, once filed. */
  approvalRequest: Record<string, unknown> | null;
  /** What an approval fetch answers (WhatsApp's review); tests move it along. */
  approval: { status: string; rejection_reason: string };
}

export interface FakeTwilioError {
  status: number;
  code: number;
  message: string;
}

export class FakeTwilio {
  readonly requests: RecordedRequest[] = [];
  readonly messages: FakeMessage[] = [];
  /** Content API resources by SID. */
  readonly contents = new Map<string, FakeContent>();
  /** The next create calls fail with these errors, in order. */
  readonly failNext: FakeTwilioError[] = [];
  /** This many next creates are accepted, then the connection drops before the answer (a timeout, a lost reply). */
  dropAnswerOfNext = 0;
  /** The next Messages list calls (a send's reconciliation) fail with these errors, in order. */
  readonly failNextList: FakeTwilioError[] = [];
  /** Per-request latency to simulate, in ms (0: answer at once). */
  latencyMs = 0;
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** How many messages each body reached the fake with (exactly-once checks). */
  countsByBody(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages) counts.set(m.body ?? '', (counts.get(m.body ?? '') ?? 0) + 1);
    return counts;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    // Plain events rather than `for await`: benchmarks run this fake on the same cores as the pipeline it feeds.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void this.answer(req, res, Buffer.concat(chunks).toString('utf8')));
  }

  private async answer(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const contentType = req.headers['content-type'];
    const form = contentType?.includes('application/x-www-form-urlencoded') ? parseForm(raw) : {};
    const json = contentType?.includes('application/json') && raw ? JSON.parse(raw) : null;
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      host: req.headers['x-twilio-original-host'] as string | undefined,
      contentType,
      authorization: req.headers.authorization,
      form,
      json,
    });
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };

    if (url.pathname.startsWith('/v1/Content')) return this.answerContent(req.method ?? 'GET', url.pathname, json, reply);
    const account = url.pathname.match(/^\/2010-04-01\/Accounts\/(AC\w+)(\.json)?$/);
    if (req.method === 'GET' && account) {
      if (req.headers.authorization !== basic(account[1] as string, 'good-token') && !this.acceptAnyToken) {
        return reply(401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
      }
      return reply(200, { sid: account[1], friendly_name: 'Fake Twilio account', status: 'active' });
    }
    const messages = url.pathname.match(/^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/);
    if (messages && req.method === 'POST') {
      const failure = this.failNext.shift();
      if (failure) return reply(failure.status, { code: failure.code, message: failure.message, more_info: '', status: failure.status });
      const message: FakeMessage = {
        sid: this.nextSid(),
        to: String(form.To),
        from: typeof form.From === 'string' ? form.From : null,
        body: typeof form.Body === 'string' ? form.Body : null,
        status: 'queued',
        dateCreated: new Date(),
        form,
      };
      this.messages.push(message);
      if (this.dropAnswerOfNext > 0) {
        this.dropAnswerOfNext--;
        req.socket.destroy();
        return;
      }
      return reply(201, toResource(messages[1] as string, message));
    }
    if (messages && req.method === 'GET') {
      const failure = this.failNextList.shift();
      if (failure) return reply(failure.status, { code: failure.code, message: failure.message, more_info: '', status: failure.status });
      const to = url.searchParams.get('To');
      const after = url.searchParams.get('DateSent>');
      // As Twilio lists them: newest first, PageSize at a time (50 unless asked), with the next page's address.
      const found = this.messages.filter((m) => (!to || m.to === to) && (!after || m.dateCreated >= new Date(after))).reverse();
      const pageSize = Math.min(Number(url.searchParams.get('PageSize') ?? 50), 1000);
      const page = Number(url.searchParams.get('Page') ?? 0);
      const rows = found.slice(page * pageSize, (page + 1) * pageSize);
      const next = new URL(url.pathname + url.search, 'http://fake');
      next.searchParams.set('Page', String(page + 1));
      next.searchParams.set('PageSize', String(pageSize));
      return reply(200, {
        messages: rows.map((m) => toResource(messages[1] as string, m)),
        next_page_uri: (page + 1) * pageSize < found.length ? next.pathname + next.search : null,
        page,
        page_size: pageSize,
      });
    }
    reply(404, { code: 20404, message: `Not found: ${req.method} ${url.pathname}`, status: 404 });
  }

  private answerContent(method: string, path: string, json: unknown, reply: (status: number, body: unknown) => void): void {
    const failure = this.failNext.shift();
    if (failure) {
      reply(failure.status, { code: failure.code, message: failure.message, more_info: '', status: failure.status });
      return;
    }
    if (method === 'POST' && path === '/v1/Content') {
      const sid = `HX${randomBytes(16).toString('hex')}`;
      const request = (json ?? {}) as Record<string, unknown>;
      this.contents.set(sid, { sid, request, approvalRequest: null, approval: { status: 'unsubmitted', rejection_reason: '' } });
      reply(201, {
        sid,
        account_sid: `AC${'0'.repeat(32)}`,
        ...request,
        date_created: new Date().toISOString(),
        url: `https://content.twilio.com${path}/${sid}`,
      });
      return;
    }
    const approval = path.match(/^\/v1\/Content\/(HX\w+)\/ApprovalRequests(\/whatsapp)?$/);
    const content = approval ? this.contents.get(approval[1] as string) : undefined;
    if (!approval || !content) {
      reply(404, { code: 20404, message: `Not found: ${method} ${path}`, status: 404 });
      return;
    }
    if (method === 'POST' && approval[2]) {
      content.approvalRequest = (json ?? {}) as Record<string, unknown>;
      content.approval = { status: 'received', rejection_reason: '' };
      reply(201, { ...content.approvalRequest, content_type: 'twilio/text', ...content.approval, allow_category_change: true });
      return;
    }
    if (method === 'GET' && !approval[2]) {
      const { name, category } = (content.approvalRequest ?? {}) as { name?: string; category?: string };
      reply(200, {
        sid: content.sid,
        account_sid: `AC${'0'.repeat(32)}`,
        whatsapp: { type: 'whatsapp', name, category, content_type: 'twilio/text', ...content.approval },
        url: `https://content.twilio.com${path}`,
      });
      return;
    }
    reply(405, { code: 20004, message: `Method not allowed: ${method} ${path}`, status: 405 });
  }

  /** WhatsApp's review of a content, as the next approval fetch reports it. */
  setApproval(contentSid: string, status: string, rejectionReason = ''): void {
    const content = this.contents.get(contentSid);
    if (!content) throw new Error(`the fake has no content ${contentSid}`);
    content.approval = { status, rejection_reason: rejectionReason };
  }

  // Unique per fake and cheap: a random half and a counter (randomBytes per message showed in benchmarks).
  private readonly sidPrefix = randomBytes(8).toString('hex');
  private sidCounter = 0;
  private nextSid(): string {
    return `SM${this.sidPrefix}${(this.sidCounter++).toString(16).padStart(16, '0')}`;
  }

  /** Tests of the adapter's mapping do not care which token was used. */
  acceptAnyToken = true;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function parseForm(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function toResource(accountSid: string, m: FakeMessage) {
  return {
    sid: m.sid,
    account_sid: accountSid,
    to: m.to,
    from: m.from,
    body: m.body,
    status: m.status,
    direction: 'outbound-api',
    num_segments: '1',
    num_media: '0',
    price: null,
    price_unit: 'USD',
    error_code: null,
    error_message: null,
    date_created: m.dateCreated.toUTCString(),
    date_updated: m.dateCreated.toUTCString(),
    date_sent: null,
    api_version: '2010-04-01',
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`,
  };
}

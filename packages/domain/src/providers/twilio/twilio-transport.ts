// The HTTP transport under the official Twilio SDK (its `httpClient` option). The SDK still builds every
// request (paths, parameter names, auth); this only carries it. Why not the SDK's default: its axios layer cost
// about a third of the send worker's CPU per message (docs/architecture.md, "Send pipeline"); plain node:http
// with keep-alive sockets does the same work for a fraction. It also sends every call to another origin with the
// same path when TWILIO_API_URL is set: tests run the real SDK against a local fake Twilio this way.
// With HTTP_PROXY set, requests go through the SDK's own client, which knows proxies.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import twilio from 'twilio';

type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0];
type Response<T> = Awaited<ReturnType<InstanceType<typeof twilio.RequestClient>['request']>> & { body: T };

export interface TwilioTransportOptions {
  /** Send every call here instead of Twilio's hosts, keeping the path (TWILIO_API_URL). */
  origin?: string | undefined;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
  /** Twilio's 429 (too many requests) is retried this many times with jittered backoff, as the SDK's autoRetry does. */
  maxRetries?: number;
  /** Waits between 429 retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
}

const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 100 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 100 }) };

export class TwilioTransport extends twilio.RequestClient {
  // ES private fields: the SDK's RequestClient has public fields of similar names.
  readonly #origin: string | null;
  readonly #timeoutMs: number;
  readonly #retriesOf429: number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(opts: TwilioTransportOptions = {}) {
    super({ keepAlive: true, timeout: opts.timeoutMs ?? 15_000 });
    this.#origin = opts.origin ? opts.origin.replace(/\/+$/, '') : null;
    this.#timeoutMs = opts.timeoutMs ?? 15_000;
    this.#retriesOf429 = opts.maxRetries ?? 2;
    this.#sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  override async request<TData>(opts: RequestOptions & { data?: TData }): Promise<Response<TData>> {
    const original = new URL(opts.uri);
    const routed = this.#origin
      ? {
          ...opts,
          uri: `${this.#origin}${original.pathname}${original.search}`,
          // The fake tells api.twilio.com from content.twilio.com by this header.
          headers: { ...opts.headers, 'X-Twilio-Original-Host': original.host },
        }
      : opts;
    if (process.env.HTTP_PROXY) return super.request(routed) as Promise<Response<TData>>;
    for (let attempt = 0; ; attempt++) {
      const response = await this.#once<TData>(routed);
      if (response.statusCode !== 429 || attempt >= this.#retriesOf429) return response;
      await this.#sleep(Math.floor(Math.random() * Math.min(3000, 100 * 2 ** (attempt + 1))));
    }
  }

  #once<TData>(opts: RequestOptions): Promise<Response<TData>> {
    const url = new URL(opts.uri);
    if (opts.params) for (const [key, value] of formEntries(opts.params as Record<string, unknown>)) url.searchParams.append(key, value);
    const headers: Record<string, string> = { Connection: 'keep-alive', ...(opts.headers as Record<string, string> | undefined) };
    if (opts.username && opts.password)
      headers.Authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
    let body: string | undefined;
    if (opts.data) {
      body =
        headers['Content-Type'] === 'application/json'
          ? JSON.stringify(opts.data)
          : new URLSearchParams(formEntries(opts.data as Record<string, unknown>)).toString();
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: opts.method.toUpperCase(),
          headers,
          agent: secure ? agents.https : agents.http,
          timeout: opts.timeout ?? this.#timeoutMs,
        },
        (res) => readResponse<TData>(res).then(resolve, reject),
      );
      req.on('timeout', () => req.destroy(new Error(`Twilio did not answer within ${opts.timeout ?? this.#timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** Form fields as Twilio expects them: arrays become repeated keys (MediaUrl=a&MediaUrl=b), dates ISO strings. */
function formEntries(fields: Record<string, unknown>): [string, string][] {
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      entries.push([key, item instanceof Date ? item.toISOString() : typeof item === 'object' ? JSON.stringify(item) : String(item)]);
    }
  }
  return entries;
}

function readResponse<TData>(res: IncomingMessage): Promise<Response<TData>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      // As the SDK's own client does: JSON when it parses, the text otherwise.
      try {
        body = text ? JSON.parse(text) : text;
      } catch {}
      resolve({ statusCode: res.statusCode ?? 0, body: body as TData, headers: res.headers });
    });
  });
}

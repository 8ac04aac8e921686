// The HTTP transport under the official Twilio SDK (its `httpClient` option). The SDK still builds every
// request (paths, parameter names, auth); this only carries it. Why not the SDK's default: its axios layer cost
// about a third of the send worker's CPU per message, and node:http half of what is left; undici (the HTTP client
// inside Node's own fetch) does the same work for less (docs/architecture.md, "Send pipeline"). It also sends
// every call to another origin with the same path when TWILIO_API_URL is set: tests run the real SDK against a
// local fake Twilio this way. With HTTP_PROXY set, requests go through the SDK's own client, which knows proxies.
import twilio from 'twilio';
import { Agent, request as undiciRequest } from 'undici';

type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0];
type Response<T> = Awaited<ReturnType<InstanceType<typeof twilio.RequestClient>['request']>> & { body: T };
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

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

// One connection pool per process, shared by every sender: keep-alive sockets to Twilio are the expensive part.
const dispatcher = new Agent({ connections: 128, keepAliveTimeout: 30_000 });

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

  async #once<TData>(opts: RequestOptions): Promise<Response<TData>> {
    const url = new URL(opts.uri);
    if (opts.params) for (const [key, value] of formEntries(opts.params as Record<string, unknown>)) url.searchParams.append(key, value);
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (opts.username && opts.password)
      headers.Authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
    let body: string | undefined;
    if (opts.data) {
      body =
        headers['Content-Type'] === 'application/json'
          ? JSON.stringify(opts.data)
          : new URLSearchParams(formEntries(opts.data as Record<string, unknown>)).toString();
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    }
    const timeout = opts.timeout ?? this.#timeoutMs;
    const res = await undiciRequest(url, {
      method: opts.method.toUpperCase() as HttpMethod,
      headers,
      body,
      dispatcher,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const text = await res.body.text();
    let parsed: unknown = text;
    // As the SDK's own client does: JSON when it parses, the text otherwise.
    try {
      parsed = text ? JSON.parse(text) : text;
    } catch {}
    return { statusCode: res.statusCode, body: parsed as TData, headers: res.headers };
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

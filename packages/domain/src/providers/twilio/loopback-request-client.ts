// Sends every Twilio REST call to another origin with the same path (TWILIO_API_URL): tests run the real SDK
// against a local fake Twilio, and deployments can go through a Twilio-compatible proxy.
import twilio from 'twilio';

type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0];

export class LoopbackRequestClient extends twilio.RequestClient {
  private readonly origin: string;

  constructor(origin: string) {
    super({ keepAlive: true });
    this.origin = origin.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestOptions & { data?: TData }) {
    const original = new URL(opts.uri);
    return super.request({
      ...opts,
      uri: `${this.origin}${original.pathname}${original.search}`,
      // The fake tells api.twilio.com from content.twilio.com by this header.
      headers: { ...opts.headers, 'X-Twilio-Original-Host': original.host },
    });
  }
}

// The built-in WhatsApp simulator: accepts sends like Twilio, then calls the server's real webhook routes,
// signed with the provider's token, with the status progressions and lead replies of simulation-script.ts.
// It needs no account and no network beyond the server itself.
import { randomBytes } from 'node:crypto';
import type { WhatsappProvider } from '../../entities/whatsapp-provider.ts';
import type { ApprovalStatus, WireContentCreateRequest } from '../../templates/twilio-content.ts';
import { twilioSignature } from '../../webhooks/twilio-signature.ts';
import type { MessagingProvider, OutboundMessage, SendResult } from '../messaging-provider.ts';
import { webhookUrls } from '../provider-settings.ts';
import { simulatedContentSid, simulatedReview } from './simulated-template-review.ts';
import { type Simulation, simulationFor } from './simulation-script.ts';

export type Schedule = (afterMs: number, task: () => Promise<void>) => void;

export interface SimulatorOptions {
  publicUrl: string;
  schedule?: Schedule;
  /** The clock of the simulated template review (tests move it instead of waiting). */
  now?: () => number;
  script?: (messageId: string, body: string | null) => Simulation;
  onError?: (error: unknown) => void;
}

/** A simulated WhatsApp message costs what a utility conversation message roughly does (USD 0.005). */
const SIMULATED_PRICE_MICROS = 5000;

const defaultSchedule: Schedule = (afterMs, task) => {
  setTimeout(() => void task(), afterMs).unref();
};

export class SimulatorProvider implements MessagingProvider {
  private readonly row: Pick<WhatsappProvider, 'id' | 'sender'>;
  private readonly authToken: string;
  private readonly opts: Required<Omit<SimulatorOptions, 'onError'>> & Pick<SimulatorOptions, 'onError'>;

  constructor(row: Pick<WhatsappProvider, 'id' | 'sender'>, authToken: string, opts: SimulatorOptions) {
    this.row = row;
    this.authToken = authToken;
    this.opts = { schedule: defaultSchedule, script: simulationFor, now: Date.now, ...opts };
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const plan = this.opts.script(message.messageId, message.displayedBody);
    const to = message.to.startsWith('whatsapp:') ? message.to : `whatsapp:${message.to}`;
    for (const cb of plan.callbacks) {
      const params: Record<string, string> = {
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: cb.status,
        SmsStatus: cb.status,
        AccountSid: 'ACsimulator',
        From: this.row.sender,
        To: to,
        ApiVersion: '2010-04-01',
        ChannelPrefix: 'whatsapp',
        ...(cb.status === 'read' ? { EventType: 'READ' } : {}),
        ...(cb.errorCode ? { ErrorCode: String(cb.errorCode) } : {}),
      };
      this.opts.schedule(cb.afterMs, () => this.post(message.statusCallbackUrl, params));
    }
    if (plan.reply) {
      const reply = plan.reply;
      this.opts.schedule(reply.afterMs, () => this.simulateInbound(to, reply.body));
    }
    return { providerMessageId: sid, status: 'queued', priceMicros: SIMULATED_PRICE_MICROS, priceCurrency: 'USD' };
  }

  async findSent(): Promise<SendResult | null> {
    // The simulator keeps no log: a message lost mid-send is simply sent again.
    return null;
  }

  async testConnection(): Promise<{ ok: true; accountName: string }> {
    return { ok: true, accountName: 'Switchboard simulator' };
  }

  async createTemplateContent(request: WireContentCreateRequest): Promise<{ contentSid: string }> {
    return { contentSid: simulatedContentSid(request, this.opts.now()) };
  }

  async requestTemplateApproval(contentSid: string): Promise<ApprovalStatus> {
    return simulatedReview(contentSid, this.opts.now());
  }

  async templateApprovalStatus(contentSid: string): Promise<ApprovalStatus> {
    return simulatedReview(contentSid, this.opts.now());
  }

  /** A lead writes to the business (used by scripted replies and by the console's "simulate a message"). */
  async simulateInbound(from: string, body: string): Promise<void> {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const address = from.startsWith('whatsapp:') ? from : `whatsapp:${from}`;
    await this.post(webhookUrls(this.opts.publicUrl, this.row.id).inbound, {
      MessageSid: sid,
      SmsMessageSid: sid,
      AccountSid: 'ACsimulator',
      From: address,
      To: this.row.sender,
      Body: body,
      NumMedia: '0',
      NumSegments: '1',
      ProfileName: 'Simulated lead',
      WaId: address.replace(/^whatsapp:\+/, ''),
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    });
  }

  private async post(url: string, params: Record<string, string>): Promise<void> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilioSignature(this.authToken, url, params),
        },
        body: new URLSearchParams(params).toString(),
      });
      if (!res.ok) throw new Error(`simulator callback to ${url} answered ${res.status}`);
    } catch (error) {
      this.opts.onError?.(error);
    }
  }
}

/** The console's "a lead writes to us" for companies on the simulator: goes through the real inbound webhook. */
export async function simulateInboundMessage(
  provider: Pick<WhatsappProvider, 'id' | 'sender'> & { kind: string },
  authToken: string,
  publicUrl: string,
  input: { phone: string; body: string },
): Promise<void> {
  if (provider.kind !== 'simulator') throw new Error('Only the simulator can simulate inbound messages');
  let failure: unknown = null;
  await new SimulatorProvider(provider, authToken, { publicUrl, onError: (e) => (failure = e) }).simulateInbound(input.phone, input.body);
  if (failure) throw failure;
}

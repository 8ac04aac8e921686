// The real twilio SDK against the local fake Twilio: what goes over the wire for each kind of message.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OutboundContent, ProviderError } from '../src/providers/messaging-provider.ts';
import { TwilioProvider } from '../src/providers/twilio/twilio-provider.ts';
import { FakeTwilio } from '../src/testing/fake-twilio.ts';

const accountSid = `AC${'a'.repeat(32)}`;
let fake: FakeTwilio;
let provider: TwilioProvider;

beforeAll(async () => {
  fake = await new FakeTwilio().start();
  provider = new TwilioProvider({ accountSid, authToken: 'good-token', sender: 'whatsapp:+14155238886' }, { apiUrl: fake.url });
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.requests.length = 0;
  fake.failNext.length = 0;
});

const send = (content: OutboundContent) =>
  provider.send({
    messageId: 'm-1',
    to: '+15005550006',
    content,
    statusCallbackUrl: 'https://sb.example.com/webhooks/twilio/p-1/status?mid=m-1',
    displayedBody: null,
  });

describe('Messages.create request fields per kind', () => {
  it.each<{ kind: string; content: OutboundContent; form: Record<string, string | string[]> }>([
    { kind: 'text', content: { kind: 'text', body: 'héllo & bye' }, form: { Body: 'héllo & bye' } },
    {
      kind: 'media (image)',
      content: { kind: 'media', mediaUrl: 'https://cdn.example.com/a.png' },
      form: { MediaUrl: 'https://cdn.example.com/a.png' },
    },
    {
      kind: 'media (document with caption)',
      content: { kind: 'media', mediaUrl: 'https://cdn.example.com/brochure.pdf', caption: 'Our brochure' },
      form: { MediaUrl: 'https://cdn.example.com/brochure.pdf', Body: 'Our brochure' },
    },
    {
      kind: 'location',
      content: { kind: 'location', latitude: 37.78789, longitude: -122.391664, label: '375 Beale St' },
      form: { PersistentAction: 'geo:37.78789,-122.391664|375 Beale St', Body: '375 Beale St' },
    },
    {
      kind: 'template',
      content: { kind: 'template', contentSid: `HX${'b'.repeat(32)}`, variables: { '1': "Ana O'Neil", '2': 'Mon' } },
      form: { ContentSid: `HX${'b'.repeat(32)}`, ContentVariables: '{"1":"Ana O\'Neil","2":"Mon"}' },
    },
  ])('$kind', async ({ content, form }) => {
    const result = await send(content);
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0];
    expect(request).toMatchObject({ method: 'POST', path: `/2010-04-01/Accounts/${accountSid}/Messages.json`, host: 'api.twilio.com' });
    expect(request?.contentType).toContain('application/x-www-form-urlencoded');
    expect(request?.authorization).toBe(`Basic ${Buffer.from(`${accountSid}:good-token`).toString('base64')}`);
    expect(request?.form).toEqual({
      To: 'whatsapp:+15005550006',
      From: 'whatsapp:+14155238886',
      StatusCallback: 'https://sb.example.com/webhooks/twilio/p-1/status?mid=m-1',
      ...form,
    });
  });

  it('a Messaging Service sender sends MessagingServiceSid instead of From', async () => {
    const viaService = new TwilioProvider({ accountSid, authToken: 'good-token', sender: `MG${'c'.repeat(32)}` }, { apiUrl: fake.url });
    await viaService.send({
      messageId: 'm',
      to: 'whatsapp:+15005550006',
      content: { kind: 'text', body: 'x' },
      statusCallbackUrl: 'https://x/s',
      displayedBody: null,
    });
    expect(fake.requests[0]?.form).toMatchObject({ MessagingServiceSid: `MG${'c'.repeat(32)}`, To: 'whatsapp:+15005550006' });
    expect(fake.requests[0]?.form.From).toBeUndefined();
  });
});

describe('Twilio errors become ProviderErrors with readable reasons', () => {
  it.each([
    { status: 400, code: 63016, retryable: false, reason: /Outside the 24-hour window/ },
    { status: 400, code: 21211, retryable: false, reason: /Invalid phone number/ },
    { status: 429, code: 20429, retryable: true, reason: /Too many requests/ },
    { status: 503, code: 20500, retryable: true, reason: /Twilio error 20500/ },
  ])('HTTP $status code $code', async ({ status, code, retryable, reason }) => {
    // The SDK's own 429 retry: fail enough times that it gives up.
    for (let i = 0; i < 3; i++) fake.failNext.push({ status, code, message: 'Twilio says no' });
    const error = (await send({ kind: 'text', body: 'x' }).catch((e: unknown) => e)) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toMatch(reason);
  });

  it('an unreachable Twilio is a retryable error without a code', async () => {
    const nowhere = new TwilioProvider({ accountSid, authToken: 't', sender: 'whatsapp:+1' }, { apiUrl: 'http://127.0.0.1:9' });
    const error = (await nowhere
      .send({ messageId: 'm', to: '+1', content: { kind: 'text', body: 'x' }, statusCallbackUrl: 'https://x', displayedBody: 'x' })
      .catch((e: unknown) => e)) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.code).toBeNull();
    expect(error.retryable).toBe(true);
  });
});

describe('testConnection', () => {
  it('fetches the account with the given credentials', async () => {
    fake.acceptAnyToken = false;
    expect(await provider.testConnection()).toEqual({ ok: true, accountName: 'Fake Twilio account' });
    const wrong = new TwilioProvider({ accountSid, authToken: 'wrong', sender: 'whatsapp:+1' }, { apiUrl: fake.url });
    await expect(wrong.testConnection()).rejects.toThrow(/credentials/);
    fake.acceptAnyToken = true;
  });
});

describe('findSent: finding a send whose answer was lost', () => {
  const to = '+15005550123';
  const outbound = (body: string) => ({
    messageId: `m-${body}`,
    to,
    content: { kind: 'text' as const, body },
    statusCallbackUrl: 'https://sb.example.com/webhooks/twilio/p-1/status',
    displayedBody: body,
  });

  it('reads every page of the window (newest first), so a lead sent a burst still has each message found', async () => {
    const since = new Date(Date.now() - 1000);
    const sids: string[] = [];
    for (let i = 0; i < 1250; i++) sids.push((await provider.send(outbound(`burst ${i}`))).providerMessageId);
    fake.requests.length = 0;
    // The oldest of 1,250: beyond the first page of 1,000.
    expect(await provider.findSent(outbound('burst 0'), since)).toMatchObject({ providerMessageId: sids[0], status: 'queued' });
    const pages = fake.requests.filter((r) => r.method === 'GET');
    expect(pages).toHaveLength(2);
    expect(await provider.findSent(outbound('burst 1249'), since)).toMatchObject({ providerMessageId: sids[1249] });
    expect(await provider.findSent(outbound('never sent'), since)).toBeNull();
  });
});

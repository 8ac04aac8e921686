// A lead writes in (through the simulator), the user opens the conversation, replies, and watches the ticks
// move sent → delivered → read as the simulator's signed callbacks reach the server and the worker applies them;
// the list of conversations follows those events in memory, without asking the server again for each.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { uniqueEmail } from '@switchboard/domain/testing';
import type { RunningWorker } from '@switchboard/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildRenderer, launchBrowser, SCREENSHOT_DIR, serveRenderer, signedInPage, startApiServer, startE2eWorker } from './harness.ts';

let api: Awaited<ReturnType<typeof startApiServer>>;
let web: Awaited<ReturnType<typeof serveRenderer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let worker: RunningWorker;
let email: string;
const password = 'correct-horse-42';

beforeAll(async () => {
  buildRenderer();
  [api, web, browser] = await Promise.all([startApiServer('e2e-conversations', { reachable: true }), serveRenderer(), launchBrowser()]);
  worker = await startE2eWorker(api, 'e2e-conversations', {
    // Callbacks a second apart, so each tick can be seen before the next arrives.
    simulatorScript: () => ({
      callbacks: [
        { afterMs: 700, status: 'sent' },
        { afterMs: 1700, status: 'delivered' },
        { afterMs: 2700, status: 'read' },
      ],
      reply: null,
    }),
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  email = uniqueEmail('convo');
  const signUp = await fetch(`${api.url}/trpc/auth.signUp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ companyName: 'Harbor Realty', name: 'Olivia Ops', email, password }),
  });
  const { token } = ((await signUp.json()) as { result: { data: { token: string } } }).result.data;
  const provider = await fetch(`${api.url}/trpc/providers.upsertWhatsApp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ kind: 'simulator', from: '+15550100000' }),
  });
  expect(provider.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await web?.close();
  await api?.close();
});

const signedIn = () => signedInPage(browser.context, { webUrl: web.url, apiUrl: api.url }, { email, password });

it('open a conversation, send, and see the ticks move live as callbacks arrive', async () => {
  const page = await signedIn();
  await page.getByTestId('nav-conversations').click();
  await page.getByTestId('simulate-form').waitFor();
  await page.getByTestId('simulate-phone').fill('+14155550101');
  await page.getByTestId('simulate-body').fill('Hi! Is the house on Elm Street still available?');
  await page.getByTestId('simulate-send').click();

  // The inbound message arrives through webhook → inbox → worker → event stream, without a reload.
  await page.getByTestId('conversation-item').first().waitFor();
  await page.getByTestId('conversation-item').first().click();
  await page.locator('[data-testid="message"]', { hasText: 'Elm Street' }).waitFor();
  expect(await page.getByTestId('window-state').textContent()).toMatch(/Window open · 23 h 59 m left|Window open · 24 h 0 m left/);

  await page.getByTestId('composer-text').fill('Yes it is! Would Saturday at 10 work for a viewing?');
  await page.getByTestId('composer-send').click();
  const outbound = page.locator('[data-testid="message"]', { hasText: 'Saturday at 10' });
  await outbound.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'conversation-failure.png') });
    throw error;
  });
  const tick = outbound.getByTestId('ticks');
  const seen: string[] = [];
  for (const status of ['sent', 'delivered', 'read']) {
    await outbound.locator(`[data-testid="ticks"][data-status="${status}"]`).waitFor({ timeout: 15_000 });
    seen.push((await tick.getAttribute('data-status')) as string);
    if (status === 'delivered') await page.screenshot({ path: join(SCREENSHOT_DIR, 'conversation-delivered.png') });
  }
  expect(seen).toEqual(['sent', 'delivered', 'read']);
  expect(await tick.getAttribute('title')).toBe('Read');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'conversation.png') });

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('webhook-urls').waitFor();
  expect(await page.getByTestId('webhook-urls').textContent()).toContain(`${api.services.publicUrl}/webhooks/twilio/`);
  // Every webhook of the conversation was applied: the admin's list of events set aside is empty.
  await page.getByTestId('webhook-dead-letters').getByText('None: every event was applied.').waitFor();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'settings-provider.png'), fullPage: true });
});

it('live events patch the list in memory: it is asked again only for a conversation it does not hold', async () => {
  const page = await browser.context.newPage();
  const listRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes('conversations.list')) listRequests.push(request.url());
  });
  // The session saved by the first test is restored: no sign-in.
  await page.goto(`${web.url}/?server=${encodeURIComponent(api.url)}`);
  await page.locator('[data-testid="connection"][data-state="live"]').waitFor();
  await page.getByTestId('nav-conversations').click();
  await page.getByTestId('conversation-item').first().waitFor();
  expect(listRequests).toHaveLength(1);

  const top = page.getByTestId('conversation-item').first();
  const simulate = async (phone: string, body: string) => {
    await page.getByTestId('simulate-phone').fill(phone);
    await page.getByTestId('simulate-body').fill(body);
    await page.getByTestId('simulate-send').click();
    await page.locator('[data-testid="conversation-item"]', { hasText: body }).waitFor({ timeout: 15_000 });
  };

  // A new lead writes: the list does not hold that conversation, and the event does not carry the lead's name.
  await simulate('+14155550102', 'Hi, this is Noah. Can I see the flat?');
  expect(await top.textContent()).toContain('Can I see the flat?');
  expect(listRequests).toHaveLength(2);

  // Then everything is patched in memory: Noah's next messages, counted unread while another conversation is open...
  await simulate('+14155550102', 'Is parking included?');
  await simulate('+14155550102', 'And are pets allowed?');
  expect(await top.textContent()).toContain('And are pets allowed?');
  expect(await top.getByTestId('unread').textContent()).toBe('3');

  // ...and a reply in the open conversation, which moves it to the top, with its statuses as they arrive.
  await page.getByTestId('composer-text').fill('Saturday at 10 works, see you there');
  await page.getByTestId('composer-send').click();
  await page
    .locator('[data-testid="message"]', { hasText: 'Saturday at 10 works' })
    .locator('[data-testid="ticks"][data-status="read"]')
    .waitFor({
      timeout: 15_000,
    });
  expect(await top.textContent()).toContain('You: Saturday at 10 works, see you there');
  expect(await page.getByTestId('conversation-item').nth(1).textContent()).toContain('And are pets allowed?');
  expect(await page.getByTestId('conversation-item').count()).toBe(2);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'conversations-live.png') });

  // Four messages and their statuses later, still the two reads: the first, and the one for the new conversation.
  expect(listRequests).toHaveLength(2);

  // After a break in the connection the list is read again (events trimmed meanwhile could not be replayed).
  api.dropConnections();
  await page.locator('[data-testid="connection"][data-state="reconnecting"]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 15_000 });
  await expect.poll(() => listRequests.length, { timeout: 10_000 }).toBe(3);
  await page.close();
});

// A lead writes in (through the simulator), the user opens the conversation, replies, and watches the ticks
// move sent → delivered → read as the simulator's signed callbacks reach the server and the worker applies them.
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

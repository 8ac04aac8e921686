// A user signs in, creates an agent, sees it listed; a second console of the same company sees it arrive live.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { uniqueEmail } from '@switchboard/domain/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildRenderer, launchBrowser, SCREENSHOT_DIR, serveRenderer, startApiServer } from './harness.ts';

let api: Awaited<ReturnType<typeof startApiServer>>;
let web: Awaited<ReturnType<typeof serveRenderer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
const password = 'correct-horse-42';
let email: string;

beforeAll(async () => {
  buildRenderer();
  [api, web, browser] = await Promise.all([startApiServer('e2e'), serveRenderer(), launchBrowser()]);
  context = browser.context;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  email = uniqueEmail('ops');
  const res = await fetch(`${api.url}/trpc/auth.signUp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ companyName: 'Harbor Realty', name: 'Olivia Ops', email, password }),
  });
  expect(res.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.close();
});

async function openConsole(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${web.url}/?server=${encodeURIComponent(api.url)}`);
  return page;
}

async function signIn(page: Page, withPassword = password) {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(withPassword);
  await page.getByTestId('login-submit').click();
}

it('a wrong password shows a readable error and stays on the sign-in screen', async () => {
  const page = await openConsole();
  await expect.poll(() => page.getByTestId('login-server').inputValue()).toBe(api.url);
  await signIn(page, 'not-my-password');
  await page.getByTestId('login-error').waitFor();
  expect(await page.getByTestId('login-error').textContent()).toBe('Wrong email or password.');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'login-error.png') });
  await page.close();
});

it('signs in, creates an agent, and a second console receives it live', async () => {
  const first = await openConsole();
  await signIn(first);
  await first.getByTestId('company-name').waitFor();
  expect(await first.getByTestId('company-name').textContent()).toBe('Harbor Realty');
  await first.locator('[data-testid="connection"][data-state="live"]').waitFor();

  // The second console shares the browser profile, so it restores the saved session without signing in.
  const second = await openConsole();
  await second.locator('[data-testid="connection"][data-state="live"]').waitFor();
  expect(await second.getByTestId('agent-row').count()).toBe(0);

  await first.getByTestId('agent-new').click();
  await first.getByTestId('agent-save').click();
  expect(await first.getByTestId('agent-form').textContent()).toContain('Name is required');
  await first.getByTestId('agent-name').fill('Ava — appointment setter');
  await first.getByTestId('agent-channel-whatsapp').check();
  await first.getByTestId('agent-save').click();
  // The editor stays open on the created agent; the list is one step back.
  await first.getByTestId('agent-notice').waitFor();
  await first.getByTestId('agent-back').click();

  await first.getByTestId('agent-row').first().waitFor();
  expect(await first.getByTestId('agent-row').allTextContents()).toEqual([expect.stringContaining('Ava — appointment setter')]);
  expect(await first.getByTestId('agent-row').first().textContent()).toContain('VoiceWhatsApp');

  // No reload: the row arrives through events.stream.
  await second.getByTestId('agent-row').first().waitFor();
  expect(await second.getByTestId('agent-row').first().textContent()).toContain('Ava — appointment setter');
  expect(await second.getByTestId('agent-row').count()).toBe(1);

  await first.screenshot({ path: join(SCREENSHOT_DIR, 'agents.png') });
  await second.screenshot({ path: join(SCREENSHOT_DIR, 'agents-second-console.png') });

  await first.getByTestId('nav-settings').click();
  await first.getByTestId('screen-settings').waitFor();
  await first.screenshot({ path: join(SCREENSHOT_DIR, 'settings.png') });
  await first.getByTestId('sign-out').click();
  await first.getByTestId('login-submit').waitFor();
  await first.screenshot({ path: join(SCREENSHOT_DIR, 'login.png') });
});

// A manager starts an agent from the industry library, then builds one from scratch: WhatsApp on, a sender, an
// approved opening template, WhatsApp hours with a split day, a Saturday and a holiday (an overlap first refused at
// its row), attempts; sees it listed with its hours, reopens it with everything kept, saves one change as a patch,
// previews it for two leads, and archives the library agent.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { uniqueEmail } from '@switchboard/domain/testing';
import type { RunningWorker } from '@switchboard/worker';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildRenderer, launchBrowser, SCREENSHOT_DIR, serveRenderer, signedInPage, startApiServer, startE2eWorker } from './harness.ts';

let api: Awaited<ReturnType<typeof startApiServer>>;
let web: Awaited<ReturnType<typeof serveRenderer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let worker: RunningWorker;
let email: string;
let token: string;
let templateId: string;
const password = 'correct-horse-42';
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, name) });

async function call<T>(path: string, input: unknown, method: 'GET' | 'POST' = 'POST'): Promise<T> {
  const query = method === 'GET' ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
  const res = await fetch(`${api.url}/trpc/${path}${query}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function template(name: string, body: string): Promise<string> {
  const variables = [
    { name: 'first_name', example: 'Maya', binding: { source: 'lead', field: 'firstName' } },
    { name: 'agent_name', example: 'Ava', binding: { source: 'agent', field: 'name' } },
    { name: 'area', example: 'Noe Valley', binding: { source: 'custom', key: 'area' } },
  ];
  return (await call<{ id: string }>('templates.create', { name, language: 'en', category: 'marketing', body, variables })).id;
}

beforeAll(async () => {
  buildRenderer();
  [api, web, browser] = await Promise.all([startApiServer('e2e-agents', { reachable: true }), serveRenderer(), launchBrowser()]);
  // The worker polls the simulator's review, so the opening template turns approved.
  worker = await startE2eWorker(api, 'e2e-agents');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  email = uniqueEmail('agents');
  token = (await call<{ token: string }>('auth.signUp', { companyName: 'Harbor Realty', name: 'Olivia Ops', email, password })).token;
  await call('providers.upsertWhatsApp', { kind: 'simulator', from: '+14155550100' });
  await call('leads.create', {
    name: 'Maya Lopez',
    phone: '+14155550123',
    timezone: 'America/Los_Angeles',
    whatsappOptIn: true,
    customFields: { area: 'Noe Valley' },
  });
  await call('leads.create', { name: 'Sam Park', phone: '+14155550124', timezone: 'America/New_York', whatsappOptIn: true });
  templateId = await template(
    'home_search_hello',
    'Hi {{first_name}}, this is {{agent_name}} from Harbor Realty. Still looking in {{area}}? Reply YES.',
  );
  await call('templates.submitForApproval', { templateId });
  // A draft nobody submitted: choosing it warns that sends wait for WhatsApp.
  await template('spring_offer', 'Hi {{first_name}}, {{agent_name}} here: spring prices in {{area}} are in. Reply to hear more.');
});

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await web?.close();
  await api?.close();
});

const signedIn = () => signedInPage(browser.context, { webUrl: web.url, apiUrl: api.url }, { email, password });

const scrollTo = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'start' }));

it('create an agent with WhatsApp, a sender, a template and hours; see it listed, reopen it, preview it', async () => {
  const page = await signedIn();
  await page.getByTestId('screen-agents').waitFor();

  // The library: an agent per industry; using one creates it (with its first-contact template, a draft) and opens it.
  await page.getByTestId('agent-library').click();
  await page.getByTestId('agent-library-entry').first().waitFor();
  expect(await page.getByTestId('agent-library-entry').count()).toBeGreaterThanOrEqual(30);
  await shot(page, 'agent-library.png');
  await page.getByTestId('agent-library-search').fill('dental');
  const dental = page.locator('[data-testid="agent-library-entry"][data-industry="dental"]');
  await dental.getByTestId('agent-library-use').click();
  await page.getByTestId('agent-editor').waitFor();
  expect(await page.getByTestId('agent-industry').inputValue()).toBe('dental');
  await expect.poll(() => page.getByTestId('whatsapp-template').locator('option:checked').textContent()).toContain('dental_first_contact');
  expect(await page.getByTestId('whatsapp-template-warning').textContent()).toContain('Sends will wait until WhatsApp approves it');
  await scrollTo(page, 'agent-section-whatsapp');
  await shot(page, 'agent-from-library.png');
  await page.getByTestId('agent-back').click();
  await page.getByTestId('agent-row').first().waitFor();

  // From scratch: name, industry, both channels, a prompt with one variable left without a value.
  await page.getByTestId('agent-new').click();
  await page.getByTestId('agent-name').fill('Ava, home search assistant');
  await page.getByTestId('agent-industry').selectOption('real_estate');
  await page.getByTestId('agent-channel-whatsapp').check();
  await page
    .getByTestId('agent-prompt')
    .fill('You are {{agent_name}}, calling {{lead_name}} about homes in {{service_area}}. Book a viewing.');

  // WhatsApp: the sender, a draft template (warned about), then the approved one (the simulator approves in seconds).
  await expect
    .poll(async () => (await call<{ template: { status: string } }>('templates.get', { id: templateId }, 'GET')).template.status, {
      timeout: 30_000,
      interval: 500,
    })
    .toBe('approved');
  await page.getByTestId('whatsapp-sender').selectOption({ index: 1 });
  await page.getByTestId('whatsapp-template').selectOption({ label: 'spring_offer (en) · Draft' });
  expect(await page.getByTestId('whatsapp-template-warning').textContent()).toContain('Sends will wait until WhatsApp approves it');
  await page.getByTestId('whatsapp-template').selectOption({ label: 'home_search_hello (en) · Approved' });
  expect(await page.getByTestId('whatsapp-template-warning').count()).toBe(0);
  await page.getByTestId('whatsapp-attempts-max').fill('3');
  await page.getByTestId('whatsapp-attempts-spacing-unit').selectOption('hours');
  await page.getByTestId('whatsapp-attempts-spacing-amount').fill('4');

  // WhatsApp hours in New York: Monday split in two, first with an overlap the server refuses at its row.
  await page.getByTestId('whatsapp-hours-timezone').selectOption('America/New_York');
  await page.getByTestId('whatsapp-hours-mon-start-0').fill('09:00');
  await page.getByTestId('whatsapp-hours-mon-end-0').fill('12:00');
  await page.getByTestId('whatsapp-hours-mon-add').click();
  await page.getByTestId('whatsapp-hours-mon-start-1').fill('11:00');
  await page.getByTestId('whatsapp-hours-mon-end-1').fill('18:00');
  await page.getByTestId('agent-save').click();
  const overlap = page.getByTestId('whatsapp-hours-mon').getByTestId('whatsapp-hours-mon-issue');
  await overlap.first().waitFor();
  expect(await overlap.first().textContent()).toContain('Monday: 09:00–12:00 overlaps 11:00–18:00');
  expect(await page.getByTestId('agent-error').textContent()).toContain('Some fields need attention');
  await scrollTo(page, 'whatsapp-hours');
  await shot(page, 'agent-hours-error.png');
  // Fixing the range clears its message; Monday is copied to the weekdays; Saturday 10–14; Christmas closed.
  await page.getByTestId('whatsapp-hours-mon-start-1').fill('13:00');
  expect(await overlap.count()).toBe(0);
  await page.getByTestId('whatsapp-hours-mon-copy').click();
  await page.getByTestId('whatsapp-hours-sat-start-0').fill('10:00');
  await page.getByTestId('whatsapp-hours-sat-end-0').fill('14:00');
  await page.getByTestId('whatsapp-hours-holidays-date').fill('2026-12-25');
  await page.getByTestId('whatsapp-hours-holidays-add').click();
  const summary = 'Mon–Fri 9:00–12:00, 13:00–18:00; Sat 10:00–14:00 · New York · 1 holiday';
  expect(await page.getByTestId('whatsapp-hours-summary').textContent()).toBe(summary);
  await scrollTo(page, 'whatsapp-hours');
  await shot(page, 'agent-hours.png');

  await page.getByTestId('agent-save').click();
  await page.getByTestId('agent-notice').waitFor();
  expect(await page.getByTestId('agent-notice').textContent()).toContain('Agent created');
  await page.getByTestId('agent-back').click();

  // The list: channels, the opening template, hours and attempts per channel.
  const row = page.locator('[data-testid="agent-row"][data-name="Ava, home search assistant"]');
  await row.waitFor();
  expect(await row.getByTestId('agent-row-template').textContent()).toBe('home_search_hello');
  expect(await row.getByTestId('agent-row-hours-whatsapp').textContent()).toBe(summary);
  expect(await row.getByTestId('agent-row-attempts-whatsapp').textContent()).toBe('3 tries, 4 hours apart');
  expect(await row.textContent()).toContain('VoiceWhatsApp');
  await shot(page, 'agents-list.png');

  // Reopened, everything is as saved.
  await row.click();
  await page.getByTestId('agent-editor').waitFor();
  expect(await page.getByTestId('agent-name').inputValue()).toBe('Ava, home search assistant');
  expect(await page.getByTestId('agent-industry').inputValue()).toBe('real_estate');
  await expect.poll(() => page.getByTestId('whatsapp-template').locator('option:checked').textContent()).toContain('home_search_hello');
  expect(await page.getByTestId('whatsapp-template').inputValue()).toBe(templateId);
  await expect.poll(() => page.getByTestId('whatsapp-sender').locator('option:checked').textContent()).toContain('Simulator');
  expect(await page.getByTestId('whatsapp-hours-timezone').inputValue()).toBe('America/New_York');
  expect(await page.getByTestId('whatsapp-hours-thu-start-1').inputValue()).toBe('13:00');
  expect(await page.getByTestId('whatsapp-hours-sat-end-0').inputValue()).toBe('14:00');
  expect(await page.getByTestId('whatsapp-hours-sun-open').isChecked()).toBe(false);
  expect(await page.locator('[data-testid="whatsapp-hours-holidays-item"][data-date="2026-12-25"]').count()).toBe(1);
  expect(await page.getByTestId('whatsapp-attempts-spacing-amount').inputValue()).toBe('4');
  expect(await page.getByTestId('agent-save').textContent()).toBe('Saved');

  // One change is saved as a patch of that field alone.
  await page.getByTestId('whatsapp-attempts-max').fill('4');
  const update = page.waitForRequest((r) => r.url().includes('agents.update'));
  await page.getByTestId('agent-save').click();
  const sent = (await update).postDataJSON() as Record<string, Record<string, unknown>>;
  expect(Object.keys(sent['0'] ?? {}).sort()).toEqual(['id', 'settings']);
  expect(sent['0']?.settings).toEqual({ whatsapp: { maxAttempts: 4 } });
  await expect.poll(() => page.getByTestId('agent-save').textContent()).toBe('Saved');
  await scrollTo(page, 'agent-section-whatsapp');
  await shot(page, 'agent-whatsapp.png');
  await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
  await shot(page, 'agent-editor.png');

  // The preview for a lead: the opening message filled for them, when each channel may reach them, the prompt.
  await page.getByTestId('agent-preview-lead-search').fill('Maya');
  await page.getByTestId('agent-preview-lead').filter({ hasText: 'Maya Lopez' }).click();
  const bubble = page.getByTestId('agent-preview-bubble');
  await bubble.waitFor();
  expect(await bubble.textContent()).toContain(
    'Hi Maya, this is Ava, home search assistant from Harbor Realty. Still looking in Noe Valley?',
  );
  expect(await page.getByTestId('agent-preview-whatsapp-timing').textContent()).toMatch(
    /^(Can message now|Next allowed: .+ \(lead’s time\))$/,
  );
  expect(await page.getByTestId('agent-preview-voice-timing').textContent()).toMatch(/^(Can call now|Next allowed: .+ \(lead’s time\))$/);
  expect(await page.getByTestId('agent-preview-prompt').textContent()).toBe(
    'You are Ava, home search assistant, calling Maya Lopez about homes in {{service_area}}. Book a viewing.',
  );
  expect(await page.getByTestId('agent-preview-prompt').locator('mark').textContent()).toBe('{{service_area}}');
  expect(await page.getByTestId('agent-preview-missing').count()).toBe(0);
  await shot(page, 'agent-preview.png');

  // A lead without the custom field: the value is listed as missing.
  await page.getByTestId('agent-preview-lead-change').click();
  await page.getByTestId('agent-preview-lead-search').fill('Sam');
  await page.getByTestId('agent-preview-lead').filter({ hasText: 'Sam Park' }).click();
  await page.getByTestId('agent-preview-missing').waitFor();
  expect(await page.getByTestId('agent-preview-missing').textContent()).toContain('area');
  await shot(page, 'agent-preview-missing.png');

  // Archiving (confirmed) takes the library agent off the list.
  await page.getByTestId('agent-back').click();
  const libraryRow = page.locator('[data-testid="agent-row"]', { hasText: 'Dental' });
  await libraryRow.click();
  await page.getByTestId('agent-archive').click();
  await page.getByTestId('agent-archive-confirm').click();
  await page.getByTestId('screen-agents').waitFor();
  await expect.poll(() => page.getByTestId('agent-row').count()).toBe(1);
});

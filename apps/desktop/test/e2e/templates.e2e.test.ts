// A manager writes a template (a variable inserted into the text, an example value), sees the WhatsApp preview,
// submits it, and watches it turn approved live as the worker polls the simulator's review; then opens a lead's
// conversation outside the 24-hour window, picks the template, types the value no lead field fills, and sends it.
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
const password = 'correct-horse-42';
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, name) });

async function call(path: string, input: unknown): Promise<Response> {
  return fetch(`${api.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
}

beforeAll(async () => {
  buildRenderer();
  [api, web, browser] = await Promise.all([startApiServer('e2e-templates', { reachable: true }), serveRenderer(), launchBrowser()]);
  worker = await startE2eWorker(
    api,
    'e2e-templates',
    // The lead does not answer: the conversation stays outside the window, as the test needs.
    { simulatorScript: () => ({ callbacks: [{ afterMs: 500, status: 'sent' }], reply: null }) },
  );
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  email = uniqueEmail('templates');
  const signUp = await call('auth.signUp', { companyName: 'Harbor Realty', name: 'Olivia Ops', email, password });
  token = ((await signUp.json()) as { result: { data: { token: string } } }).result.data.token;
  expect((await call('providers.upsertWhatsApp', { kind: 'simulator', from: '+15550100000' })).status).toBe(200);
  const lead = await call('leads.create', { name: 'Maya Lopez', phone: '+14155550123', whatsappOptIn: true });
  expect(lead.status).toBe(200);
  // A draft WhatsApp would refuse (it ends with a variable), so the list shows a problem count.
  const draft = await call('templates.create', {
    name: 'spring_open_house',
    language: 'en',
    category: 'marketing',
    body: 'Join our spring open house this weekend, {{first_name}}',
    variables: [{ name: 'first_name', example: 'Maya' }],
  });
  expect(draft.status).toBe(200);
  // Two submitted straight away, so the list also shows WhatsApp's answers: the simulator rejects a body that
  // asks for it ("simulate reject") and approves the other.
  for (const [name, body] of [
    ['open_house_reminder', 'Hi {{first_name}}, our open house at 12 Oak Lane is this Saturday from 10 to 2. Reply YES to save a spot.'],
    ['price_drop_alert', 'Hi {{first_name}}, prices on Elm Street dropped this week. Reply to hear more (simulate reject).'],
  ] as const) {
    const created = await call('templates.create', {
      name,
      language: 'en',
      category: 'marketing',
      body,
      variables: [{ name: 'first_name', example: 'Maya' }],
    });
    const { id } = ((await created.json()) as { result: { data: { id: string } } }).result.data;
    expect((await call('templates.submitForApproval', { templateId: id })).status).toBe(200);
  }
});

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await web?.close();
  await api?.close();
});

const signedIn = () => signedInPage(browser.context, { webUrl: web.url, apiUrl: api.url }, { email, password });

/** Inserts a new variable at the body's cursor through the "Insert variable" menu. */
async function insertVariable(page: Page, name: string) {
  await page.getByTestId('insert-variable').click();
  await page.getByTestId('insert-variable-name').fill(name);
  await page.getByTestId('insert-variable-add').click();
}

it('create a template, preview it, see it approved live, and send it to a lead outside the window', async () => {
  const page = await signedIn();
  await page.getByTestId('nav-templates').click();
  await page.getByTestId('template-row').first().waitFor();

  // The library: one industry's templates, each with a preview bubble.
  await page.getByTestId('template-library').click();
  await page.getByTestId('library-entry').first().waitFor();
  await page.getByTestId('library-industry').selectOption('real_estate');
  await page.locator('[data-testid="library-entry"][data-key="real_estate_first_contact"]').waitFor();
  expect(await page.getByTestId('library-entry').count()).toBeGreaterThan(1);
  await shot(page, 'template-library.png');
  // Using one copies it into the company's templates and opens the copy.
  await page.locator('[data-testid="library-entry"][data-key="real_estate_viewing_reminder"]').getByTestId('library-use').click();
  await expect.poll(() => page.getByTestId('template-name').inputValue()).toBe('real_estate_viewing_reminder');
  expect(await page.getByTestId('template-editor').getByTestId('template-status').getAttribute('data-status')).toBe('draft');
  await page.getByTestId('template-back').click();

  // A new template: text with two variables inserted at the cursor, their examples, a footer and quick replies.
  await page.getByTestId('template-new').click();
  const body = page.getByTestId('template-body');
  // WhatsApp's objections appear beside the fields they concern while typing, and Submit waits for them.
  await page.getByTestId('template-name').fill('Viewing Invite');
  await body.fill('{{first_name}} your viewing');
  const bodyIssues = page.getByTestId('body-issues');
  await expect.poll(() => bodyIssues.textContent().catch(() => '')).toContain('can’t start with a variable');
  expect(await bodyIssues.textContent()).toContain('{{first_name}} is used but not declared');
  expect(await page.getByTestId('template-editor').textContent()).toContain(
    'Use only lowercase letters, digits and underscores in the name',
  );
  expect(await page.getByTestId('template-submit').isDisabled()).toBe(true);
  await shot(page, 'template-editor-problems.png');

  await page.getByTestId('template-name').fill('viewing_invite');
  await page.getByTestId('template-category-utility').check();
  await body.fill('Hi ');
  await insertVariable(page, 'first_name');
  await body.press('End');
  await body.pressSequentially(', your viewing of the house on *Elm Street* is booked for ');
  await insertVariable(page, 'viewing_time');
  await body.press('End');
  await body.pressSequentially('. Reply here if you need another time.');
  expect(await body.inputValue()).toBe(
    'Hi {{first_name}}, your viewing of the house on *Elm Street* is booked for {{viewing_time}}. Reply here if you need another time.',
  );
  await page.getByTestId('variable-example-0').fill('Maya');
  await page.getByTestId('variable-binding-0').selectOption('lead:firstName');
  await page.getByTestId('variable-example-1').fill('Saturday at 10 am');
  await page.getByTestId('template-footer').fill('Harbor Realty · Reply STOP to opt out');
  await page.getByTestId('buttons-mode-quick_reply').click();
  await page.getByTestId('button-text-0').fill('Confirm');
  await page.getByTestId('add-quick-reply').click();
  await page.getByTestId('button-text-1').fill('Another time');

  // The preview bubble shows the examples, with WhatsApp's bold, and the buttons under it.
  const bubble = page.getByTestId('template-preview').getByTestId('wa-bubble');
  await expect
    .poll(() => bubble.textContent())
    .toContain('Hi Maya, your viewing of the house on Elm Street is booked for Saturday at 10 am.');
  expect(await bubble.locator('strong', { hasText: 'Elm Street' }).count()).toBe(1);
  expect(await bubble.getByTestId('wa-buttons').textContent()).toContain('Another time');
  expect(await page.getByTestId('twilio-payload').textContent()).toContain('booked for {{2}}');
  await expect.poll(() => page.getByTestId('template-submit').isEnabled()).toBe(true);
  // Typing scrolled the form; the screenshots show the editor from its top.
  await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
  await shot(page, 'template-editor.png');
  await page.getByTestId('preview-theme-dark').click();
  await page.locator('[data-testid="wa-chat"][data-theme="dark"]').waitFor();
  await shot(page, 'template-editor-dark.png');
  await page.getByTestId('preview-theme-light').click();

  // Submit (it is saved first): in review, then approved by the worker's poll, live, without a reload.
  await page.getByTestId('template-submit').click();
  await page.locator('[data-testid="template-banner"][data-status="pending"]').waitFor({ timeout: 10_000 });
  await page
    .locator('[data-testid="template-editor"] [data-testid="template-status"][data-status="approved"]')
    .waitFor({ timeout: 20_000 });
  await page.locator('[data-testid="history-entry"][data-kind="approved"]').waitFor();
  await shot(page, 'template-approved.png');

  // Editing the approved template makes version 2, a draft; version 1 stays the one sends use.
  await page.getByTestId('template-footer').fill('Harbor Realty · Reply STOP to stop messages');
  await page.getByTestId('template-save').click();
  await expect
    .poll(() =>
      page
        .getByTestId('template-notice')
        .textContent()
        .catch(() => ''),
    )
    .toContain('Saved as version 2');
  expect(await page.getByTestId('template-notice').textContent()).toContain('Version 1 stays in use until WhatsApp approves it');
  expect(await page.getByTestId('template-banner').getAttribute('data-status')).toBe('draft');

  await page.getByTestId('template-back').click();
  const row = page.locator('[data-testid="template-row"][data-name="viewing_invite"]');
  await row.locator('[data-testid="template-status"][data-status="draft"]').waitFor();
  expect(await row.textContent()).toContain('v1 in use');
  await page.locator('[data-testid="template-row"][data-name="open_house_reminder"] [data-status="approved"]').waitFor({ timeout: 20_000 });
  const rejected = page.locator('[data-testid="template-row"][data-name="price_drop_alert"] [data-status="rejected"]');
  await rejected.waitFor({ timeout: 20_000 });
  expect(await rejected.getAttribute('title')).toContain('simulate reject');
  expect(
    await page.locator('[data-testid="template-row"][data-name="spring_open_house"]').getByTestId('template-problem-count').textContent(),
  ).toBe('1 problem');
  await shot(page, 'templates-list.png');

  // The lead's conversation, outside the window: the composer offers the approved template.
  await page.getByTestId('nav-conversations').click();
  await page.getByTestId('start-conversation').click();
  await page.getByTestId('start-conversation-search').fill('Maya');
  await page.getByTestId('start-conversation-lead').first().click();
  await page.getByTestId('conversation').waitFor();
  expect(await page.getByTestId('window-state').textContent()).toContain('Window closed');
  await page.getByTestId('composer-template').selectOption({ label: 'viewing_invite (en)' });
  // first_name comes from the lead; viewing_time is typed in.
  const value = page.getByTestId('composer-value-viewing_time');
  await value.waitFor();
  expect(await page.locator('[data-testid^="composer-value-"]').count()).toBe(1);
  await value.fill('Tuesday at 4 pm');
  const composerBubble = page.getByTestId('composer-bubble');
  await expect
    .poll(() => composerBubble.textContent())
    .toContain('Hi Maya, your viewing of the house on Elm Street is booked for Tuesday at 4 pm.');
  await shot(page, 'conversation-template-compose.png');
  await page.getByTestId('composer-send-template').click();

  const sent = page.locator('[data-testid="message"][data-kind="template"]', { hasText: 'Tuesday at 4 pm' });
  await sent.waitFor({ timeout: 10_000 });
  expect(await sent.textContent()).toContain('Reply STOP to opt out');
  expect(await sent.getByTestId('wa-buttons').textContent()).toContain('Confirm');
  await sent.locator('[data-testid="ticks"][data-status="sent"]').waitFor({ timeout: 15_000 });
  await shot(page, 'conversation-template.png');
});

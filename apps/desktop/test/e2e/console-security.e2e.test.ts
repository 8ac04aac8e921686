// The browser console keeps each server's sign-in to that server: a `?server=` link naming another server asks first
// and sends nothing there until the user agrees; after sign-in the page may only talk to its server (the policy the
// unit tests check is the one in force); without an OS keyring the console says once that the sign-in is not saved.
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { uniqueEmail } from '@switchboard/domain/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/shared/content-security-policy.ts';
import { buildRenderer, launchBrowser, SCREENSHOT_DIR, serveRenderer, signedInPage, startApiServer } from './harness.ts';

let api: Awaited<ReturnType<typeof startApiServer>>;
let web: Awaited<ReturnType<typeof serveRenderer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let other: Awaited<ReturnType<typeof listeningServer>>;
let email: string;
const password = 'correct-horse-42';

/** Another "server" a link could name: it records every request that reaches it (and invites them). */
async function listeningServer() {
  const requests: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    // Lets any page send it anything (a preflight passes), as a server that wants the token would.
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type' };
    res.writeHead(req.method === 'OPTIONS' ? 204 : 404, cors).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  buildRenderer();
  [api, web, browser, other] = await Promise.all([startApiServer('e2e-security'), serveRenderer(), launchBrowser(), listeningServer()]);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  email = uniqueEmail('security');
  const res = await fetch(`${api.url}/trpc/auth.signUp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ companyName: 'Harbor Realty', name: 'Olivia Ops', email, password }),
  });
  expect(res.status).toBe(200);
});

beforeEach(() => {
  other.requests.length = 0;
});

afterAll(async () => {
  await browser?.close();
  await other?.close();
  await web?.close();
  await api?.close();
});

const storedKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).sort());
const live = (page: Page) => page.locator('[data-testid="connection"][data-state="live"]').waitFor();
const openLink = async (server: string) => {
  const page = await browser.context.newPage();
  await page.goto(`${web.url}/?server=${encodeURIComponent(server)}`);
  return page;
};

it('a ?server= link to another server asks first and sends nothing there until the user agrees', async () => {
  const first = await signedInPage(browser.context, { webUrl: web.url, apiUrl: api.url }, { email, password });

  const linked = await openLink(other.url);
  // Whatever the page does first (ask, or call that server), it has done it once the prompt or the sign-in shows.
  await linked.locator('[data-testid="server-switch"], [data-testid="login-submit"], [data-testid="connection"]').first().waitFor();
  expect(other.requests.map((r) => ({ url: r.url, authorization: r.headers.authorization ?? null }))).toEqual([]);
  expect(await linked.getByTestId('server-switch-origin').textContent()).toBe(other.url);
  expect(await linked.getByRole('heading').textContent()).toBe(`Connect to ${other.url}?`);
  await linked.screenshot({ path: join(SCREENSHOT_DIR, 'server-switch-prompt.png') });
  expect(other.requests).toEqual([]);

  // Staying keeps the console on the last server, signed in, and the link is dropped from the address.
  await linked.getByTestId('server-switch-stay').click();
  await live(linked);
  expect(new URL(linked.url()).searchParams.has('server')).toBe(false);
  expect(other.requests).toEqual([]);

  // Agreeing opens the sign-in for that server: the other server's token stays home.
  const agreed = await openLink(other.url);
  await agreed.getByTestId('server-switch-connect').click();
  await agreed.getByTestId('login-server').waitFor();
  expect(await agreed.getByTestId('login-server').inputValue()).toBe(other.url);
  expect(other.requests.filter((r) => r.headers.authorization)).toEqual([]);
  expect(await storedKeys(agreed)).toEqual([`switchboard.serverUrl`, `switchboard.token:${api.url}`]);

  // Back to the first server through a link: asked again (the last server is now the other one), and signed in at once.
  const back = await openLink(api.url);
  await back.getByTestId('server-switch-connect').click();
  await live(back);
  expect(await back.getByTestId('company-name').textContent()).toBe('Harbor Realty');
  expect(await storedKeys(back)).toEqual([`switchboard.serverUrl`, `switchboard.token:${api.url}`]);
  for (const page of [first, linked, agreed, back]) await page.close();
});

it('the single token an older version saved stays with the server it was saved for', async () => {
  const login = await fetch(`${api.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { token } = ((await login.json()) as { result: { data: { token: string } } }).result.data;
  const page = await browser.context.newPage();
  await page.goto(`${web.url}/`);
  await page.evaluate(
    ({ token, server }) => {
      localStorage.clear();
      localStorage.setItem('switchboard.token', token);
      localStorage.setItem('switchboard.serverUrl', server);
    },
    { token, server: api.url },
  );
  await page.reload();
  await live(page);
  expect(await storedKeys(page)).toEqual([`switchboard.serverUrl`, `switchboard.token:${api.url}`]);
  expect(await page.evaluate((key) => localStorage.getItem(key), `switchboard.token:${api.url}`)).toBe(token);
  await page.close();
});

it('after sign-in the page may only contact its server: the tested policy is the one in force', async () => {
  const page = await openLink(api.url);
  await live(page);
  const policies = () => page.$$eval('meta[http-equiv="Content-Security-Policy"]', (metas) => metas.map((m) => m.getAttribute('content')));
  expect(await policies()).toEqual([contentSecurityPolicy(null, 'meta'), contentSecurityPolicy(api.url, 'meta')]);

  const violation = await page.evaluate(async (target) => {
    const seen = new Promise<{ directive: string; blocked: string; policy: string }>((resolve) =>
      document.addEventListener(
        'securitypolicyviolation',
        (e) => resolve({ directive: e.effectiveDirective, blocked: e.blockedURI, policy: e.originalPolicy }),
        {
          once: true,
        },
      ),
    );
    await fetch(`${target}/steal`).catch(() => undefined);
    return seen;
  }, other.url);
  expect(violation).toEqual({ directive: 'connect-src', blocked: `${other.url}/steal`, policy: contentSecurityPolicy(api.url, 'meta') });
  expect(other.requests).toEqual([]);

  // Signing out loads a fresh page, back on the broad policy of the sign-in screen.
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-submit').waitFor();
  expect(await policies()).toEqual([contentSecurityPolicy(null, 'meta')]);
  await page.close();
});

it('without an OS keyring the console says once that the sign-in is not saved', async () => {
  const page = await browser.context.newPage();
  // Electron's bridge as it behaves on Linux without a keyring: nothing is persisted.
  await page.addInitScript(() => {
    const tokens = new Map<string, string>();
    Object.defineProperty(window, 'switchboard', {
      value: {
        defaultServerUrl: null,
        tokenStore: {
          get: async (origin: string) => tokens.get(origin) ?? null,
          set: async (origin: string, token: string) => {
            tokens.set(origin, token);
            return false;
          },
          clear: async (origin: string) => {
            tokens.delete(origin);
          },
        },
        openExternal: async () => undefined,
      },
    });
  });
  await page.goto(`${web.url}/?server=${encodeURIComponent(api.url)}`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await live(page);
  expect(await page.getByTestId('unsaved-session-notice').count()).toBe(1);
  expect(await page.getByTestId('unsaved-session-notice').textContent()).toContain('you stay signed in until you quit Switchboard');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'unsaved-session-notice.png') });
  await page.getByTestId('unsaved-session-dismiss').click();
  await page.getByTestId('nav-conversations').click();
  await page.getByTestId('screen-conversations').waitFor();
  expect(await page.getByTestId('unsaved-session-notice').count()).toBe(0);
  await page.close();
});

import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/content-security-policy.ts';
import { decideNavigation } from '../../src/main/navigation.ts';
import { secureWindowOptions } from '../../src/main/window-options.ts';

describe('the window follows Electron’s security checklist', () => {
  const options = secureWindowOptions('/app/preload/index.cjs', 'http://127.0.0.1:3000');
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
  ] as const)('%s is %s', (key, value) => {
    expect(options.webPreferences[key]).toBe(value);
  });
  it('hands the server URL to the sandboxed preload as an argument', () => {
    expect(options.webPreferences.additionalArguments).toEqual(['--switchboard-server=http://127.0.0.1:3000']);
  });
});

describe('navigation: the console stays in, the web goes to the browser, the rest is refused', () => {
  const fileApp = 'file:///opt/switchboard/out/renderer/index.html';
  const devApp = 'http://localhost:5173/';
  it.each([
    { target: 'file:///opt/switchboard/out/renderer/index.html', app: fileApp, decision: 'allow' },
    { target: 'file:///etc/passwd', app: fileApp, decision: 'deny' },
    { target: 'https://www.twilio.com/console', app: fileApp, decision: 'open-externally' },
    { target: 'http://example.com/', app: fileApp, decision: 'open-externally' },
    { target: 'mailto:sales@example.com', app: fileApp, decision: 'open-externally' },
    { target: 'javascript:alert(1)', app: fileApp, decision: 'deny' },
    { target: 'smb://host/share', app: fileApp, decision: 'deny' },
    { target: 'not a url', app: fileApp, decision: 'deny' },
    { target: 'http://localhost:5173/#/agents', app: devApp, decision: 'allow' },
    { target: 'http://localhost:9999/', app: devApp, decision: 'open-externally' },
  ])('$target from $app → $decision', ({ target, app, decision }) => {
    expect(decideNavigation(target, app)).toBe(decision);
  });
});

describe('content security policy', () => {
  it('allows scripts only from the app and network only to the server once it is known', () => {
    const csp = contentSecurityPolicy('https://switchboard.example.com:8443/some/path');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' https://switchboard.example.com:8443");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });
  it('before sign-in any http(s) server may be contacted, but still nothing may run', () => {
    const csp = contentSecurityPolicy(null);
    expect(csp).toContain("connect-src 'self' http: https:");
    expect(csp).toContain("script-src 'self'");
  });
});

import { describe, expect, it } from 'vitest';
import { decideNavigation } from '../../src/main/navigation.ts';
import { denyAllPermissions, type PermissionCheckHandler, type PermissionRequestHandler } from '../../src/main/permissions.ts';
import { secureWindowOptions } from '../../src/main/window-options.ts';
import { contentSecurityPolicy } from '../../src/shared/content-security-policy.ts';

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
  const serverApp = 'http://127.0.0.1:3000/';
  // Only the console's own URL (its fragment aside) stays in the window: the whole URL is compared, not a prefix,
  // not the path alone, not the origin alone.
  it.each([
    { target: 'file:///opt/switchboard/out/renderer/index.html', app: fileApp, decision: 'allow' },
    { target: 'file:///opt/switchboard/out/renderer/index.html#/leads', app: fileApp, decision: 'allow' },
    { target: 'file:///opt/switchboard/out/renderer/index.html.evil', app: fileApp, decision: 'deny' },
    { target: 'file:///opt/switchboard/out/renderer/index.html/../../../../etc/passwd', app: fileApp, decision: 'deny' },
    { target: 'file:///opt/switchboard/out/renderer/index.html?next=file:///etc/passwd', app: fileApp, decision: 'deny' },
    { target: 'file://attacker.example/opt/switchboard/out/renderer/index.html', app: fileApp, decision: 'deny' },
    { target: 'file:///opt/switchboard/out/renderer/other.html', app: fileApp, decision: 'deny' },
    { target: 'file:///etc/passwd', app: fileApp, decision: 'deny' },
    { target: 'https://www.twilio.com/console', app: fileApp, decision: 'open-externally' },
    { target: 'http://example.com/', app: fileApp, decision: 'open-externally' },
    { target: 'mailto:sales@example.com', app: fileApp, decision: 'open-externally' },
    { target: 'javascript:alert(1)', app: fileApp, decision: 'deny' },
    { target: 'smb://host/share', app: fileApp, decision: 'deny' },
    { target: 'not a url', app: fileApp, decision: 'deny' },
    { target: 'http://localhost:5173/#/agents', app: devApp, decision: 'allow' },
    { target: 'http://localhost:5173/', app: devApp, decision: 'allow' },
    { target: 'http://localhost:5173/evil.html', app: devApp, decision: 'open-externally' },
    { target: 'http://localhost:5173/?x=1', app: devApp, decision: 'open-externally' },
    { target: 'http://localhost:5173@evil.example/', app: devApp, decision: 'open-externally' },
    { target: 'http://user:pass@localhost:5173/', app: devApp, decision: 'open-externally' },
    { target: 'https://localhost:5173/', app: devApp, decision: 'open-externally' },
    { target: 'http://localhost:9999/', app: devApp, decision: 'open-externally' },
    { target: 'http://127.0.0.1:3000@evil/', app: serverApp, decision: 'open-externally' },
    { target: 'http://127.0.0.1:3000.evil.example/', app: serverApp, decision: 'deny' },
    { target: 'http://127.0.0.1:3000/', app: serverApp, decision: 'allow' },
  ])('$target from $app → $decision', ({ target, app, decision }) => {
    expect(decideNavigation(target, app)).toBe(decision);
  });
});

describe('permissions: the console asks for none, so every request and check is denied', () => {
  const handlers: { request?: PermissionRequestHandler; check?: PermissionCheckHandler } = {};
  denyAllPermissions({
    setPermissionRequestHandler: (handler) => {
      handlers.request = handler;
    },
    setPermissionCheckHandler: (handler) => {
      handlers.check = handler;
    },
  });
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid'])(
    '%s is denied',
    async (permission) => {
      const granted = await new Promise<boolean>((resolve) => handlers.request?.(null, permission, resolve));
      expect(granted).toBe(false);
      expect(handlers.check?.(null, permission)).toBe(false);
    },
  );
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
  it('the meta-tag form is the same policy without frame-ancestors, which a meta tag cannot carry', () => {
    const server = 'https://switchboard.example.com:8443';
    expect(contentSecurityPolicy(server, 'meta')).toBe(contentSecurityPolicy(server).replace("; frame-ancestors 'none'", ''));
    expect(contentSecurityPolicy(null, 'meta')).not.toContain('frame-ancestors');
  });
});

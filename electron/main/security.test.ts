import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  LAUNCH_SECRET_HEADER,
  contentSecurityPolicy,
  isNavigationAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  permissionDecision,
  secureWebPreferences,
  windowOpenDecision,
  withLaunchSecret,
} from './security.ts';

const APP = 'http://127.0.0.1:43117';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    assert.equal(prefs.preload, '/app/dist/electron/preload.cjs');
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
  });

  it('keeps web security on and the risky features off', () => {
    const prefs = secureWebPreferences('/p.cjs');
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.experimentalFeatures, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.navigateOnDragDrop, false);
    assert.equal(prefs.spellcheck, false);
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d] as const));

  it('allows scripts only from the app and connections only to its own server', () => {
    const csp = directives(contentSecurityPolicy(APP));
    assert.equal(csp.get('default-src'), "default-src 'self'");
    assert.equal(csp.get('script-src'), "script-src 'self'");
    assert.equal(csp.get('connect-src'), "connect-src 'self' ws://127.0.0.1:43117 http://127.0.0.1:43117");
    assert.equal(csp.get('style-src'), "style-src 'self' 'unsafe-inline'");
    assert.equal(csp.get('img-src'), "img-src 'self' data: blob:");
    assert.equal(csp.get('worker-src'), "worker-src 'self' blob:");
  });

  it('closes objects, base URIs, framing and foreign form posts', () => {
    const csp = directives(contentSecurityPolicy(APP));
    assert.equal(csp.get('object-src'), "object-src 'none'");
    assert.equal(csp.get('base-uri'), "base-uri 'none'");
    assert.equal(csp.get('frame-ancestors'), "frame-ancestors 'none'");
    assert.equal(csp.get('form-action'), "form-action 'self'");
  });

  it('uses wss: for an https server and ignores any path in the origin', () => {
    const csp = directives(contentSecurityPolicy('https://studio.example:8443/some/path'));
    assert.equal(csp.get('connect-src'), "connect-src 'self' wss://studio.example:8443 https://studio.example:8443");
  });

  it('refuses an origin that is not http(s)', () => {
    assert.throws(() => contentSecurityPolicy('file:///tmp/index.html'));
    assert.throws(() => contentSecurityPolicy('not a url'));
  });
});

describe('isNavigationAllowed', () => {
  it('allows moving within the app origin', () => {
    assert.equal(isNavigationAllowed(`${APP}/`, APP), true);
    assert.equal(isNavigationAllowed(`${APP}/projects/42?tab=options#top`, APP), true);
  });

  it('refuses another origin, even on the same host', () => {
    assert.equal(isNavigationAllowed('https://evil.example/', APP), false);
    assert.equal(isNavigationAllowed('http://127.0.0.1:9999/', APP), false);
    assert.equal(isNavigationAllowed('http://localhost:43117/', APP), false);
    assert.equal(isNavigationAllowed('https://127.0.0.1:43117/', APP), false);
  });

  it('refuses file:, data:, javascript: and garbage', () => {
    assert.equal(isNavigationAllowed('file:///etc/passwd', APP), false);
    assert.equal(isNavigationAllowed('data:text/html,<h1>hi</h1>', APP), false);
    assert.equal(isNavigationAllowed('javascript:alert(1)', APP), false);
    assert.equal(isNavigationAllowed('about:blank', APP), false);
    assert.equal(isNavigationAllowed('', APP), false);
  });
});

describe('isSafeExternalUrl', () => {
  it('allows well-formed https links', () => {
    assert.equal(isSafeExternalUrl('https://www.retailer.example/product/123'), true);
    assert.equal(isSafeExternalUrl('https://retailer.example/search?q=chair#reviews'), true);
  });

  it('refuses every other protocol', () => {
    for (const url of ['http://retailer.example/', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'file:///C:/Windows/system32/calc.exe', 'data:text/html,x', 'smb://server/share', 'ms-msdt:/id', 'vbscript:msgbox', 'mailto:a@b.example']) {
      assert.equal(isSafeExternalUrl(url), false, url);
    }
  });

  it('refuses credentials in the URL', () => {
    assert.equal(isSafeExternalUrl('https://user:pass@retailer.example/'), false);
    assert.equal(isSafeExternalUrl('https://user@retailer.example/'), false);
  });

  it('refuses what does not parse', () => {
    assert.equal(isSafeExternalUrl(''), false);
    assert.equal(isSafeExternalUrl('retailer.example'), false);
    assert.equal(isSafeExternalUrl('https://'), false);
  });
});

describe('windowOpenDecision', () => {
  it('always denies a new window and sends only safe links to the browser', () => {
    assert.deepEqual(windowOpenDecision('https://retailer.example/p/1'), { action: 'deny', openExternally: true });
    assert.deepEqual(windowOpenDecision('http://retailer.example/p/1'), { action: 'deny', openExternally: false });
    assert.deepEqual(windowOpenDecision('javascript:alert(1)'), { action: 'deny', openExternally: false });
    assert.deepEqual(windowOpenDecision(`${APP}/popup`), { action: 'deny', openExternally: false });
  });
});

describe('permissionDecision', () => {
  it('allows notifications from the app origin', () => {
    assert.equal(permissionDecision('notifications', APP, APP), true);
    assert.equal(permissionDecision('notifications', `${APP}/projects/1`, APP), true);
  });

  it('refuses notifications from any other origin', () => {
    assert.equal(permissionDecision('notifications', 'https://evil.example', APP), false);
    assert.equal(permissionDecision('notifications', '', APP), false);
    assert.equal(permissionDecision('notifications', undefined, APP), false);
  });

  it('refuses everything else, even from the app origin', () => {
    for (const permission of ['media', 'geolocation', 'camera', 'microphone', 'midi', 'midiSysex', 'openExternal', 'pointerLock', 'fullscreen', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'unknown']) {
      assert.equal(permissionDecision(permission, APP, APP), false, permission);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts a frame showing the app origin', () => {
    assert.equal(isTrustedSender(`${APP}/projects/1`, APP), true);
  });

  it('refuses other origins, destroyed frames and non-http frames', () => {
    assert.equal(isTrustedSender('https://evil.example/', APP), false);
    assert.equal(isTrustedSender('http://127.0.0.1:1/', APP), false);
    assert.equal(isTrustedSender('file:///tmp/x.html', APP), false);
    assert.equal(isTrustedSender('about:blank', APP), false);
    assert.equal(isTrustedSender(null, APP), false);
    assert.equal(isTrustedSender(undefined, APP), false);
  });
});

describe('withLaunchSecret', () => {
  const SECRET = 'a'.repeat(64);

  it('adds the secret to page, API and WebSocket requests for the app server', () => {
    for (const url of [`${APP}/`, `${APP}/api/me`, 'ws://127.0.0.1:43117/collab']) {
      assert.deepEqual(withLaunchSecret(url, { Accept: '*/*' }, APP, SECRET), { Accept: '*/*', [LAUNCH_SECRET_HEADER]: SECRET }, url);
    }
  });

  it('never sends the secret anywhere else', () => {
    for (const url of ['https://retailer.example/api', 'http://127.0.0.1:9999/', 'ws://127.0.0.1:9999/', 'http://localhost:43117/', 'devtools://devtools/bundled/x.html', 'not a url']) {
      assert.deepEqual(withLaunchSecret(url, { Accept: '*/*' }, APP, SECRET), { Accept: '*/*' }, url);
    }
  });

  it('replaces a secret header the page tried to set, whatever its case', () => {
    const headers = withLaunchSecret(`${APP}/api/me`, { 'X-Atelier-Launch-Secret': 'guess' }, APP, SECRET);
    assert.deepEqual(headers, { [LAUNCH_SECRET_HEADER]: SECRET });
  });

  it('does not mutate the headers it was given', () => {
    const original = { Accept: '*/*' };
    withLaunchSecret(`${APP}/`, original, APP, SECRET);
    assert.deepEqual(original, { Accept: '*/*' });
  });
});

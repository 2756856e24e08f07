import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../api/contentSecurityPolicy';
import { appRoot } from '../paths';
import { BRIDGE_GLOBAL, IPC_CHANNEL, PRINT_CHANNEL } from '../../shared/transport';
import { APP_ORIGIN, isNavigationAllowed, isTrustedSender, resolveAppFile, secureWebPreferences } from './security';

describe('Electron security configuration', () => {
  it('isolates the renderer: context isolation, sandbox, no Node integration anywhere', () => {
    const prefs = secureWebPreferences('/app/preload.js');
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('allows navigation within the app only', () => {
    expect(isNavigationAllowed(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'not a url']) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
    expect(isTrustedSender('https://example.com/')).toBe(false);
  });

  it('serves app:// requests from the renderer build and nothing outside it', () => {
    const root = path.resolve('/srv/renderer');
    expect(resolveAppFile(`${APP_ORIGIN}/`, root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(`${APP_ORIGIN}/assets/index.js`, root)).toBe(path.join(root, 'assets', 'index.js'));
    expect(resolveAppFile(`${APP_ORIGIN}/..%2f..%2fetc%2fpasswd`, root)).toBeNull();
    expect(resolveAppFile('file:///etc/passwd', root)).toBeNull();
    expect(resolveAppFile(`${APP_ORIGIN}/%`, root)).toBeNull();
  });

  it('applies a CSP without eval or inline scripts, and no remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('has a preload that forwards on its two IPC channels and exposes nothing else', () => {
    const preload = fs.readFileSync(path.join(__dirname, 'preload.ts'), 'utf8');
    expect(preload).toContain(`const IPC_CHANNEL: typeof transport.IPC_CHANNEL = '${IPC_CHANNEL}'`);
    expect(preload).toContain(`const PRINT_CHANNEL: typeof transport.PRINT_CHANNEL = '${PRINT_CHANNEL}'`);
    expect(preload).toContain(`const BRIDGE_GLOBAL: typeof transport.BRIDGE_GLOBAL = '${BRIDGE_GLOBAL}'`);
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    // Only 'electron' is required at run time: what comes from shared/ is types, erased by the compiler.
    const imports = [...preload.matchAll(/^import (type )?.* from '([^']+)'/gm)].map((m) => ({ typeOnly: m[1] !== undefined, from: m[2] }));
    expect(imports.filter((i) => !i.typeOnly).map((i) => i.from)).toEqual(['electron']);
    expect(imports.filter((i) => i.typeOnly).every((i) => i.from?.startsWith('../../shared/'))).toBe(true);
    // The page gets one object with two forwarding functions; ipcRenderer itself is never handed over.
    expect(preload).toContain('exposeInMainWorld(BRIDGE_GLOBAL, bridge)');
    expect(preload).toMatch(
      /const bridge: AtlasBridge = \{\n\s*invoke: \(channel, arg\) => ipcRenderer\.invoke\(IPC_CHANNEL, channel, arg\),\n\s*printToPdf: \(\) => ipcRenderer\.invoke\(PRINT_CHANNEL\),\n\};/,
    );
  });

  it('blocks navigation, new windows and webviews in the shell', () => {
    const shell = fs.readFileSync(path.join(__dirname, 'main.ts'), 'utf8');
    expect(shell).toMatch(/will-navigate[\s\S]*isNavigationAllowed[\s\S]*preventDefault/);
    expect(shell).toMatch(/setWindowOpenHandler[\s\S]*action: 'deny'/);
    expect(shell).toMatch(/will-attach-webview[\s\S]*preventDefault/);
    expect(shell).toContain('secureWebPreferences(');
  });
});

// What users type (names, addresses, fault texts, imported files) reaches the screen only through React's escaping:
// no component may hand raw HTML to the DOM or to a map popup.
describe('renderer', () => {
  const RAW_HTML = /dangerouslySetInnerHTML|\.innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.setHTML\(/;
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sources(full);
      return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
    });

  it('never writes raw HTML', () => {
    const files = sources(path.join(appRoot, 'renderer', 'src'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((file) => RAW_HTML.test(fs.readFileSync(file, 'utf8')))).toEqual([]);
  });
});

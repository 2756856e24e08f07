// The desktop shell's security settings, as plain data and predicates so that tests can prove them without Electron.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'atlas';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Renderer processes get no Node, run sandboxed, and see the preload's bridge only through context isolation. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

/** The window shows our own pages and nothing else: every navigation elsewhere is refused. */
export function isNavigationAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Maps an app:// request to a file inside the renderer build, or null for anything that would leave it. */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  if (!isNavigationAllowed(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null; // a malformed escape (`/%`): no such file
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** IPC from any frame but our own app pages is ignored. */
export function isTrustedSender(senderUrl: string): boolean {
  return isNavigationAllowed(senderUrl);
}

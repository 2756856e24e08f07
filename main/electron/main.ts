// The desktop shell: one window, the renderer served from app://, every API call forwarded over IPC to the core
// worker. It holds no domain logic: that lives in the core, shared with the browser mode and the command line.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import { startCoreHost, type CoreHost } from '../api/coreHost';
import { CONTENT_SECURITY_POLICY } from '../api/contentSecurityPolicy';
import { rendererDistDir } from '../paths';
import { IPC_CHANNEL, PRINT_CHANNEL } from '../../shared/transport';
import { APP_ORIGIN, APP_SCHEME, isNavigationAllowed, isTrustedSender, resolveAppFile, secureWebPreferences } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function databaseFileFromArgs(): string {
  const flag = process.argv.find((arg) => arg.startsWith('--db='));
  return flag ? flag.slice('--db='.length) : path.join(app.getPath('userData'), 'service-atlas.db');
}

let core: CoreHost | undefined;

async function createWindow(): Promise<void> {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 680,
    title: 'Service Atlas 服务版图',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.js')),
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the user's browser, never inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDistDir);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  core = await startCoreHost({ databaseFile: databaseFileFromArgs(), createDemoIfMissing: true });
  const dispatch = core.dispatch;
  ipcMain.handle(IPC_CHANNEL, (event, channel: unknown, arg: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted page' } };
    }
    return dispatch(String(channel), arg);
  });
  ipcMain.handle(PRINT_CHANNEL, async (event) => {
    if (!isTrustedSender(event.senderFrame?.url ?? '')) throw new Error('print from an untrusted page');
    const pdf = await event.sender.printToPDF({ landscape: true, printBackground: true, pageSize: 'A4' });
    return Buffer.from(pdf).toString('base64');
  });

  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  void core?.close();
  if (process.platform !== 'darwin') app.quit();
});

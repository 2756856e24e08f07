// Browser mode: the same app over HTTP, for this machine only. Bound to 127.0.0.1; every request must carry the
// per-launch token (cookie, header, or once in the address of a page); other origins and foreign Host headers are
// refused (against cross-site requests and DNS rebinding); request bodies are capped in size, time and memory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ApiError, ApiResponse } from '../../shared/api/index';
import { API_PATH } from '../../shared/transport';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import type { Dispatch } from './dispatch';
import { withoutFolders } from './errors';
import { BodyBudget, BodyRefused, isJsonMediaType, nestsDeeperThan, readBody } from './httpBody';

/**
 * Browsers keep cookies per host, not per port: every server on 127.0.0.1 receives every cookie set there. Each server
 * reads only the cookie named after its port, so one server's cookie never stands in for (or blocks) another's.
 */
export const tokenCookieName = (port: number) => `atlas_token_${port}`;
export const TOKEN_HEADER = 'x-atlas-token';
/** An import carries its whole file as base64 (up to 48 MB, so 64 MB encoded); every other call is far smaller. */
export const DEFAULT_MAX_BODY_BYTES = 72 * 1024 * 1024;
/** Room for the ordinary small calls beside one full-size import. */
const SMALL_CALLS_ALLOWANCE = 8 * 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Far more than any call's argument needs (an assignment nests 5 deep). */
export const MAX_JSON_DEPTH = 32;

export interface HttpServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  token?: string;
  port?: number;
  maxBodyBytes?: number;
  /** Bytes of bodies held at once over all requests; further bodies are refused as busy (503). */
  maxInFlightBodyBytes?: number;
  requestTimeoutMs?: number;
}

export interface RunningServer {
  port: number;
  token: string;
  /** The address to open: it carries the token once; the server then keeps it in a cookie of its own. */
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
};

const HTTP_STATUS: Record<ApiError['code'], number> = {
  invalid_argument: 400,
  unknown_channel: 404,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  method_not_allowed: 405,
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  busy: 503,
  storage: 507,
  internal: 500,
};

export function generateToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function sendError(res: http.ServerResponse, error: ApiError, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ ok: false, error } satisfies ApiResponse<never>);
  res.writeHead(HTTP_STATUS[error.code], { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

const notAllowed = (res: http.ServerResponse, allow: string) =>
  sendError(res, { code: 'method_not_allowed', message: `Use ${allow.replace(', ', ' or ')} here.` }, { Allow: allow });

/** The request's path and query, or null for an address that does not parse or decode (`/%`). */
function requestTarget(raw: string | undefined): { url: URL; path: string } | null {
  try {
    const url = new URL(raw ?? '/', 'http://127.0.0.1');
    return { url, path: decodeURIComponent(url.pathname) };
  } catch {
    return null;
  }
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const token = options.token ?? generateToken();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const budget = new BodyBudget(options.maxInFlightBodyBytes ?? maxBodyBytes + SMALL_CALLS_ALLOWANCE);
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return sendError(res, { code: 'forbidden', message: 'Requests must be addressed to 127.0.0.1 or localhost.' });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendError(res, { code: 'forbidden', message: `Origin ${origin} may not use this server.` });
    }
    const target = requestTarget(req.url);
    if (!target) return sendError(res, { code: 'invalid_argument', message: 'The address is malformed.' });
    const { url } = target;
    const isApi = url.pathname === API_PATH;
    const isPageLoad = !isApi && (req.method === 'GET' || req.method === 'HEAD');

    // A token in the address is the server's own invitation: it wins over any cookie (one left by an earlier launch on
    // this port must not lock the user out) and replaces it. It opens pages only; API calls need the cookie or header.
    const addressToken = isPageLoad ? url.searchParams.get('token') : null;
    if (addressToken !== null) {
      if (!sameSecret(addressToken, token)) {
        return sendError(res, { code: 'unauthorized', message: 'The address carries a wrong or outdated token: open the address printed by the server now running.' });
      }
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...baseHeaders(),
        'Set-Cookie': `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`,
        // One leading slash only: `//host/` would send the browser to another site.
        Location: `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`,
      });
      return void res.end();
    }
    const presented = (req.headers[TOKEN_HEADER] as string | undefined) ?? cookieValue(req.headers.cookie, tokenCookieName(port));
    if (!sameSecret(presented, token)) {
      return sendError(res, { code: 'unauthorized', message: 'Missing or wrong token: open the address printed by `service-atlas serve`.' });
    }

    if (isApi) {
      if (req.method !== 'POST') return notAllowed(res, 'POST');
      if (!isJsonMediaType(req.headers['content-type'])) {
        return sendError(res, { code: 'unsupported_media_type', message: 'The API takes application/json (UTF-8).' });
      }
      const share = budget.hold();
      try {
        return await answerCall(req, res, share);
      } finally {
        share.release();
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return notAllowed(res, 'GET, HEAD');
    const file = path.resolve(staticRoot, `.${url.pathname === '/' ? '/index.html' : target.path}`);
    if (!file.startsWith(staticRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return sendError(res, { code: 'not_found', message: `Not found: ${url.pathname}` });
    }
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function answerCall(req: http.IncomingMessage, res: http.ServerResponse, share: ReturnType<BodyBudget['hold']>): Promise<void> {
    let text: string;
    try {
      text = await readBody(req, { maxBytes: maxBodyBytes, deadlineMs: requestTimeoutMs, share });
    } catch (error) {
      if (!(error instanceof BodyRefused)) throw error;
      if (error.error.code === 'request_timeout') res.once('finish', () => req.socket.destroy());
      return sendError(res, error.error, { Connection: 'close', ...(error.error.code === 'busy' ? { 'Retry-After': '5' } : {}) });
    }
    let request: { channel?: unknown; arg?: unknown };
    try {
      request = JSON.parse(text) as typeof request;
    } catch {
      return sendError(res, { code: 'invalid_argument', message: 'The request body is not valid JSON.' });
    }
    if (typeof request !== 'object' || request === null || typeof request.channel !== 'string') {
      return sendError(res, { code: 'invalid_argument', message: 'The request body must be {"channel": string, "arg": …}.', fields: [{ field: 'channel', message: 'required string' }] });
    }
    if (nestsDeeperThan(request.arg, MAX_JSON_DEPTH)) {
      return sendError(res, { code: 'invalid_argument', message: `The argument nests deeper than ${MAX_JSON_DEPTH} levels.`, fields: [{ field: 'arg', message: 'nested too deeply' }] });
    }
    const response = await options.dispatch(request.channel, request.arg);
    if (!response.ok) return sendError(res, response.error);
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(response));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, { code: 'internal', message: withoutFolders((error as Error).message) });
      else res.destroy();
    });
  });
  server.requestTimeout = requestTimeoutMs;
  server.headersTimeout = requestTimeoutMs;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('Server has no TCP address'));
      port = address.port;
      resolve({
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

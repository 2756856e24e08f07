// Browser mode: the same app over HTTP, for this machine only. Bound to 127.0.0.1; every request must carry the
// per-launch token (cookie, header, or once in the address); other origins and foreign Host headers are refused
// (against cross-site requests and DNS rebinding); request bodies are capped.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ApiError, ApiResponse } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import type { Dispatch } from './dispatch';

export const TOKEN_COOKIE = 'atlas_token';
export const TOKEN_HEADER = 'x-atlas-token';
export const API_PATH = '/api/call';
/** An import carries its whole file as base64 (up to 48 MB, so 64 MB encoded); every other call is far smaller. */
export const DEFAULT_MAX_BODY_BYTES = 72 * 1024 * 1024;

export interface HttpServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  token?: string;
  port?: number;
  maxBodyBytes?: number;
}

export interface RunningServer {
  port: number;
  token: string;
  /** The address to open: it carries the token once; the server then keeps it in a cookie. */
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

function sendError(res: http.ServerResponse, error: ApiError): void {
  const body = JSON.stringify({ ok: false, error } satisfies ApiResponse<never>);
  res.writeHead(HTTP_STATUS[error.code], { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering but let the rest drain, so the client still reads our 413 before the connection closes.
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const token = options.token ?? generateToken();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return sendError(res, { code: 'forbidden', message: 'Requests must be addressed to 127.0.0.1 or localhost.' });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendError(res, { code: 'forbidden', message: `Origin ${origin} may not use this server.` });
    }
    const queryToken = url.searchParams.get('token') ?? undefined;
    const presented = cookieValue(req.headers.cookie, TOKEN_COOKIE) ?? (req.headers[TOKEN_HEADER] as string | undefined) ?? queryToken;
    if (!sameSecret(presented, token)) {
      return sendError(res, { code: 'unauthorized', message: 'Missing or wrong token: open the address printed by `service-atlas serve`.' });
    }
    if (req.method === 'GET' && queryToken) {
      // Trade the token in the address for a cookie, so it does not linger in history or in the address bar.
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...baseHeaders(),
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`,
        Location: url.pathname + url.search,
      });
      return void res.end();
    }

    if (url.pathname === API_PATH) {
      if (req.method !== 'POST') return sendError(res, { code: 'invalid_argument', message: `Use POST for ${API_PATH}.` });
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        return sendError(res, { code: 'unsupported_media_type', message: 'The API takes application/json.' });
      }
      let text: string;
      try {
        text = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.setHeader('Connection', 'close');
          return sendError(res, { code: 'payload_too_large', message: `Request bodies are limited to ${maxBodyBytes} bytes.` });
        }
        throw error;
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
      const response = await options.dispatch(request.channel, request.arg);
      if (!response.ok) return sendError(res, response.error);
      res.writeHead(200, { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(JSON.stringify(response));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, { code: 'invalid_argument', message: `Method ${req.method} is not allowed here.` });
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(staticRoot, `.${relative}`);
    if (!file.startsWith(staticRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return sendError(res, { code: 'not_found', message: `Not found: ${url.pathname}` });
    }
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, { code: 'internal', message: (error as Error).message });
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;

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

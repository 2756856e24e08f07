import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import type { Dispatch } from './dispatch';
import { API_PATH } from '../../shared/transport';
import { startHttpServer, tokenCookieName, TOKEN_HEADER, type RunningServer } from './httpServer';

const temp = makeTempDir();
const calls: Array<{ channel: string; arg: unknown }> = [];
const dispatch: Dispatch = async (channel, arg) => {
  calls.push({ channel, arg });
  return { ok: true, value: { echoed: channel } };
};
let server: RunningServer;

beforeAll(async () => {
  fs.writeFileSync(path.join(temp.dir, 'index.html'), '<!doctype html><title>atlas</title>');
  fs.writeFileSync(path.join(temp.dir, '..', 'secret.txt'), 'outside the static root');
  server = await startHttpServer({ dispatch, staticDir: temp.dir, maxBodyBytes: 1024 });
});
afterAll(async () => {
  await server.close();
  temp.cleanup();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string; host?: string; port?: number }): Promise<Reply> {
  const port = options.port ?? server.port;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const apiCall = (headers: Record<string, string>, body = JSON.stringify({ channel: 'app.info', arg: {} })) =>
  request({ method: 'POST', path: API_PATH, headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints an address with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('is not reachable on other interfaces', async () => {
    const reachable = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: '::1', port: server.port, path: '/', timeout: 1000 }, () => resolve(true));
      req.on('error', () => resolve(false));
      req.on('timeout', () => {
        req.destroy();
        resolve(false);
      });
    });
    expect(reachable).toBe(false);
  });

  it('refuses every request without the token, pages and API alike', async () => {
    expect((await request({ path: '/' })).status).toBe(401);
    expect((await request({ path: '/index.html' })).status).toBe(401);
    const api = await apiCall({});
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await apiCall({ [TOKEN_HEADER]: 'x'.repeat(server.token.length) })).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('trades the token in the address for an HttpOnly, SameSite=Strict cookie', async () => {
    const reply = await request({ path: `/?token=${server.token}` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toContain(`${tokenCookieName(server.port)}=${server.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await request({ path: '/', headers: { Cookie: `${tokenCookieName(server.port)}=${server.token}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>atlas</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('carries API calls to the core with the token', async () => {
    const reply = await apiCall({ [TOKEN_HEADER]: server.token });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echoed: 'app.info' } });
    expect(calls.at(-1)).toEqual({ channel: 'app.info', arg: {} });
  });

  it('refuses other origins and foreign Host headers (DNS rebinding)', async () => {
    const before = calls.length;
    const cross = await apiCall({ [TOKEN_HEADER]: server.token, Origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const rebinding = await request({ path: '/', host: `evil.example:${server.port}`, headers: { Cookie: `${tokenCookieName(server.port)}=${server.token}` } });
    expect(rebinding.status).toBe(403);
    const sameOrigin = await apiCall({ [TOKEN_HEADER]: server.token, Origin: `http://127.0.0.1:${server.port}` });
    expect(sameOrigin.status).toBe(200);
    expect(calls.length).toBe(before + 1);
  });

  it('caps request bodies', async () => {
    const big = JSON.stringify({ channel: 'app.info', arg: { padding: 'x'.repeat(5_000) } });
    const reply = await apiCall({ [TOKEN_HEADER]: server.token }, big);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('takes JSON only, and says what is wrong with a malformed request', async () => {
    const form = await request({ method: 'POST', path: API_PATH, headers: { [TOKEN_HEADER]: server.token, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const broken = await apiCall({ [TOKEN_HEADER]: server.token }, '{"channel": ');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ error: { code: 'invalid_argument' } });
    const noChannel = await apiCall({ [TOKEN_HEADER]: server.token }, '{"arg": {}}');
    expect(JSON.parse(noChannel.body)).toMatchObject({ error: { code: 'invalid_argument', fields: [{ field: 'channel' }] } });
  });

  it('serves nothing outside the renderer folder', async () => {
    const reply = await request({ path: '/..%2fsecret.txt', headers: { Cookie: `${tokenCookieName(server.port)}=${server.token}` } });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('outside the static root');
  });
});

describe('the token in the address', () => {
  const cookieOf = (reply: Reply) => String(reply.headers['set-cookie']);

  it('wins over a cookie left by an earlier launch on this port, and replaces it', async () => {
    const reply = await request({ path: `/?token=${server.token}`, headers: { Cookie: `${tokenCookieName(server.port)}=${'s'.repeat(server.token.length)}` } });
    expect(reply.status).toBe(303);
    expect(cookieOf(reply)).toContain(`${tokenCookieName(server.port)}=${server.token};`);
  });

  it('is kept in a cookie of this server only: named after its port; other servers’ cookies are ignored, not refused', async () => {
    const cookie = cookieOf(await request({ path: `/?token=${server.token}` }));
    expect(cookie).toMatch(new RegExp(`^atlas_token_${server.port}=`));
    expect(cookie).toContain('Path=/');
    // A cookie any server on 127.0.0.1 could have set (or read) does not open this one.
    expect((await request({ path: '/', headers: { Cookie: `atlas_token=${server.token}` } })).status).toBe(401);
    const mixed = `atlas_token_1=${'o'.repeat(32)}; atlas_token=x; ${tokenCookieName(server.port)}=${server.token}`;
    expect((await request({ path: '/', headers: { Cookie: mixed } })).status).toBe(200);
  });

  it('opens pages only: an API call needs the cookie or the header, and a wrong address token is refused', async () => {
    const before = calls.length;
    const api = await request({ method: 'POST', path: `${API_PATH}?token=${server.token}`, headers: { 'Content-Type': 'application/json' }, body: '{"channel":"app.info"}' });
    expect(api.status).toBe(401);
    expect(calls.length).toBe(before);
    const outdated = await request({ path: `/?token=${'o'.repeat(server.token.length)}`, headers: { Cookie: `${tokenCookieName(server.port)}=${server.token}` } });
    expect(outdated.status).toBe(401);
  });

  it('redirects within this server only', async () => {
    for (const path of [`/.//evil.example/?token=${server.token}`, `/./\\/evil.example/?token=${server.token}`, `//evil.example/x?token=${server.token}`]) {
      const location = (await request({ path })).headers.location ?? '';
      expect(location).toMatch(/^\/[^/\\]/);
    }
    expect((await request({ path: `/index.html?lang=en&token=${server.token}` })).headers.location).toBe('/index.html?lang=en');
  });
});

describe('malformed and hostile requests', () => {
  const cookie = () => ({ Cookie: `${tokenCookieName(server.port)}=${server.token}` });

  it('answers a malformed address with 400, not 500', async () => {
    expect((await request({ path: '/%', headers: cookie() })).status).toBe(400);
    expect((await request({ path: '/%E4%B8', headers: cookie() })).status).toBe(400);
    expect((await request({ path: '/%00', headers: cookie() })).status).toBe(404);
  });

  it('answers a wrong method with 405 and the methods allowed', async () => {
    const put = await request({ method: 'PUT', path: '/index.html', headers: cookie() });
    expect([put.status, put.headers.allow]).toEqual([405, 'GET, HEAD']);
    const get = await request({ path: API_PATH, headers: cookie() });
    expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
    expect(JSON.parse(get.body)).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('takes application/json in UTF-8 only', async () => {
    for (const type of ['application/jsonp', 'application/json-patch+json', 'application/json; charset=latin1']) {
      const reply = await apiCall({ [TOKEN_HEADER]: server.token, 'Content-Type': type });
      expect([type, reply.status]).toEqual([type, 415]);
    }
    expect((await apiCall({ [TOKEN_HEADER]: server.token, 'Content-Type': 'application/json; charset=UTF-8' })).status).toBe(200);
  });

  it('refuses an argument nested deeper than any call needs, before it reaches the core', async () => {
    const deepServer = await startHttpServer({ dispatch, staticDir: temp.dir });
    try {
      const before = calls.length;
      const body = `{"channel":"app.info","arg":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
      const reply = await request({ port: deepServer.port, method: 'POST', path: API_PATH, headers: { [TOKEN_HEADER]: deepServer.token, 'Content-Type': 'application/json' }, body });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'invalid_argument', fields: [{ field: 'arg' }] } });
      expect(calls.length).toBe(before);
    } finally {
      await deepServer.close();
    }
  });
});

/** Sends the request head, then `body` one byte every `intervalMs`; resolves with what came back when the server hung up. */
function trickle(port: number, head: string, body: string, intervalMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let sent = 0;
    socket.write(head);
    const timer = setInterval(() => {
      if (sent < body.length && socket.writable) socket.write(body[sent++]!);
    }, intervalMs);
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    });
  });
}

describe('request bodies in time and memory', () => {
  it('closes a body trickled in slower than the request timeout', async () => {
    const slow = await startHttpServer({ dispatch, staticDir: temp.dir, requestTimeoutMs: 400 });
    try {
      const body = JSON.stringify({ channel: 'app.info', arg: {} });
      const head = `POST ${API_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\n${TOKEN_HEADER}: ${slow.token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
      const started = Date.now();
      const answer = await Promise.race([trickle(slow.port, head, body, 100), new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 3_000))]);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await slow.close();
    }
  });

  it('holds at most a budget of body bytes at once: a second large body is turned away as busy, small calls go on', async () => {
    const budgeted = await startHttpServer({ dispatch, staticDir: temp.dir, maxBodyBytes: 1_000, maxInFlightBodyBytes: 1_500 });
    const call = (body: string) =>
      request({ port: budgeted.port, method: 'POST', path: API_PATH, headers: { [TOKEN_HEADER]: budgeted.token, 'Content-Type': 'application/json' }, body });
    const large = JSON.stringify({ channel: 'app.info', arg: { padding: 'x'.repeat(850) } });
    try {
      // The first large body arrives slowly and is held meanwhile.
      const first = new Promise<Reply>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: budgeted.port, method: 'POST', path: API_PATH, headers: { Host: `127.0.0.1:${budgeted.port}`, [TOKEN_HEADER]: budgeted.token, 'Content-Type': 'application/json', 'Content-Length': String(large.length) } },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' }));
          },
        );
        req.on('error', reject);
        req.write(large.slice(0, 100));
        setTimeout(() => req.end(large.slice(100)), 500);
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const second = await call(large);
      expect([second.status, second.headers['retry-after']]).toEqual([503, '5']);
      expect(JSON.parse(second.body)).toMatchObject({ error: { code: 'busy' } });
      expect((await call(JSON.stringify({ channel: 'app.info', arg: {} }))).status).toBe(200);
      expect((await first).status).toBe(200);
      expect((await call(large)).status).toBe(200);
    } finally {
      await budgeted.close();
    }
  });
});

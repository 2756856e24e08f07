import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import type { Dispatch } from './dispatch';
import { API_PATH } from '../../shared/transport';
import { startHttpServer, TOKEN_COOKIE, TOKEN_HEADER, type RunningServer } from './httpServer';

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

function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: options.host ?? `127.0.0.1:${server.port}`, ...options.headers },
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
    expect(cookie).toContain(`${TOKEN_COOKIE}=${server.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await request({ path: '/', headers: { Cookie: `${TOKEN_COOKIE}=${server.token}` } });
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
    const rebinding = await request({ path: '/', host: `evil.example:${server.port}`, headers: { Cookie: `${TOKEN_COOKIE}=${server.token}` } });
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
    const reply = await request({ path: '/..%2fsecret.txt', headers: { Cookie: `${TOKEN_COOKIE}=${server.token}` } });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('outside the static root');
  });
});

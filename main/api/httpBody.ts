// Reading an API call's body in browser mode: JSON only, capped in size and in time, and within a budget shared by
// every request in flight, so that a few large uploads at once cannot take the machine's memory.
import type http from 'node:http';
import type { ApiError } from '../../shared/api';

export class BodyRefused extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Bytes of request bodies held at once, over all requests. */
export class BodyBudget {
  private used = 0;
  constructor(readonly bytes: number) {}

  /** A request's share: it grows as the body arrives, and is given back once the request is answered. */
  hold(): { add(bytes: number): boolean; release(): void } {
    let held = 0;
    return {
      add: (bytes) => {
        if (this.used + bytes > this.bytes) return false;
        this.used += bytes;
        held += bytes;
        return true;
      },
      release: () => {
        this.used -= held;
        held = 0;
      },
    };
  }
}

export interface BodyLimits {
  maxBytes: number;
  /** The body must have arrived this many milliseconds after the request started. */
  deadlineMs: number;
  share: ReturnType<BodyBudget['hold']>;
}

const tooLarge = (maxBytes: number): ApiError => ({ code: 'payload_too_large', message: `Request bodies are limited to ${maxBytes} bytes.` });
const busy: ApiError = { code: 'busy', message: 'The server is busy receiving other large requests (an import?). Try again when they have finished.' };

/**
 * The body as UTF-8 text. A body refused for its size or for the budget is still read to its end (and dropped), so
 * that the client, done sending, reads the answer instead of a reset connection; one that misses the deadline is not
 * (a client trickling bytes would hold the connection for ever).
 */
export function readBody(req: http.IncomingMessage, limits: BodyLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    let refusal: ApiError | null = null;
    const refuse = (error: ApiError) => {
      refusal = error;
      chunks.length = 0;
    };
    const timer = setTimeout(() => {
      req.removeAllListeners('data');
      req.pause();
      reject(new BodyRefused({ code: 'request_timeout', message: `The request body did not arrive within ${limits.deadlineMs / 1000} s.` }));
    }, limits.deadlineMs);
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.maxBytes) refuse(tooLarge(limits.maxBytes));
    // A declared length is claimed at once, so that a second large upload is turned away before it is held.
    else if (!limits.share.add(declared)) refuse(busy);
    req.on('data', (chunk: Buffer) => {
      if (refusal) return;
      size += chunk.length;
      if (size > limits.maxBytes) return refuse(tooLarge(limits.maxBytes));
      if (size > declared && !limits.share.add(Math.min(chunk.length, size - declared))) return refuse(busy);
      chunks.push(chunk);
    });
    req.on('end', () => {
      clearTimeout(timer);
      if (refusal) reject(new BodyRefused(refusal));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** `application/json`, with no parameter but an optional UTF-8 charset (not `application/jsonp`, `…json-seq`, …). */
export function isJsonMediaType(header: string | undefined): boolean {
  const [type, ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  return type === 'application/json' && parameters.every((p) => p === 'charset=utf-8' || p === 'charset="utf-8"');
}

/** Whether a parsed JSON value nests deeper than `limit` (walked without recursion: the value may be very deep). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

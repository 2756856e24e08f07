// Starts the core worker and forwards calls to it; used by the Electron main process and the browser-mode server.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiResponse } from '../../shared/api/index';
import type { CoreMessage, CoreOptions, CoreRequest } from './coreProtocol';
import type { Dispatch } from './dispatch';

export interface CoreHost {
  dispatch: Dispatch;
  /** Calls handed to the core and not answered yet. */
  pendingCalls(): number;
  close(): Promise<void>;
}

export function startCoreHost(options: CoreOptions, workerFile = path.join(__dirname, 'coreWorker.js')): Promise<CoreHost> {
  const worker = new Worker(workerFile, { workerData: options satisfies CoreOptions });
  const pending = new Map<number, (response: ApiResponse<unknown>) => void>();
  let nextId = 1;
  let failure: string | null = null;

  const failAll = (message: string) => {
    failure = message;
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: CoreMessage) => {
      if (message.type === 'ready') {
        resolve({
          dispatch: (channel, arg) =>
            new Promise((done) => {
              if (failure) return done({ ok: false, error: { code: 'internal', message: failure } });
              const id = nextId++;
              try {
                worker.postMessage({ id, channel, arg } satisfies CoreRequest);
              } catch (error) {
                // The argument cannot be copied to the core's thread (nested too deeply, or holding functions).
                return done({ ok: false, error: { code: 'invalid_argument', message: `The argument for ${channel.slice(0, 100)} cannot be passed to the core: ${(error as Error).message}` } });
              }
              pending.set(id, done);
            }),
          pendingCalls: () => pending.size,
          close: async () => {
            await worker.terminate();
          },
        });
      } else if (message.type === 'fatal') {
        void worker.terminate();
        reject(new Error(message.message));
      } else {
        pending.get(message.id)?.(message.response);
        pending.delete(message.id);
      }
    });
    worker.on('error', (error) => {
      failAll(`The core stopped: ${error.message}`);
      reject(error);
    });
    worker.on('exit', (code) => failAll(`The core exited (code ${code})`));
  });
}

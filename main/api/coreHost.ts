// Starts the core worker and forwards calls to it; used by the Electron main process and the browser-mode server.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiResponse } from '../../shared/api/index';
import type { CoreMessage, CoreOptions, CoreRequest } from './coreProtocol';
import type { Dispatch } from './dispatch';

export interface CoreHost {
  dispatch: Dispatch;
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
              pending.set(id, done);
              worker.postMessage({ id, channel, arg } satisfies CoreRequest);
            }),
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

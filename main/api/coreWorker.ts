// The core's own thread: it owns the database connection and runs every handler, so that neither the Electron main
// process nor the browser-mode server ever blocks on SQL or computation.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/db';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import fs from 'node:fs';
import { createDemoDatabase } from '../demo/createDemoDatabase';
import type { CoreMessage, CoreOptions, CoreRequest } from './coreProtocol';

const port = parentPort;
if (!port) throw new Error('coreWorker must run in a worker thread');
const { databaseFile, createDemoIfMissing } = workerData as CoreOptions;
const post = (message: CoreMessage) => port.postMessage(message);

try {
  if (createDemoIfMissing && !fs.existsSync(databaseFile)) createDemoDatabase(databaseFile);
  const db = openDatabase(databaseFile, { mustExist: true });
  const dispatch = createDispatch(createHandlers({ db, databaseFile }), (error) => console.error('[core]', error));
  port.on('message', (request: CoreRequest) => {
    void dispatch(request.channel, request.arg).then((response) => post({ type: 'response', id: request.id, response }));
  });
  port.once('close', () => db.close());
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'fatal', message: (error as Error).message });
}

import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '../paths';

// Worker threads run compiled JavaScript: tests that start one use the build (`npm test` builds before testing).
export const BUILT_PLAN_WORKER = path.join(appRoot, 'dist', 'main', 'routing', 'dispatch', 'planWorker.js');
export const BUILT_NETWORK_WORKER = path.join(appRoot, 'dist', 'main', 'network', 'networkWorker.js');
export const BUILT_IMPORT_WORKER = path.join(appRoot, 'dist', 'main', 'import', 'importWorker.js');
export const BUILT_SOLVE_WORKER = path.join(appRoot, 'dist', 'main', 'routing', 'parallel', 'solveWorker.js');
export const BUILT_CORE_WORKER = path.join(appRoot, 'dist', 'main', 'api', 'coreWorker.js');
export const BUILT_EXPORT_WORKER = path.join(appRoot, 'dist', 'main', 'export', 'exportWorker.js');
for (const file of [BUILT_PLAN_WORKER, BUILT_NETWORK_WORKER, BUILT_IMPORT_WORKER, BUILT_SOLVE_WORKER, BUILT_CORE_WORKER, BUILT_EXPORT_WORKER]) {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
}

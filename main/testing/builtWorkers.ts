import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '../paths';

// Worker threads run compiled JavaScript: tests that start one use the build (`npm test` builds before testing).
export const BUILT_PLAN_WORKER = path.join(appRoot, 'dist', 'main', 'routing', 'planWorker.js');
if (!fs.existsSync(BUILT_PLAN_WORKER)) throw new Error(`${BUILT_PLAN_WORKER} is missing: run \`npm run build\` first (npm test does).`);

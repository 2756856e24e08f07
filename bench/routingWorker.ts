// One benchmark instance per message, solved in this thread so that two run side by side on a two-core machine.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { solveVrptw } from '../main/routing/solver/sisr';
import { parseSolomon } from '../main/routing/solomon/solomon';
import { solomonToProblem, toCustomerNumbers } from '../main/routing/solomon/solomonProblem';

parentPort?.on('message', (task: { file: string; timeLimitMs: number; seed: number }) => {
  const instance = parseSolomon(fs.readFileSync(task.file, 'utf8'));
  const result = solveVrptw(solomonToProblem(instance), { timeLimitMs: task.timeLimitMs, seed: task.seed });
  parentPort?.postMessage({ file: task.file, routes: toCustomerNumbers(result.routes), unassigned: result.unassigned.length, elapsedMs: result.elapsedMs, iterations: result.iterations });
});

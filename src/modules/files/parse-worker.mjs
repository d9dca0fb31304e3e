// The entry of a parsing worker thread (parse-pool.ts). The app runs its TypeScript sources directly
// (tsx for the server and the CLI, vitest for the tests), so the worker registers tsx before it loads
// the tasks; under tsx the hooks are already there and registering again is harmless.
import { register } from 'tsx/esm/api';

register();
const { runParseTask } = await import('./parse-tasks.ts');

/** Tells the pool the task has begun (its time limit starts now), then runs it. */
export default function run({ task, started }) {
  started.postMessage('started');
  started.close();
  return runParseTask(task);
}

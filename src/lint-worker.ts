/** Worker thread entry: lint the page groups the pool sends, one message each way per group. */
import { parentPort, workerData } from 'node:worker_threads';
import { runGroupTask, type GroupTask, type RunSettings } from './group-task.js';

const run = workerData as RunSettings;

parentPort?.on('message', ({ id, task }: { id: number; task: GroupTask }) => {
  runGroupTask(task, run).then(
    (result) => parentPort!.postMessage({ id, result }),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});

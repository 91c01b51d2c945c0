/** Worker thread entry: lint the page groups the pool sends, one message each way per group. */
import { parentPort, workerData } from 'node:worker_threads';
import { runGroupTask, type GroupTask, type RunSettings } from './group-task.js';

const run = workerData as RunSettings;

parentPort?.on('message', ({ id, task }: { id: number; task: GroupTask }) => {
  let reply;
  try {
    reply = { id, result: runGroupTask(task, run) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});

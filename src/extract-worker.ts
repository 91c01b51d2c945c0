/** Worker thread entry: parse and extract the files the pool sends, one message each way per file. */
import { parentPort } from 'node:worker_threads';
import { summarize, type ExtractTask } from './workers.js';

parentPort?.on('message', ({ id, task }: { id: number; task: ExtractTask }) => {
  try {
    parentPort!.postMessage({ id, result: summarize(task) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

/**
 * Parse and extract files off the main thread: a small pool of worker threads, started only when a run has enough
 * files to repay the start-up cost, so that a pre-commit run on one page stays in-process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extract } from './extract.js';
import { decode } from './read.js';
import type { FileSummary } from './types.js';

/** What parsing one file gives: its summary, or why it could not be read. */
export type Extracted = { summary: FileSummary; unreadable?: undefined } | { summary?: undefined; unreadable: string };

/** One file to parse: its bytes, its path relative to the working directory, its locale. */
export interface ExtractTask {
  bytes: Uint8Array;
  file: string;
  locale: string;
}

/** Decode and extract one file in this thread. */
export function summarize(task: ExtractTask): Extracted {
  const read = decode(task.bytes);
  if (!read.ok) return { unreadable: read.message };
  return { summary: extract(read.file, task.file, task.locale) };
}

interface Pending {
  task: ExtractTask;
  resolve(result: Extracted): void;
  reject(error: Error): void;
}

interface Reply {
  id: number;
  result?: Extracted;
  error?: string;
}

/** Files parsed in-process before a pool is worth starting (a worker costs tens of ms to load remark). */
export const POOL_THRESHOLD = 48;

const workerScript = new URL('./extract-worker.js', import.meta.url);

/** Whether worker threads can run here: the compiled worker script exists (not when running from TypeScript source). */
export function workersAvailable(): boolean {
  return workerScript.protocol === 'file:' && existsSync(fileURLToPath(workerScript));
}

/** How many worker threads to use by default: one per core the process may use. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** A fixed set of worker threads fed from one queue; each takes the next file as soon as it is free. */
export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly busy = new Map<Worker, { id: number; pending: Pending }>();
  private readonly all: Worker[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(size: number) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(workerScript);
      worker.on('message', (reply: Reply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error));
      worker.unref();
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** Parse one file in a worker. */
  run(task: ExtractTask): Promise<Extracted> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      this.busy.set(worker, { id, pending });
      worker.ref();
      worker.postMessage({ id, task: pending.task });
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const current = this.busy.get(worker);
    this.busy.delete(worker);
    const pending = current?.id === reply.id ? current.pending : undefined;
    worker.unref();
    this.idle.push(worker);
    if (pending) {
      if (reply.result) pending.resolve(reply.result);
      else pending.reject(new Error(reply.error ?? 'worker returned nothing'));
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    // A worker that dies takes its task with it; fail everything rather than hang.
    this.failure = error;
    for (const { pending } of this.busy.values()) pending.reject(error);
    for (const pending of this.queue.splice(0)) pending.reject(error);
    this.busy.clear();
  }
}

/**
 * Parses files in-process until more than `threshold` have been asked for, then in a pool of `threads` workers.
 * `threads` of 0 or 1, or no compiled worker script, keeps everything in-process.
 */
export class Extractor {
  private pool: ExtractPool | undefined;
  private count = 0;

  constructor(
    private readonly threads: number = defaultThreads(),
    private readonly threshold: number = POOL_THRESHOLD,
  ) {}

  /** Parse one file, in a worker when the pool is running. */
  async extract(task: ExtractTask): Promise<Extracted> {
    this.count++;
    if (!this.pool && this.threads > 1 && this.count > this.threshold && workersAvailable()) this.pool = new ExtractPool(this.threads);
    if (this.pool) return this.pool.run(task);
    return summarize(task);
  }

  /** Whether a pool was started (for tests and the benchmark). */
  get pooled(): boolean {
    return this.pool !== undefined;
  }

  /** Stop the pool, if one was started. */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/**
 * Lint page groups on every core: this thread and a small pool of worker threads (one fewer than the threads asked
 * for), started only when a run has enough files to repay the start-up cost, so that a pre-commit run on one page
 * stays in-process. A worker parses and lints a whole group and sends back its findings and directives. Without a
 * cache it reads the files itself; with one, it is sent the bytes the main thread hashed and the summaries the cache
 * has, and writes the new summaries to the cache itself.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { freshBundle } from './bundled.js';
import { runGroupTask, type GroupOutcome, type GroupTask, type RunSettings } from './group-task.js';

interface Pending {
  task: GroupTask;
  resolve(result: GroupOutcome): void;
  reject(error: Error): void;
}

interface Reply {
  id: number;
  result?: GroupOutcome;
  error?: string;
}

/** Groups sent to one worker at once: enough that it never waits while this thread lints a group of its own. */
const GROUPS_PER_WORKER = 4;

/**
 * Each worker's young generation, in MB. V8 sizes it for a large heap by default; a worker's garbage is parse trees
 * that die within a group, so a small one is collected as cheaply and keeps the process's peak memory about a fifth
 * lower (tldr: 415 to 340 MB) at no cost in time (bench/RESULTS.md).
 */
const YOUNG_GENERATION_MB = 16;

/** Files linted in-process before a pool is worth starting (a worker costs tens of ms to load remark). */
export const POOL_THRESHOLD = 48;

const workerModule = new URL('./lint-worker.js', import.meta.url);

/** Whether worker threads can run here: the compiled worker script exists (not when running from TypeScript source). */
export function workersAvailable(): boolean {
  return workerModule.protocol === 'file:' && existsSync(fileURLToPath(workerModule));
}

/** The worker's script: its bundle when fresh, which starts in a third of the time (~120 ms instead of ~400 ms). */
export function workerScript(): URL {
  return freshBundle('lint-worker.bundle.cjs') ?? workerModule;
}

/** How many threads lint by default, this one included: one per core the process may use. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** A fixed set of worker threads fed from one queue; each takes the next group as soon as it is free. */
export class GroupPool {
  private readonly queue: Pending[] = [];
  /** Each worker's groups in flight, by message id. */
  private readonly inFlight = new Map<Worker, Map<number, Pending>>();
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(size: number, run: RunSettings) {
    const script = workerScript();
    for (let index = 0; index < size; index++) {
      const worker = new Worker(script, { workerData: run, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('message', (reply: Reply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error));
      // A worker that ends before it is told to (killed, out of memory) must fail the run, not leave it waiting or be
      // handed more groups.
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a worker thread stopped (exit code ${code}) while linting`));
      });
      worker.unref();
      this.inFlight.set(worker, new Map());
    }
  }

  /** Lint one group in a worker. */
  run(task: GroupTask): Promise<GroupOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /** Why the pool failed, if it did: no group can be linted in it any more. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** Whether a worker would take another group now, without it waiting in the queue. */
  hasRoom(): boolean {
    if (this.failure || this.queue.length > 0) return false;
    for (const tasks of this.inFlight.values()) if (tasks.size < GROUPS_PER_WORKER) return true;
    return false;
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.inFlight.keys()].map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    for (const [worker, tasks] of this.inFlight) {
      // Several groups per worker: the next one is already there when a worker finishes, so it never waits for this
      // thread to answer its message (or to finish a group of its own).
      while (tasks.size < GROUPS_PER_WORKER && this.queue.length > 0) {
        const pending = this.queue.shift()!;
        const id = this.nextId++;
        tasks.set(id, pending);
        worker.ref();
        worker.postMessage({ id, task: pending.task });
      }
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const tasks = this.inFlight.get(worker)!;
    const pending = tasks.get(reply.id);
    tasks.delete(reply.id);
    if (tasks.size === 0) worker.unref();
    if (pending) {
      if (reply.result) pending.resolve(reply.result);
      else pending.reject(new Error(reply.error ?? 'worker returned nothing'));
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    // A worker that dies takes its task with it; fail everything rather than hang. Its 'error' comes before its
    // 'exit': keep the first, which says why.
    const reason = (this.failure ??= error);
    for (const tasks of this.inFlight.values()) {
      for (const pending of tasks.values()) pending.reject(reason);
      tasks.clear();
    }
    for (const pending of this.queue.splice(0)) pending.reject(reason);
  }
}

/**
 * Lints groups in-process until more than `threshold` files have been asked for, then on `threads` threads: this one
 * and a pool of `threads - 1` workers. A group goes to a worker that has room, else waits for this thread, which lints
 * one group per turn of the event loop so that workers' replies (and with them, their next groups) are never held up.
 * `threads` of 0 or 1, or no compiled worker script, keeps everything in-process.
 */
export class GroupRunner {
  private pool: GroupPool | undefined;
  private files = 0;
  /** Groups waiting for this thread, and whether a turn to lint the next is scheduled. */
  private readonly here: Pending[] = [];
  private scheduled = false;
  private hereCount = 0;

  constructor(
    private readonly run: RunSettings,
    private readonly threads: number = defaultThreads(),
    private readonly threshold: number = POOL_THRESHOLD,
  ) {}

  /** Lint one group, in a worker when one has room. */
  async lint(task: GroupTask): Promise<GroupOutcome> {
    this.files += task.group.files.length;
    if (!this.pool && this.threads > 1 && this.files > this.threshold && workersAvailable()) this.pool = new GroupPool(this.threads - 1, this.run);
    if (!this.pool) return runGroupTask(task, this.run);
    if (this.pool.hasRoom()) return this.pool.run(task);
    return new Promise((resolve, reject) => {
      this.here.push({ task, resolve, reject });
      this.schedule();
    });
  }

  /** Whether a pool was started (for tests and the benchmark). */
  get pooled(): boolean {
    return this.pool !== undefined;
  }

  /** How many groups this thread linted while a pool ran (for tests). */
  get lintedHere(): number {
    return this.hereCount;
  }

  /** Stop the pool, if one was started. */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  private schedule(): void {
    if (this.scheduled || this.here.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      // A failed pool fails the run: the groups waiting here are not linted for nothing.
      const failure = this.pool?.failed;
      if (failure) {
        for (const pending of this.here.splice(0)) pending.reject(failure);
        return;
      }
      const next = this.here.shift()!;
      // A worker that freed up meanwhile takes it; otherwise this thread lints it.
      if (this.pool?.hasRoom()) this.pool.run(next.task).then(next.resolve, next.reject);
      else {
        try {
          this.hereCount++;
          next.resolve(runGroupTask(next.task, this.run));
        } catch (error) {
          next.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
      this.schedule();
    });
  }
}

/** Progress of a long run on one updating line of a terminal; nothing at all in CI logs, pipes or with --quiet. */

export interface ProgressOptions {
  write(text: string): void;
  /** Whether the stream written to is a terminal. */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  quiet?: boolean;
  /** Milliseconds between redraws. */
  interval?: number;
  now?: () => number;
}

export interface Progress {
  /** Show that `done` of `total` files are done (redrawn at most once per interval). */
  update(done: number, total: number): void;
  /** Clear the line. */
  end(): void;
}

/** A progress line for `options.write`, or one that writes nothing when progress would only add noise. */
export function createProgress(options: ProgressOptions): Progress {
  const silent = !options.isTTY || options.quiet || Boolean(options.env.CI) || options.env.TERM === 'dumb';
  if (silent) return { update() {}, end() {} };
  const interval = options.interval ?? 100;
  const now = options.now ?? Date.now;
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const time = now();
      if (time - last < interval && done < total) return;
      last = time;
      shown = true;
      options.write(`\r\x1b[Kdoc-drift: ${done}/${total} files (${total ? Math.floor((100 * done) / total) : 100}%)`);
    },
    end() {
      if (shown) options.write('\r\x1b[K');
      shown = false;
    },
  };
}

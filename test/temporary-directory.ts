/**
 * Vitest global setup: the whole run gets one temporary directory (TMPDIR, which os.tmpdir() reads and the test
 * workers and the CLI processes they start inherit), removed when the run ends, so that the hundreds of trees the
 * tests copy do not pile up in the system's /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const directory = mkdtempSync(join(tmpdir(), 'doc-drift-tests-'));
  process.env.TMPDIR = directory;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    // A test may leave an immutable or read-only file behind when it fails midway: keep going, never fail teardown.
    rmSync(directory, { recursive: true, force: true, maxRetries: 2 });
  };
}

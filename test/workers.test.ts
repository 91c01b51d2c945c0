import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/progress.js';
// The pool runs compiled workers, so it is tested from dist (npm test builds first).
import { ExtractPool, Extractor, summarize, workersAvailable, type ExtractTask } from '../dist/src/workers.js';

const example = resolve(import.meta.dirname, '../fixtures/example');
const files = ['en/api/create-batch.md', 'de/api/create-batch.md', 'ja/guides/overview.md', 'fr/api/create-batch.md'];
const tasks: ExtractTask[] = files.map((file) => ({ bytes: readFileSync(resolve(example, file)), file, locale: file.split('/')[0]! }));

describe('worker pool', () => {
  it('finds its compiled worker script', () => {
    expect(workersAvailable()).toBe(true);
  });

  it('gives the same summaries as parsing in-process', async () => {
    const pool = new ExtractPool(2);
    try {
      const pooled = await Promise.all(tasks.map((task) => pool.run(task)));
      expect(pooled).toEqual(tasks.map(summarize));
      expect(pooled[0]!.summary?.codeBlocks.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('reports a file that is not text instead of failing', async () => {
    const pool = new ExtractPool(1);
    try {
      const result = await pool.run({ bytes: new Uint8Array([0x23, 0, 0x41]), file: 'x.md', locale: 'en' });
      expect(result.unreadable).toMatch(/binary/);
    } finally {
      await pool.close();
    }
  });

  it('stays in-process for a small run and starts a pool past its threshold', async () => {
    const small = new Extractor(2, 10);
    for (const task of tasks) await small.extract(task);
    expect(small.pooled).toBe(false);
    const large = new Extractor(2, 2);
    const results = await Promise.all(tasks.map((task) => large.extract(task)));
    expect(large.pooled).toBe(true);
    expect(results).toEqual(tasks.map(summarize));
    await large.close();
    const single = new Extractor(1, 0);
    await single.extract(tasks[0]!);
    expect(single.pooled).toBe(false);
  });
});

describe('cache fingerprint', () => {
  it('knows the installed version of each parser it depends on', async () => {
    const { parserVersions } = await import('../dist/src/cache.js');
    const versions = parserVersions();
    expect(versions['remark-parse']).toMatch(/^\d+\.\d+\.\d+/);
    expect(versions['yaml']).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('progress line', () => {
  const capture = (isTTY: boolean, env: Record<string, string | undefined> = {}, quiet = false) => {
    let out = '';
    let time = 0;
    const progress = createProgress({ write: (text) => (out += text), isTTY, env, quiet, interval: 100, now: () => (time += 60) });
    for (let done = 1; done <= 10; done++) progress.update(done, 10);
    progress.end();
    return out;
  };

  it('updates one line on a terminal, throttled, and clears it at the end', () => {
    const out = capture(true);
    expect(out).toContain('doc-drift: 10/10 files (100%)');
    expect(out).not.toContain('\n');
    expect(out.split('\r\x1b[K').filter(Boolean).length).toBeLessThan(10);
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing to a pipe, in CI or with --quiet', () => {
    expect(capture(false)).toBe('');
    expect(capture(true, { CI: 'true' })).toBe('');
    expect(capture(true, {}, true)).toBe('');
  });
});

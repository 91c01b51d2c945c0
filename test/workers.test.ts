import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/progress.js';
// The pool runs compiled workers, so it is tested from dist (npm test builds first).
import { runGroupTask, summarize, type GroupTask, type RunSettings } from '../dist/src/group-task.js';
import { GroupPool, GroupRunner, workersAvailable } from '../dist/src/workers.js';
import { ruleOptions } from '../dist/src/config.js';
import { rules } from '../dist/rules/index.js';

const example = resolve(import.meta.dirname, '../fixtures/example');
const pages = ['api/create-batch.md', 'guides/overview.md'];
const locales = ['en', 'de', 'fr', 'ja', 'pt-BR'];
const run: RunSettings = { source: 'en', locales, active: rules.map((rule) => [rule.id, rule.defaultSeverity]), settings: ruleOptions({}) };
const tasks: GroupTask[] = pages.map((page) => ({
  group: { id: page.replace(/\.md$/, ''), files: locales.map((locale) => ({ locale, file: `${locale}/${page}`, path: resolve(example, locale, page) })) },
  expected: Object.fromEntries(locales.map((locale) => [locale, `${locale}/${page}`])),
}));

describe('worker pool', () => {
  it('finds its compiled worker script', () => {
    expect(workersAvailable()).toBe(true);
  });

  it('gives the same findings as linting in-process', async () => {
    const pool = new GroupPool(2, run);
    try {
      const pooled = await Promise.all(tasks.map((task) => pool.run(task)));
      const inProcess = await Promise.all(tasks.map((task) => runGroupTask(task, run)));
      expect(pooled).toEqual(inProcess);
      expect(pooled.flatMap((outcome) => outcome.findings).length).toBeGreaterThan(3);
    } finally {
      await pool.close();
    }
  });

  it('reports a file that is not text as a finding instead of failing, and writes the summaries for the cache itself', async () => {
    const pool = new GroupPool(1, run);
    const storeAt = { path: join(mkdtempSync(join(tmpdir(), 'doc-drift-workers-')), 'cache', 'x.summaries.json'), fingerprint: 'f' };
    try {
      const binary: GroupTask = {
        group: { id: 'x', files: [{ locale: 'en', file: 'en/x.md', path: '/nonexistent' }, { locale: 'de', file: 'de/x.md', path: '/nonexistent' }] },
        expected: {},
        reads: [
          { ok: true, bytes: new Uint8Array([0x23, 0x20, 0x41]), hash: 'a' },
          { ok: true, bytes: new Uint8Array([0x23, 0, 0x41]), hash: 'b' },
        ],
        storeAt,
      };
      const result = await pool.run(binary);
      expect(result.findings.map((finding) => finding.message).join('\n')).toMatch(/binary/);
      // Summaries stay in the worker: only findings and directives come back.
      expect(Object.keys(result)).toEqual(['findings']);
      const written = JSON.parse(readFileSync(storeAt.path, 'utf8'));
      expect(written.fingerprint).toBe('f');
      expect(written.copies['de/x.md']).toMatchObject({ hash: 'b', locale: 'de', extracted: { unreadable: expect.stringMatching(/binary/) } });
      expect(written.copies['en/x.md']).toMatchObject({ hash: 'a', extracted: { summary: { file: 'en/x.md' } } });
    } finally {
      await pool.close();
    }
  });

  it('lints a group whose summaries cannot be written for the cache as if there were no cache', async () => {
    const pool = new GroupPool(1, run);
    const blocked = join(mkdtempSync(join(tmpdir(), 'doc-drift-workers-')), 'file');
    writeFileSync(blocked, '');
    try {
      const reads = tasks[0]!.group.files.map((file) => {
        const bytes = readFileSync(file.path);
        return { ok: true as const, bytes: new Uint8Array(bytes), hash: file.file };
      });
      const outcome = await pool.run({ ...tasks[0]!, reads, storeAt: { path: join(blocked, 'x.summaries.json'), fingerprint: 'f' } });
      expect(outcome).toEqual(runGroupTask(tasks[0]!, run));
    } finally {
      await pool.close();
    }
  });

  it('stays in-process for a small run and starts a pool past its threshold', async () => {
    const small = new GroupRunner(run, 2, 100);
    for (const task of tasks) await small.lint(task);
    expect(small.pooled).toBe(false);
    const large = new GroupRunner(run, 2, 2);
    const results = await Promise.all(tasks.map((task) => large.lint(task)));
    expect(large.pooled).toBe(true);
    expect(results).toEqual(await Promise.all(tasks.map((task) => runGroupTask(task, run))));
    await large.close();
    const single = new GroupRunner(run, 1, 0);
    await single.lint(tasks[0]!);
    expect(single.pooled).toBe(false);
  });

  it('lints on this thread too once the workers are full, with the findings of linting in-process', async () => {
    const many = Array.from({ length: 24 }, (_, index) => tasks[index % tasks.length]!);
    const runner = new GroupRunner(run, 2, 0);
    try {
      const results = await Promise.all(many.map((task) => runner.lint(task)));
      expect(runner.pooled).toBe(true);
      // The worker took at most its share in flight at first; this thread linted the rest as they came.
      expect(runner.lintedHere).toBeGreaterThan(0);
      expect(runner.lintedHere).toBeLessThan(many.length);
      expect(results).toEqual(many.map((task) => runGroupTask(task, run)));
    } finally {
      await runner.close();
    }
  });

  it('fails the run when a worker stops on its own, instead of handing it more groups', async () => {
    const pool = new GroupPool(1, run);
    try {
      await pool.run(tasks[0]!);
      const [worker] = (pool as unknown as { inFlight: Map<{ terminate(): Promise<number> }, unknown> }).inFlight.keys();
      await worker!.terminate();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pool.hasRoom()).toBe(false);
      await expect(pool.run(tasks[1]!)).rejects.toThrow(/worker thread stopped/);
    } finally {
      await pool.close();
    }
  });

  it('summarizes one file, or says why it is not text', () => {
    const bytes = readFileSync(resolve(example, 'en', pages[0]!));
    expect(summarize({ bytes, file: 'en/a.md', locale: 'en' }).summary?.codeBlocks.length).toBeGreaterThan(0);
    expect(summarize({ bytes: new Uint8Array([0x23, 0, 0x41]), file: 'x.md', locale: 'en' }).unreadable).toMatch(/binary/);
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

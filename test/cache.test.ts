import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SummaryCache } from '../src/cache.js';
import { main } from '../src/cli.js';
import { lint, type LintOptions } from '../src/lint.js';
import type { LintResult } from '../src/types.js';

const example = resolve(import.meta.dirname, '../fixtures/example');

/** A fresh copy of the example tree and an empty cache directory beside it. */
function setup() {
  const base = mkdtempSync(join(tmpdir(), 'doc-drift-cache-'));
  const tree = join(base, 'tree');
  cpSync(example, tree, { recursive: true });
  return { tree, cache: join(base, 'cache') };
}

const run = (tree: string, cacheLocation: string, extra: LintOptions = {}) => lint({ cwd: tree, cacheLocation, threads: 0, ...extra });

/** Every cache entry file under the fingerprint directories. */
function entries(cache: string): string[] {
  return readdirSync(cache).flatMap((dir) => readdirSync(join(cache, dir)).map((name) => join(cache, dir, name)));
}

const messages = (result: LintResult) => result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.message}`);

describe('cache', () => {
  it('gives a warm run the same findings as a cold run, read from the cache', async () => {
    const { tree, cache } = setup();
    const uncached = await lint({ cwd: tree, threads: 0 });
    const cold = await run(tree, cache);
    expect(messages(cold)).toEqual(messages(uncached));
    const results = entries(cache).filter((path) => path.endsWith('.result.json'));
    expect(results).toHaveLength(cold.summary.pages);
    // Prove the warm run reads the cache: mark every cached finding and look for the mark.
    for (const path of results) {
      const entry = JSON.parse(readFileSync(path, 'utf8'));
      for (const finding of entry.findings) finding.message = `cached: ${finding.message}`;
      writeFileSync(path, JSON.stringify(entry));
    }
    const warm = await run(tree, cache);
    expect(warm.findings.length).toBe(cold.findings.length);
    expect(warm.findings.every((finding) => finding.message.startsWith('cached: '))).toBe(true);
    expect(warm.summary).toEqual(cold.summary);
  });

  it('takes unchanged files by size and time from its index, and reads a file again once its time changed', async () => {
    const { tree, cache } = setup();
    const page = join(tree, 'de/api/create-batch.md');
    // Files last written an hour ago: the index written by the cold run can vouch for them.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of ['en', 'de', 'fr', 'ja', 'pt-BR'].flatMap((locale) => [`${locale}/api/create-batch.md`, `${locale}/guides/overview.md`])) {
      if (existsSync(join(tree, file))) utimesSync(join(tree, file), hourAgo, hourAgo);
    }
    const cold = await run(tree, cache);
    for (const path of entries(cache).filter((path) => path.endsWith('.result.json'))) {
      const entry = JSON.parse(readFileSync(path, 'utf8'));
      for (const finding of entry.findings) finding.message = `cached: ${finding.message}`;
      writeFileSync(path, JSON.stringify(entry));
    }
    const warm = await run(tree, cache);
    expect(warm.findings.every((finding) => finding.message.startsWith('cached: '))).toBe(true);
    // Same size, new content, the old time put back: taken on trust from the index, so nothing was read.
    const text = readFileSync(page, 'utf8');
    writeFileSync(page, text.replace('{IMS_ORG}', '{ORG_ID}'.padEnd('{IMS_ORG}'.length, '_')));
    expect(readFileSync(page).length).toBe(Buffer.byteLength(text));
    utimesSync(page, hourAgo, hourAgo);
    const trusted = await run(tree, cache);
    expect(trusted.findings.every((finding) => finding.message.startsWith('cached: '))).toBe(true);
    // Its time changed (as any write sets it): the group is read, hashed and linted again.
    utimesSync(page, new Date(), new Date());
    const again = await run(tree, cache);
    const fresh = await lint({ cwd: tree, threads: 0 });
    expect(messages(again).filter((line) => line.includes('create-batch'))).toEqual(messages(fresh).filter((line) => line.includes('create-batch')));
    expect(messages(again).some((line) => line.includes('create-batch') && line.includes('cached: '))).toBe(false);
    expect(messages(cold)).not.toEqual(messages(fresh));
  });

  it('recomputes a page group whose file changed', async () => {
    const { tree, cache } = setup();
    const cold = await run(tree, cache);
    const page = join(tree, 'de/api/create-batch.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/```/, '```\nchanged-line\n'));
    const fresh = await lint({ cwd: tree, threads: 0 });
    const warm = await run(tree, cache);
    expect(messages(warm)).toEqual(messages(fresh));
    expect(messages(warm)).not.toEqual(messages(cold));
  });

  it('treats corrupt entries as misses, never as errors', async () => {
    const { tree, cache } = setup();
    const cold = await run(tree, cache);
    const files = entries(cache);
    files.forEach((path, index) => writeFileSync(path, index % 3 === 0 ? '{"truncated' : index % 3 === 1 ? 'null' : '{"fingerprint":1,"copies":7,"findings":"x"}'));
    const again = await run(tree, cache);
    expect(messages(again)).toEqual(messages(cold));
    // The corrupt entries were replaced by good ones (files.json, the index of known files, has no fingerprint).
    expect(entries(cache).filter((path) => !path.endsWith('files.json')).every((path) => JSON.parse(readFileSync(path, 'utf8')).fingerprint)).toBe(true);
    expect(Array.isArray(JSON.parse(readFileSync(entries(cache).find((path) => path.endsWith('files.json'))!, 'utf8')))).toBe(true);
  });

  it('never reads a cache written by another version, and removes it', async () => {
    const { tree, cache } = setup();
    const cold = await lint({ cwd: tree, threads: 0 });
    const other = new SummaryCache(cache, {}, 'a'.repeat(20));
    const poisoned = cold.findings.map((finding) => ({ ...finding, message: 'from another version' }));
    for (const page of new Set(cold.findings.map((finding) => finding.page))) other.store(page, 'any', poisoned, {});
    await other.flush();
    const current = await run(tree, cache);
    expect(messages(current)).toEqual(messages(cold));
    expect(readdirSync(cache)).not.toContain('a'.repeat(20));
  });

  it('is keyed by the settings too: another rule severity is not answered from the cache', async () => {
    const { tree, cache } = setup();
    const cold = await run(tree, cache);
    expect(cold.findings.some((finding) => finding.ruleId === 'code-block-content')).toBe(true);
    const off = await run(tree, cache, { rules: { 'code-block-content': 'off' } });
    expect(off.findings.some((finding) => finding.ruleId === 'code-block-content')).toBe(false);
  });

  it('stays whole when two runs share it at once', async () => {
    const { tree, cache } = setup();
    const expected = messages(await lint({ cwd: tree, threads: 0 }));
    const [first, second] = await Promise.all([run(tree, cache), run(tree, cache)]);
    expect(messages(first)).toEqual(expected);
    expect(messages(second)).toEqual(expected);
    expect(entries(cache).filter((path) => path.endsWith('.tmp'))).toEqual([]);
    expect(messages(await run(tree, cache))).toEqual(expected);
  });

  it('is turned on from the command line, and a bad --threads is a usage error', async () => {
    const { tree, cache } = setup();
    let stderr = '';
    const io = { stdout: () => {}, stderr: (text: string) => (stderr += text), cwd: tree, env: {}, isTTY: false, stderrIsTTY: true };
    expect(await main(['--cache-location', cache, '--threads', '0', '--quiet'], io)).toBe(1);
    expect(entries(cache).some((path) => path.endsWith('.result.json'))).toBe(true);
    // --quiet keeps the progress line off even on a terminal.
    expect(stderr).toBe('');
    expect(await main(['--threads', 'many'], io)).toBe(2);
    expect(stderr).toContain('--threads needs a whole number');
  });
});

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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

/** The result buckets, one file per bucket of pages. */
const buckets = (cache: string) => entries(cache).filter((path) => /results-[0-9a-f]{2}\.json$/.test(path));

/** Mark every finding the cache holds, so that a run that answers from the cache shows it. */
function markCachedFindings(cache: string): void {
  for (const path of buckets(cache)) {
    const bucket = JSON.parse(readFileSync(path, 'utf8'));
    for (const page of Object.values(bucket.pages) as Array<{ findings: Array<{ message: string }> }>) {
      for (const finding of page.findings) finding.message = `cached: ${finding.message}`;
    }
    writeFileSync(path, JSON.stringify(bucket));
  }
}

const messages = (result: LintResult) => result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.message}`);

describe('cache', () => {
  it('gives a warm run the same findings as a cold run, read from the cache', async () => {
    const { tree, cache } = setup();
    const uncached = await lint({ cwd: tree, threads: 0 });
    const cold = await run(tree, cache);
    expect(messages(cold)).toEqual(messages(uncached));
    const pages = buckets(cache).flatMap((path) => Object.keys(JSON.parse(readFileSync(path, 'utf8')).pages));
    expect(pages.sort()).toEqual([...new Set(cold.findings.map((finding) => finding.page))].sort());
    // Prove the warm run reads the cache: mark every cached finding and look for the mark.
    markCachedFindings(cache);
    const warm = await run(tree, cache);
    expect(warm.findings.length).toBe(cold.findings.length);
    expect(warm.findings.every((finding) => finding.message.startsWith('cached: '))).toBe(true);
    expect(warm.summary).toEqual(cold.summary);
  });

  it('takes unchanged files by size and time from the stored result, and reads a file again once its time changed', async () => {
    const { tree, cache } = setup();
    const page = join(tree, 'de/api/create-batch.md');
    // Files last written an hour ago: the index written by the cold run can vouch for them.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of ['en', 'de', 'fr', 'ja', 'pt-BR'].flatMap((locale) => [`${locale}/api/create-batch.md`, `${locale}/guides/overview.md`])) {
      if (existsSync(join(tree, file))) utimesSync(join(tree, file), hourAgo, hourAgo);
    }
    const cold = await run(tree, cache);
    markCachedFindings(cache);
    const warm = await run(tree, cache);
    expect(warm.findings.every((finding) => finding.message.startsWith('cached: '))).toBe(true);
    // Same size, new content, the old time put back: taken on trust from the stored sizes and times, so nothing was read.
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
    // The corrupt entries were replaced by good ones.
    expect(entries(cache).every((path) => JSON.parse(readFileSync(path, 'utf8')).fingerprint)).toBe(true);
    expect(messages(await run(tree, cache))).toEqual(messages(cold));
  });

  it('lints as without a cache when the cache cannot be written', async () => {
    const { tree, cache } = setup();
    // A file where the cache directory should be: it cannot be created (even by root).
    writeFileSync(cache, 'not a directory');
    const expected = messages(await lint({ cwd: tree, threads: 0 }));
    expect(messages(await run(tree, join(cache, 'inside')))).toEqual(expected);
    expect(readFileSync(cache, 'utf8')).toBe('not a directory');
  });

  it('writes again after its directory was removed between two runs of one process', async () => {
    const { tree, cache } = setup();
    await run(tree, cache);
    rmSync(cache, { recursive: true });
    await run(tree, cache);
    expect(buckets(cache).length).toBeGreaterThan(0);
    expect(entries(cache).some((path) => path.endsWith('.summaries.json'))).toBe(true);
  });

  it('leaves a version it cannot remove in place instead of failing the run', async (context) => {
    const { tree, cache } = setup();
    const stuck = join(cache, 'b'.repeat(20), 'stuck.json');
    mkdirSync(dirname(stuck), { recursive: true });
    writeFileSync(stuck, '{}');
    // An immutable file cannot be removed, even by root; skipped where the file system has no such flag.
    if (spawnSync('chattr', ['+i', stuck]).status !== 0) return context.skip();
    try {
      expect(messages(await run(tree, cache))).toEqual(messages(await lint({ cwd: tree, threads: 0 })));
      expect(existsSync(stuck)).toBe(true);
    } finally {
      spawnSync('chattr', ['-i', stuck]);
    }
  });

  it('never reads a cache written by another version, and removes it', async () => {
    const { tree, cache } = setup();
    const cold = await lint({ cwd: tree, threads: 0 });
    const other = new SummaryCache(cache, {}, 'a'.repeat(20));
    const poisoned = cold.findings.map((finding) => ({ ...finding, message: 'from another version' }));
    for (const page of new Set(cold.findings.map((finding) => finding.page))) other.keepResult(page, { key: 'any', files: [], findings: poisoned });
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

  it('keeps the inline directives of cached pages: a suppressed finding stays suppressed on a warm run', async () => {
    const { tree, cache } = setup();
    const page = join(tree, 'de/api/create-batch.md');
    const before = await lint({ cwd: tree, threads: 0 });
    expect(before.findings.some((finding) => finding.file.startsWith('de/') && finding.ruleId === 'code-block-content')).toBe(true);
    const lines = readFileSync(page, 'utf8').split('\n');
    expect(lines[15]).toBe('```shell');
    lines.splice(15, 0, '<!-- doc-drift-disable-next-line code-block-content -->');
    writeFileSync(page, lines.join('\n'));
    // Written an hour ago: the warm run takes every copy on trust from its size and time, reading none.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of readdirSync(tree, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) utimesSync(join(file.parentPath, file.name), hourAgo, hourAgo);
    }
    const io = (out: string[]) => ({ stdout: (text: string) => out.push(text), stderr: () => {}, cwd: tree, env: {}, isTTY: false });
    const outputs: string[][] = [[], [], []];
    await main(['--no-config', '--format', 'json', '--threads', '0'], io(outputs[0]!));
    await main(['--no-config', '--format', 'json', '--threads', '0', '--cache-location', cache], io(outputs[1]!));
    markCachedFindings(cache);
    await main(['--no-config', '--format', 'json', '--threads', '0', '--cache-location', cache], io(outputs[2]!));
    const findings = (out: string[]) => (JSON.parse(out.join('')) as LintResult).findings;
    const uncached = findings(outputs[0]!);
    // The directive above the fence suppressed the finding the untouched copy has, in every run.
    expect(uncached.some((finding) => finding.file.startsWith('de/') && finding.ruleId === 'code-block-content')).toBe(false);
    expect(findings(outputs[1]!).map((finding) => finding.message)).toEqual(uncached.map((finding) => finding.message));
    const warm = findings(outputs[2]!);
    expect(warm.every((finding) => finding.message.startsWith('cached: '))).toBe(true);
    expect(warm.map((finding) => finding.message.replace('cached: ', ''))).toEqual(uncached.map((finding) => finding.message));
  });

  it('reads a lone page as far as its front matter, and parses it whole once it has a copy to compare with', async () => {
    const { tree, cache } = setup();
    const solo = '---\ntitle: Solo\n---\n\n# Solo\n\n```sh\ncurl -H "x-api-key: {API_KEY}"\n```\n\n<!-- doc-drift-disable-file missing-translation -->\n';
    writeFileSync(join(tree, 'en/solo.md'), solo);
    const lone = await run(tree, cache);
    const stored = entries(cache).filter((path) => path.endsWith('.summaries.json')).map((path) => JSON.parse(readFileSync(path, 'utf8')));
    const summary = stored.flatMap((entry) => Object.entries(entry.copies)).find(([file]) => file === 'en/solo.md')![1] as { extracted: { summary: Record<string, unknown> } };
    // Only the front matter and the directives were read.
    expect(summary.extracted.summary).toMatchObject({ partial: true, codeBlocks: [], frontMatter: { raw: 'title: Solo\n' } });
    expect(lone.directives?.['en/solo.md']?.directives[0]).toMatchObject({ kind: 'disable-file', rules: ['missing-translation'] });
    // A German copy with another header: the English copy must now be parsed whole, not taken from the cache.
    mkdirSync(join(tree, 'de'), { recursive: true });
    writeFileSync(join(tree, 'de/solo.md'), solo.replace('x-api-key: ', 'x-api-key : '));
    const paired = await run(tree, cache);
    const fresh = await lint({ cwd: tree, threads: 0 });
    expect(messages(paired)).toEqual(messages(fresh));
    expect(paired.findings.some((finding) => finding.file === 'de/solo.md' && finding.ruleId === 'code-block-content')).toBe(true);
  });

  it('forgets the results and summaries of deleted pages after a full run, and keeps them after a run on some files', async () => {
    const { tree, cache } = setup();
    await run(tree, cache);
    const pages = () => buckets(cache).flatMap((path) => Object.keys(JSON.parse(readFileSync(path, 'utf8')).pages));
    expect(pages()).toContain('guides/overview');
    for (const locale of ['en', 'de', 'fr', 'ja']) rmSync(join(tree, locale, 'guides/overview.md'), { force: true });
    await run(tree, cache, { only: ['en/api/create-batch.md'] });
    expect(pages()).toContain('guides/overview');
    const summaries = () => entries(cache).filter((path) => path.endsWith('.summaries.json')).length;
    expect(summaries()).toBe(2);
    await run(tree, cache);
    expect(pages()).not.toContain('guides/overview');
    expect(pages()).toContain('api/create-batch');
    expect(summaries()).toBe(1);
  });

  it('keeps the results of a page a full run left out while its copies are still on disk (another configuration\'s)', async () => {
    const { tree, cache } = setup();
    await run(tree, cache);
    await run(tree, cache, { ignore: ['**/overview.md'] });
    const pages = buckets(cache).flatMap((path) => Object.keys(JSON.parse(readFileSync(path, 'utf8')).pages));
    expect(pages).toContain('guides/overview');
    expect(entries(cache).filter((path) => path.endsWith('.summaries.json'))).toHaveLength(2);
  });

  it('removes the temporary files of a killed run once they are an hour old', async () => {
    const { tree, cache } = setup();
    await run(tree, cache);
    const directory = dirname(buckets(cache)[0]!);
    const old = join(directory, 'results-00.json.123.deadbeef.tmp');
    const recent = join(directory, 'results-01.json.123.deadbeef.tmp');
    writeFileSync(old, '{');
    writeFileSync(recent, '{');
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    await run(tree, cache);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
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
    expect(buckets(cache).length).toBeGreaterThan(0);
    // --quiet keeps the progress line off even on a terminal.
    expect(stderr).toBe('');
    expect(await main(['--threads', 'many'], io)).toBe(2);
    expect(stderr).toContain('--threads needs a whole number');
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const example = resolve(import.meta.dirname, '../fixtures/example');
const bin = resolve(import.meta.dirname, '../dist/src/bin.js');

function run(args: string[], cwd = example) {
  return runCli(args, cwd);
}

describe('command line', () => {
  it('exits 1 with findings at error severity, and prints them grouped by file', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(1);
    expect(stdout).toContain('de/api/create-batch.md');
    expect(stdout).toMatch(/✖ \d+ findings/);
  });

  it('prints the JSON contract with --format json', async () => {
    const { code, stdout } = await run(['--format', 'json']);
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout);
    expect(parsed.version).toBe(1);
    expect(parsed.summary).toMatchObject({ pages: 2, files: 9 });
    const finding = parsed.findings.find((f: { ruleId: string }) => f.ruleId === 'code-block-content');
    expect(Object.keys(finding)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'locale', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'reference', 'fingerprint']));
    expect(finding.reference).toMatchObject({ locale: 'en', file: 'en/api/create-batch.md' });
  });

  it('exits 0 when errors are turned off', async () => {
    const off = ['frontmatter-values', 'admonition-keyword', 'code-block-content', 'table-structure', 'do-not-translate', 'heading-anchor'];
    const { code } = await run(off.flatMap((id) => ['--rule', `${id}=off`]));
    expect(code).toBe(0);
  });

  it('fails with too many warnings under --max-warnings', async () => {
    const off = ['frontmatter-values', 'admonition-keyword', 'code-block-content', 'table-structure', 'do-not-translate', 'heading-anchor'];
    expect((await run([...off.flatMap((id) => ['--rule', `${id}=off`]), '--max-warnings', '0'])).code).toBe(1);
  });

  it('lints only the page groups of the files it is given', async () => {
    const { stdout } = await run(['--format', 'json', 'ja/guides/overview.md']);
    const parsed = JSON.parse(stdout);
    expect(parsed.summary.pages).toBe(1);
    expect(new Set(parsed.findings.map((f: { file: string }) => f.file))).toEqual(new Set(['en/guides/overview.md']));
  });

  it('exits 2 with a clear message on bad usage', async () => {
    expect(await run(['--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown format') });
    expect(await run(['--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--bogus') });
    expect(await run(['no/such/dir'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no such directory') });
    expect(await run(['--rule', 'nope=error'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown rule') });
    expect(await run(['--locales', 'de,xx'])).toMatchObject({ code: 2, stderr: expect.stringContaining('xx') });
  });

  it('names the key and the file of a bad configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doc-drift-config-'));
    mkdirSync(join(dir, 'en'));
    mkdirSync(join(dir, 'de'));
    writeFileSync(join(dir, 'en/a.md'), '# A\n');
    writeFileSync(join(dir, 'de/a.md'), '# A\n');
    writeFileSync(join(dir, 'doc-drift.config.json'), JSON.stringify({ sauce: 'en' }));
    const result = await run([], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('doc-drift.config.json');
    expect(result.stderr).toContain('sauce');
  });

  it('runs as a program: help, version and exit codes', () => {
    expect(execFileSync('node', [bin, '--help'], { encoding: 'utf8' })).toContain('Usage: doc-drift');
    expect(execFileSync('node', [bin, '--version'], { encoding: 'utf8' })).toMatch(/^\d+\.\d+\.\d+/);
    const lint = spawnSync('node', [bin, example, '--no-color'], { encoding: 'utf8' });
    expect(lint.status).toBe(1);
    expect(lint.stderr).toBe('');
  });
});

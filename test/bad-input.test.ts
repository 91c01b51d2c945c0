import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/read.js';
import type { Finding } from '../src/types.js';
import { runCli } from './run-cli.js';

const base = resolve(import.meta.dirname, '../fixtures/bad-input');
const source = readFileSync(join(base, 'en/page.md'), 'utf8');
const german = readFileSync(join(base, 'de/page.md'), 'utf8');

/** A finding as `--format json` prints it. */
type JsonFinding = Finding;

/** A copy of the clean tree with `files` written over it (relative path → text or bytes). */
function tree(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'doc-drift-bad-'));
  cpSync(base, dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function run(args: string[], cwd: string) {
  return runCli(args, cwd);
}

async function lintJson(dir: string, args: string[] = []) {
  const result = await run(['--format', 'json', '--no-config', ...args], dir);
  expect(result.stderr, 'no stack trace').not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain('internal error');
  const parsed = JSON.parse(result.stdout) as { summary: { files: number; pages: number }; findings: JsonFinding[] };
  expect(parsed.findings.filter((finding) => finding.category === 'internal-error')).toEqual([]);
  return { code: result.code, ...parsed };
}

/** The fr drift of the clean tree: still reported whatever else is wrong. */
function expectRestLinted(findings: JsonFinding[]) {
  expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'code-block-content', file: 'fr/page.md', line: 11 }));
}

/** Whether chmod 000 stops this process from reading (it does not for root). */
function permissionsApply(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'doc-drift-probe-'));
  const probe = join(dir, 'probe');
  writeFileSync(probe, 'x');
  chmodSync(probe, 0o000);
  try {
    readFileSync(probe);
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(probe, 0o600);
    rmSync(dir, { recursive: true, force: true });
  }
}

const canBlockReads = permissionsApply();

/** The same drift in de as in fr, so its position can be compared across encodings. */
const germanDrift = german.replace("'x-api-key: {API_KEY}'", "'x-api-key : {API_KEY}'");

describe('bad input', () => {
  it('reports invalid YAML front matter as a finding, not a crash', async () => {
    const dir = tree({ 'de/page.md': german.replace('title: Einen Batch erstellen', 'title: [Einen Batch erstellen') });
    const { code, findings } = await lintJson(dir);
    expect(code).toBe(1);
    const finding = findings.find((candidate) => candidate.ruleId === 'frontmatter-yaml');
    expect(finding).toMatchObject({ file: 'de/page.md', message: expect.stringContaining('not valid YAML') });
    // Inside the front matter (lines 1 to 3), where YAML noticed the unclosed bracket.
    expect(finding!.line).toBeLessThanOrEqual(3);
    expectRestLinted(findings);
  });

  it('reports a file that is not UTF-8, naming it, and lints the rest', async () => {
    const latin1 = Buffer.from(german.replace('Schlüssel', 'Schl\u00fcssel'), 'latin1');
    const dir = tree({ 'de/page.md': latin1 });
    const { code, findings } = await lintJson(dir);
    expect(code).toBe(1);
    const finding = findings.find((candidate) => candidate.file === 'de/page.md');
    expect(finding).toMatchObject({ ruleId: 'unreadable-file' });
    expect(finding!.message).toContain('UTF-8');
    expectRestLinted(findings);
    const stylish = await run(['--no-color', '--no-config'], dir);
    expect(stylish.stdout).toContain('de/page.md');
  });

  it('lints a file with a BOM normally, with the same positions as without', async () => {
    const plain = await lintJson(tree({ 'de/page.md': germanDrift }));
    const withBom = await lintJson(tree({ 'de/page.md': `\ufeff${germanDrift}` }));
    const onGerman = (findings: JsonFinding[]) => findings.filter((finding) => finding.file === 'de/page.md');
    expect(onGerman(plain.findings)).toContainEqual(expect.objectContaining({ ruleId: 'code-block-content', line: 11 }));
    expect(onGerman(withBom.findings)).toEqual(onGerman(plain.findings));
    expect(decode(new TextEncoder().encode('\ufeff# A\n'))).toMatchObject({ ok: true, file: { bom: true, text: '# A\n' } });
  });

  it('lints CRLF line endings with the same positions as LF', async () => {
    const plain = await lintJson(tree({ 'de/page.md': germanDrift }));
    const crlf = await lintJson(tree({ 'de/page.md': germanDrift.replaceAll('\n', '\r\n'), 'en/page.md': source.replaceAll('\n', '\r\n') }));
    const onGerman = (findings: JsonFinding[]) =>
      findings.filter((finding) => finding.file === 'de/page.md').map(({ ruleId, line, column, endLine }) => ({ ruleId, line, column, endLine }));
    expect(onGerman(crlf.findings)).toEqual(onGerman(plain.findings));
    expect(onGerman(crlf.findings).length).toBeGreaterThan(0);
    // A column never points past the end of its line's text into the CR.
    for (const finding of crlf.findings) expect(finding.endColumn).toBeLessThanOrEqual(germanDrift.split('\n')[finding.endLine - 1]!.length + 1);
    expect(decode(new TextEncoder().encode('# A\r\n'))).toMatchObject({ ok: true, file: { eol: '\r\n' } });
  });

  it('lints an empty file as a copy with nothing in it', async () => {
    const dir = tree({ 'de/page.md': '' });
    const { findings, summary } = await lintJson(dir);
    expect(summary.files).toBe(3);
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'code-block-presence', file: 'de/page.md' }));
    expectRestLinted(findings);
  });

  it('reports a binary file, naming it, and lints the rest', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const dir = tree({ 'de/page.md': png });
    const { code, findings } = await lintJson(dir);
    expect(code).toBe(1);
    const finding = findings.find((candidate) => candidate.file === 'de/page.md');
    expect(finding).toMatchObject({ ruleId: 'unreadable-file' });
    expect(finding!.message).toContain('binary');
    expectRestLinted(findings);
  });

  it.skipIf(!canBlockReads)('reports an unreadable file and an unreadable directory (skipped: chmod 000 does not block reading for this user, e.g. root)', async () => {
    const dir = tree({ 'de/secret/page.md': german });
    chmodSync(join(dir, 'de/page.md'), 0o000);
    chmodSync(join(dir, 'de/secret'), 0o000);
    try {
      const { code, findings } = await lintJson(dir);
      expect(code).toBe(1);
      expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'unreadable-file', file: 'de/page.md', message: expect.stringContaining('permission denied') }));
      expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'unreadable-file', file: 'de/secret', message: expect.stringContaining('permission denied') }));
      expectRestLinted(findings);
    } finally {
      chmodSync(join(dir, 'de/page.md'), 0o644);
      chmodSync(join(dir, 'de/secret'), 0o755);
    }
  });

  it('reports symbolic link loops and broken links, naming them, and lints the rest', async () => {
    const dir = tree();
    symlinkSync('loop.md', join(dir, 'de/loop.md'));
    symlinkSync('.', join(dir, 'de/again'));
    symlinkSync('nowhere.md', join(dir, 'de/gone.md'));
    symlinkSync('b', join(dir, 'de/a'));
    symlinkSync('a', join(dir, 'de/b'));
    const { code, findings } = await lintJson(dir);
    expect(code).toBe(1);
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'unreadable-file', file: 'de/loop.md', message: expect.stringContaining('symbolic link loop') }));
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'unreadable-file', file: 'de/again', message: expect.stringContaining('leads back to `de`') }));
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'unreadable-file', file: 'de/a', message: 'Symbolic link loop; it was not followed' }));
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'unreadable-file', file: 'de/gone.md', message: expect.stringMatching(/broken symbolic link/i) }));
    expectRestLinted(findings);
  });

  it('exits 2 naming a locale that has no files', async () => {
    const result = await run(['--locales', 'de,xx', '--no-config'], tree());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^doc-drift: locale xx: no files found/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a clear message when a pattern matches nothing', async () => {
    const dir = tree();
    const none = await run(['--pattern', 'docs/{locale}/**', '--no-config'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('`docs/{locale}/**` match no Markdown file');
    // One pattern of two matching nothing is a mistake too, not a silent half lint.
    const half = await run(['--pattern', '{locale}/**', '--pattern', 'i18n/{locale}/**', '--no-config'], dir);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('`i18n/{locale}/**` matches no Markdown file');
    const unknown = await run(['--no-config'], mkdtempSync(join(tmpdir(), 'doc-drift-empty-')));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no localized layout found');
    for (const result of [none, half, unknown]) expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

/**
 * `--fix` on every fixture tree: the three properties of fix-properties.ts, the expected output of the fix cases
 * (`fixtures/fix/<case>/input` fixed into `output`), and the command line flags.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, fix, writeFixed } from '../src/fix.js';
import type { LintOptions } from '../src/lint.js';
import { checkFix, copyTree, snapshot } from './fix-properties.js';
import { runCli } from './run-cli.js';

const fixtures = resolve(import.meta.dirname, '../fixtures');
const seeds = resolve(import.meta.dirname, '../../shared/seeds');

function options(dir: string): LintOptions {
  const file = join(dir, 'options.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LintOptions) : {};
}

function run(argv: string[], cwd: string) {
  return runCli(argv, cwd);
}

describe('applyFixes', () => {
  it('applies fixes sorted, whatever order they come in', () => {
    const out = applyFixes('a b c', [[{ range: [4, 5], text: 'C' }], [{ range: [0, 1], text: 'A' }]], '\n');
    expect(out.text).toBe('A b C');
    expect(out.applied.sort()).toEqual([0, 1]);
  });
  it('drops a group that overlaps or touches one taken before, all of it', () => {
    const out = applyFixes('abcdef', [[{ range: [1, 3], text: 'X' }], [{ range: [2, 4], text: 'Y' }, { range: [5, 6], text: 'Z' }], [{ range: [3, 3], text: '+' }]], '\n');
    expect(out.text).toBe('aXdef');
    expect(out.applied).toEqual([0]);
  });
  it('writes line breaks in the file’s style and ignores ranges outside the text', () => {
    const out = applyFixes('a\r\nb', [[{ range: [4, 4], text: '\nc' }], [{ range: [2, 9], text: 'no' }]], '\r\n');
    expect(out.text).toBe('a\r\nb\r\nc');
    expect(out.applied).toEqual([0]);
  });
});

describe('fixing every fixture keeps the three properties', () => {
  const trees: Array<[string, string]> = [['example', join(fixtures, 'example')]];
  for (const rule of existsSync(join(fixtures, 'rules')) ? readdirSync(join(fixtures, 'rules')) : []) {
    for (const name of readdirSync(join(fixtures, 'rules', rule))) trees.push([`rules/${rule}/${name}`, join(fixtures, 'rules', rule, name)]);
  }
  for (const name of existsSync(join(fixtures, 'fix')) ? readdirSync(join(fixtures, 'fix')) : []) trees.push([`fix/${name}`, join(fixtures, 'fix', name, 'input')]);
  for (const [name, dir] of trees) {
    it(name, async () => {
      const caseDir = name.startsWith('fix/') ? resolve(dir, '..') : dir;
      await checkFix(dir, { source: 'en', ...options(caseDir) });
    });
  }
});

describe('fix cases give the expected output', () => {
  const root = join(fixtures, 'fix');
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    it(name, async () => {
      const caseDir = join(root, name);
      const copy = copyTree(join(caseDir, 'input'));
      const result = await fix({ source: 'en', ...options(caseDir), cwd: copy });
      // output/ holds the files that change; a case without it is a near miss where nothing may change.
      const expected = existsSync(join(caseDir, 'output')) ? snapshot(join(caseDir, 'output')) : new Map<string, Buffer>();
      const actual = snapshot(copy);
      for (const [path, bytes] of expected) expect(actual.get(path)?.toString('utf8'), path).toBe(bytes.toString('utf8'));
      const original = snapshot(join(caseDir, 'input'));
      for (const [path, bytes] of original) if (!expected.has(path)) expect(actual.get(path)!.equals(bytes), `${path} untouched`).toBe(true);
      expect(result.files.length).toBe(expected.size);
    });
  }
});

describe('--fix on the command line', () => {
  it.skipIf(!existsSync(seeds))('does nothing without an unambiguous reference, and says why', async () => {
    const copy = copyTree(seeds);
    const before = snapshot(copy);
    const { code, stdout } = await run(['--fix'], copy);
    expect(code).toBe(2);
    expect(stdout).toMatch(/no source locale.*--fix-from/s);
    const after = snapshot(copy);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes)).toBe(true);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const copy = copyTree(join(fixtures, 'example'));
    const before = snapshot(copy);
    const { stdout } = await run(['--fix-dry-run'], copy);
    expect(stdout).toContain('--- a/pt-BR/api/create-batch.md');
    expect(stdout).toContain('+## Solicitação { #request }');
    expect(stdout).toMatch(/would fix \d+ findings/);
    const after = snapshot(copy);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes)).toBe(true);
  });

  it('--fix writes the fixes, sums them up, and a second run finds nothing fixable', async () => {
    const copy = copyTree(join(fixtures, 'example'));
    const first = await run(['--fix'], copy);
    expect(first.stdout).toMatch(/fixed \d+ findings in \d+ files, taking en as the reference/);
    expect(first.stdout).toMatch(/left for a person: \d+ finding/);
    const second = await run(['--fix', '--format', 'json'], copy);
    expect(second.stderr).toMatch(/fixed 0 findings in 0 files/);
    const report = JSON.parse(second.stdout) as { findings: Array<{ fixable?: boolean }> };
    expect(report.findings.filter((finding) => finding.fixable)).toEqual([]);
  });

  it('--fix-type only fixes the kinds named', async () => {
    const copy = copyTree(join(fixtures, 'example'));
    const result = await checkFix(join(fixtures, 'example'), { source: 'en', types: ['anchors'] });
    expect(result.files.flatMap((file) => file.fixed.map((f) => f.ruleId))).toEqual(['heading-anchor']);
    const bad = await run(['--fix', '--fix-type', 'prose'], copy);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown type `prose`/);
  });

  it.skipIf(!existsSync(seeds))('--fix-from takes the named locale as the reference', async () => {
    const result = await checkFix(seeds, { from: 'it-IT' });
    expect(result.reference).toBe('it-IT');
    expect(result.files.length).toBeGreaterThan(0);
    expect(result.files.every((file) => file.locale !== 'it-IT')).toBe(true);
    const bad = await run(['--fix', '--fix-from', 'xx'], copyTree(seeds));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--fix-from xx: no such locale/);
  });

  it('--fix-from never rewrites the source copy', async () => {
    const copy = copyTree(join(fixtures, 'example'));
    const before = snapshot(copy);
    const result = await fix({ cwd: copy, from: 'fr' });
    expect(result.reference).toBe('fr');
    expect(result.files.length).toBeGreaterThan(0);
    const after = snapshot(copy);
    for (const [path, bytes] of before) if (path.startsWith('en/') || path.startsWith('fr/')) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });

  it('never writes outside the project root, nor over a file changed meanwhile', async () => {
    // Discovery follows no symbolic link, so the writer is checked on its own: a link inside the root to a file outside.
    const outside = mkdtempSync(join(tmpdir(), 'doc-drift-outside-'));
    const target = join(outside, 'page.md');
    writeFileSync(target, 'before');
    const tree = mkdtempSync(join(tmpdir(), 'doc-drift-root-'));
    symlinkSync(target, join(tree, 'page.md'));
    const original = Buffer.from('before');
    expect(await writeFixed(tree, join(tree, 'page.md'), original, Buffer.from('after'))).toMatch(/outside the project root/);
    expect(await writeFixed(tree, target, original, Buffer.from('after'))).toMatch(/outside the project root/);
    expect(readFileSync(target, 'utf8')).toBe('before');
    writeFileSync(join(tree, 'own.md'), 'changed');
    expect(await writeFixed(tree, join(tree, 'own.md'), original, Buffer.from('after'))).toMatch(/changed on disk/);
    writeFileSync(join(tree, 'own.md'), 'before');
    expect(await writeFixed(tree, join(tree, 'own.md'), original, Buffer.from('after'))).toBeUndefined();
    expect(readFileSync(join(tree, 'own.md'), 'utf8')).toBe('after');
    expect(readdirSync(tree).sort()).toEqual(['own.md', 'page.md']);
  });
});

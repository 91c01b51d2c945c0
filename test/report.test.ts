import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';
import { json } from '../src/formatters/json.js';
import { lint } from '../src/lint.js';
import { blockAt, codeDiff, fencedBlocks } from '../src/report/codediff.js';
import { reportData } from '../src/report/data.js';
import { renderHtml } from '../src/report/html.js';
import { reportModel } from '../src/report/model.js';
import { readTexts } from '../src/report/texts.js';
import type { LintResult } from '../src/types.js';

const example = resolve(import.meta.dirname, '../fixtures/example');

async function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const value: Io = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), cwd, env: {}, isTTY: false };
  return { io: value, out };
}

describe('report model', () => {
  it('counts exactly what the JSON output lists, per rule, per locale and per page × locale', async () => {
    const result = await lint({ cwd: example });
    const output = JSON.parse(json(result)) as { summary: LintResult['summary']; findings: Array<{ ruleId: string; locale: string; severity: string }> };
    const model = reportModel(result);
    expect(model.totals).toEqual({ errors: output.summary.errors, warnings: output.summary.warnings, infos: output.summary.infos, total: output.findings.length });
    for (const row of model.rules) expect(row.total).toBe(output.findings.filter((f) => f.ruleId === row.ruleId).length);
    for (const row of model.localeCounts) expect(row.errors).toBe(output.findings.filter((f) => f.locale === row.locale && f.severity === 'error').length);
    expect(model.rules.reduce((sum, row) => sum + row.total, 0)).toBe(output.findings.length);
    // The planted drift: de has two errors on the batch page; the overview page only misses a pt-BR copy.
    const batch = model.pages.find((row) => row.page === 'api/create-batch')!;
    expect(batch.cells.de).toMatchObject({ worst: 'error', errors: 2, total: 2 });
    expect(batch.cells.ja).toBeUndefined();
    expect(model.pages.find((row) => row.page === 'guides/overview')).toMatchObject({ worst: 'info', total: 1 });
    expect(model.pages[0]!.page).toBe('api/create-batch');
    expect(model.locales[0]).toBe('en');
    expect(model.cleanPages).toBe(result.summary.pages - model.pages.length);
    expect(model.rules.find((row) => row.ruleId === 'link-target')!.docs).toBe('docs/rules/link-target.md');
  });

  const seeds = resolve(import.meta.dirname, '../../shared/seeds');
  it.skipIf(!existsSync(seeds))('keeps the agreeing groups and their source revisions when there is no source locale', async () => {
    const result = await lint({ cwd: seeds });
    const model = reportModel(result);
    expect(model.layout.source).toBeUndefined();
    const withGroups = model.findings.filter((f) => f.groups && f.groups.length > 1);
    expect(withGroups.length).toBeGreaterThan(0);
    expect(Object.values(withGroups[0]!.groups![0]!.revisions)[0]).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('code diff', () => {
  it('pairs changed lines and marks the changed words on each side', () => {
    const diff = codeDiff(['curl \\', "  -H 'x-api-key: {API_KEY}'", '  -d x'], 10, ['curl \\', "  -H 'x-api-key : {API_KEY}'", '  -d x'], 20)!;
    const changed = diff.find((row) => row?.b?.[1].some((part) => part[0] === 1))!;
    expect(changed.a![0]).toBe(11);
    expect(changed.b![0]).toBe(21);
    expect(changed.b![1].filter((part) => part[0] === 1).map((part) => part[1]).join('')).toContain(' ');
    expect(changed.a![1].map((part) => part[1]).join('')).toBe("  -H 'x-api-key: {API_KEY}'");
  });

  it('returns nothing for identical bodies, and folds unchanged lines far from a change', () => {
    expect(codeDiff(['a', 'b'], 1, ['a', 'b'], 1)).toBeUndefined();
    const long = Array.from({ length: 20 }, (_, index) => `line ${index}`);
    const diff = codeDiff(long, 1, [...long.slice(0, 19), 'changed'], 1)!;
    expect(diff[0]).toBeNull();
    expect(diff.filter((row) => row !== null).length).toBe(3);
    expect(diff[diff.length - 1]).toMatchObject({ a: [20, [[-1, 'line 19']]], b: [20, [[1, 'changed']]] });
  });

  it('finds the fenced block around a line', () => {
    const lines = ['text', '````md', 'a', '```', 'b', '````', 'after', '~~~', 'c', '~~~'];
    const blocks = fencedBlocks(lines);
    expect(blocks).toEqual([{ from: 3, to: 5 }, { from: 9, to: 9 }]);
    expect(blockAt(blocks, 4)).toEqual({ from: 3, to: 5 });
    expect(blockAt(blocks, 7)).toBeUndefined();
  });
});

describe('report data', () => {
  it('keeps whole files for small trees and only excerpts around findings over the budget', async () => {
    const result = await lint({ cwd: example });
    const findings = reportModel(result).findings;
    const whole = readTexts(findings, { cwd: example });
    expect(whole.excerpts).toBe(false);
    expect(whole.files['de/api/create-batch.md']!.slices[0]!.lines).toEqual(readFileSync(join(example, 'de/api/create-batch.md'), 'utf8').split(/\r?\n/));
    const cut = readTexts(findings, { cwd: example, fullTextBudget: 10, context: 1 });
    expect(cut.excerpts).toBe(true);
    const slices = cut.files['de/api/create-batch.md']!.slices;
    expect(slices.map((slice) => slice.start)).toEqual([8, 19]);
    expect(slices[1]!.lines).toHaveLength(3);
  });

  it('diffs the drifted code block against the reference block', async () => {
    const result = await lint({ cwd: example });
    const data = reportData(result, { cwd: example });
    const index = data.model.findings.findIndex((f) => f.ruleId === 'code-block-content' && f.locale === 'de');
    const diff = data.diffs[data.diffOf[index]!]!;
    const row = diff.find((r) => r?.b?.[1].some((part) => part[0] === 1))!;
    expect(row.a![1].filter((part) => part[0] === -1).map((part) => part[1]).join('')).toContain('IMS_ORG');
    expect(row.b![1].filter((part) => part[0] === 1).map((part) => part[1]).join('')).toContain('ORG_ID');
  });

  it('renders one self-contained page whose embedded data cannot close its script element', async () => {
    const result = await lint({ cwd: example });
    result.findings[0]!.message = 'found `</script><script>alert(1)</script>`';
    const page = renderHtml(reportData(result, { cwd: example }));
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(js|css)/);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    const embedded = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(page)![1]!;
    expect(JSON.parse(embedded).findings[0][8]).toContain('</script>');
  });
});

describe('doc-drift report', () => {
  it('writes the HTML report to --output and exits 0 even with drift', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doc-drift-report-'));
    const { io: value, out } = await io(example);
    const code = await main(['report', '--output', join(dir, 'r.html')], value);
    expect(code).toBe(0);
    expect(out.stderr).toContain('wrote');
    const page = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(page).toContain('<!doctype html>');
    expect(page).toContain('api/create-batch');
  });

  it('rejects --format and a missing output name with exit code 2', async () => {
    const { io: value, out } = await io(example);
    expect(await main(['report', '--format', 'json'], value)).toBe(2);
    expect(await main(['report', '--output'], value)).toBe(2);
    expect(out.stderr).toContain('needs a file name');
  });

  it('offers html as a format of the lint command', async () => {
    const { io: value, out } = await io(example);
    expect(await main(['--format', 'html'], value)).toBe(1);
    expect(out.stdout).toContain('id="report-data"');
  });
});

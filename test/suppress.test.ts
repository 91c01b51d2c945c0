import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';
import { lint } from '../src/lint.js';
import { applyInlineConfig, parseDirectives } from '../src/suppress.js';

const SOURCE = `# Batches

Use \`batchId\` here.

\`\`\`sh
curl -H 'x-api-key: {API_KEY}'
\`\`\`

Then \`status_code\` there.
`;

/** The German copy: renamed placeholder in the code block (line 7 here), changed inline code in two paragraphs. */
function german(before: { block?: string; first?: string; second?: string; top?: string } = {}): string {
  return `${before.top ?? ''}# Stapel

${before.first ?? ''}Nutze \`batch_id\` hier.

${before.block ?? ''}\`\`\`sh
curl -H 'x-api-key: {KEY}'
\`\`\`

${before.second ?? ''}Dann \`state_code\` dort.
`;
}

function tree(de: string, fr = SOURCE): string {
  const root = mkdtempSync(join(tmpdir(), 'doc-drift-suppress-'));
  for (const [path, text] of Object.entries({ 'en/a.md': SOURCE, 'de/a.md': de, 'fr/a.md': fr })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function findings(root: string, args: string[] = []) {
  let stdout = '';
  const io: Io = { stdout: (t) => (stdout += t), stderr: () => {}, cwd: root, env: {}, isTTY: false };
  const code = await main(['-f', 'json', ...args], io);
  const parsed = JSON.parse(stdout) as { summary: { errors: number; warnings: number }; findings: Array<{ ruleId: string; line: number; file: string; message: string }> };
  return { code, summary: parsed.summary, list: parsed.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`) };
}

describe('inline suppression', () => {
  it('finds the unsuppressed drift first (the baseline for the other cases)', async () => {
    const { list, code } = await findings(tree(german()));
    expect(list).toEqual(['de/a.md:3 inline-code', 'de/a.md:6 code-block-content', 'de/a.md:9 inline-code']);
    expect(code).toBe(1);
  });

  it('disable-next-line before a fence covers the whole code block, for the named rule only', async () => {
    const named = await findings(tree(german({ block: '<!-- doc-drift-disable-next-line code-block-content -- the German API uses KEY -->\n' })));
    expect(named.list).toEqual(['de/a.md:3 inline-code', 'de/a.md:10 inline-code']);
    expect(named.code).toBe(0);
    expect(named.summary.errors).toBe(0);
    const other = await findings(tree(german({ block: '<!-- doc-drift-disable-next-line inline-code -->\n' })));
    expect(other.list).toContain('de/a.md:7 code-block-content');
  });

  it('disable … enable covers the lines between; with no rule named, every rule', async () => {
    const de = german({ first: '<!-- doc-drift-disable -->\n', block: '<!-- doc-drift-enable -->\n' });
    expect((await findings(tree(de))).list).toEqual(['de/a.md:8 code-block-content', 'de/a.md:11 inline-code']);
    const some = german({ first: '<!-- doc-drift-disable inline-code, code-block-content -->\n' });
    expect((await findings(tree(some))).list).toEqual([]);
  });

  it('disable-file silences a file, or named rules in it', async () => {
    expect((await findings(tree(german({ top: '<!-- doc-drift-disable-file -->\n' })))).list).toEqual([]);
    expect((await findings(tree(german({ top: '<!-- doc-drift-disable-file inline-code -->\n' })))).list).toEqual(['de/a.md:7 code-block-content']);
  });

  it('--no-inline-config ignores the directives', async () => {
    const root = tree(german({ top: '<!-- doc-drift-disable-file -->\n' }));
    expect((await findings(root, ['--no-inline-config'])).list).toHaveLength(3);
  });

  it('--report-unused-disable-directives reports directives that suppress nothing, in any linted file', async () => {
    const de = german({ block: '<!-- doc-drift-disable-next-line code-block-content -->\n', second: '<!-- doc-drift-disable-next-line link-target -->\n' });
    const fr = `<!-- doc-drift-disable-file -->\n${SOURCE}`;
    const root = tree(de, fr);
    expect((await findings(root)).list).toEqual(['de/a.md:3 inline-code', 'de/a.md:11 inline-code']);
    const { list, code } = await findings(root, ['--report-unused-disable-directives']);
    expect(list).toEqual(['de/a.md:3 inline-code', 'de/a.md:10 unused-disable-directive', 'de/a.md:11 inline-code', 'fr/a.md:1 unused-disable-directive']);
    expect(code).toBe(1);
  });

  it('names a misspelt rule id in an unused directive', async () => {
    let stdout = '';
    const root = tree(german({ block: '<!-- doc-drift-disable-next-line code-block-contents -->\n' }));
    await main(['-f', 'json', '--report-unused-disable-directives'], { stdout: (t) => (stdout += t), stderr: () => {}, cwd: root, env: {}, isTTY: false });
    const unused = JSON.parse(stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'unused-disable-directive');
    expect(unused.message).toContain('unknown rule `code-block-contents`');
  });
});

describe('directive parsing', () => {
  it('ignores comments in fenced code and front matter, and reads rule lists and reasons', () => {
    const text = [
      '---',
      'note: <!-- doc-drift-disable-file -->',
      '---',
      '````md',
      '<!-- doc-drift-disable -->',
      '```',
      '````',
      '<!-- doc-drift-disable-next-line a-rule,b-rule -- why -->',
      'text <!--doc-drift-enable-->',
      '<!-- doc-drift-disabled -->',
    ].join('\n');
    const { directives, fenceEnds } = parseDirectives(text);
    expect(directives).toEqual([
      { kind: 'disable-next-line', rules: ['a-rule', 'b-rule'], line: 8, column: 1 },
      { kind: 'enable', rules: [], line: 9, column: 6 },
    ]);
    expect(fenceEnds.get(4)).toBe(7);
  });

  it('reads MDX comment expressions too', () => {
    const { directives } = parseDirectives('{/* doc-drift-disable-next-line code-block-content */}\n{/*doc-drift-enable*/}\n{/* a comment */}\n');
    expect(directives).toEqual([
      { kind: 'disable-next-line', rules: ['code-block-content'], line: 1, column: 1 },
      { kind: 'enable', rules: [], line: 2, column: 1 },
    ]);
  });

  it('takes the directives lint() recorded instead of reading the files again, and reads them for a result from elsewhere', async () => {
    const root = tree(german({ block: '<!-- doc-drift-disable-next-line code-block-content -->\n' }));
    const result = await lint({ cwd: root, threads: 0 });
    expect(result.directives?.['de/a.md']?.directives).toEqual([{ kind: 'disable-next-line', rules: ['code-block-content'], line: 5, column: 1 }]);
    const codeFindings = (findings: Array<{ ruleId: string }>) => findings.filter((finding) => finding.ruleId === 'code-block-content').length;
    expect(codeFindings(result.findings)).toBe(1);
    // The file now says nothing: the recorded directives still apply, so the file was not read again.
    writeFileSync(join(root, 'de/a.md'), german());
    expect(codeFindings(applyInlineConfig(result, { cwd: root, inlineConfig: true }).findings)).toBe(0);
    // Without recorded directives (a result read back from JSON), the files are read.
    const { directives: _recorded, ...fromElsewhere } = result;
    expect(codeFindings(applyInlineConfig(fromElsewhere, { cwd: root, inlineConfig: true }).findings)).toBe(1);
    writeFileSync(join(root, 'de/a.md'), german({ block: '<!-- doc-drift-disable-next-line code-block-content -->\n' }));
    expect(codeFindings(applyInlineConfig(fromElsewhere, { cwd: root, inlineConfig: true }).findings)).toBe(0);
    // A result combined with findings of files it did not lint reads those files.
    const combined = { ...result, directives: {}, files: ['en/a.md', 'fr/a.md'] };
    expect(codeFindings(applyInlineConfig(combined, { cwd: root, inlineConfig: true }).findings)).toBe(0);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { takeChangedFlag } from '../src/git.js';
import { runCli } from './run-cli.js';

const bin = resolve(import.meta.dirname, '../dist/src/bin.js');

const PAGE = (header: string) => `# Create a batch

Send a request.

\`\`\`shell
curl -X POST https://example.com/batches \\
  -H '${header}'
\`\`\`
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

async function run(args: string[], cwd: string) {
  const { code, stdout, stderr } = await runCli(args, cwd);
  const json = code !== 2 && args.includes('json') ? (JSON.parse(stdout) as { summary: { pages: number }; findings: Array<{ file: string; ruleId: string; message: string }> }) : undefined;
  return { code, stdout, stderr, json };
}

let repo: string;

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'doc-drift-git-'));
  git(repo, 'init', '-q');
  write(repo, {
    'en/a.md': PAGE('x-api-key: {API_KEY}'),
    'de/a.md': PAGE('x-api-key: {API_KEY}'),
    'en/b.md': PAGE('x-api-key: {API_KEY}'),
    'de/b.md': PAGE('x-api-key: {API_KEY}'),
    'en/c.md': PAGE('x-api-key: {API_KEY}'),
    'de/c.md': PAGE('x-api-key : {API_KEY}'),
    'README.md': '# Docs\n',
  });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'docs');
  git(repo, 'checkout', '-qb', 'feature');
});

describe('changed files', () => {
  it('lints only the page groups of the given files, whichever locale they are in', async () => {
    write(repo, { 'de/a.md': PAGE('x-api-key: {ORG}') });
    const fromTranslation = await run(['-f', 'json', 'de/a.md'], repo);
    expect(fromTranslation.json!.summary.pages).toBe(1);
    expect(fromTranslation.json!.findings.map((f) => f.file)).toEqual(['de/a.md']);
    const fromSource = await run(['-f', 'json', 'en/a.md'], repo);
    expect(fromSource.json!.findings.map((f) => f.file)).toEqual(['de/a.md']);
    // Page c has drift too, but it was not asked for.
    expect((await run(['-f', 'json'], repo)).json!.findings.map((f) => f.file)).toEqual(['de/a.md', 'de/c.md']);
  });

  it('--changed lints the pages changed since the merge base with the default branch, committed or not', async () => {
    write(repo, { 'de/a.md': PAGE('x-api-key: {ORG}') });
    git(repo, 'commit', '-qam', 'drift in a');
    write(repo, { 'en/b.md': PAGE('x-api-key: {API_KEY}') + '\nMore.\n', 'de/new.md': '# New\n' });
    const changed = await run(['-f', 'json', '--changed'], repo);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('3 changed Markdown files since main');
    expect(changed.json!.summary.pages).toBe(3);
    expect(changed.json!.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['de/a.md code-block-content', 'de/new.md orphan-translation']);
    // main moves on after the branch point: its own changes are not the branch's.
    git(repo, 'checkout', '-q', 'main');
    write(repo, { 'de/c.md': PAGE('x-api-key: {API_KEY}') });
    git(repo, 'commit', '-qm', 'fix c on main', 'de/c.md');
    git(repo, 'checkout', '-q', 'feature');
    const again = await run(['-f', 'json', '--changed=main'], repo);
    expect(again.json!.summary.pages).toBe(3);
    const sinceHead = await run(['-f', 'json', '--changed', 'HEAD'], repo);
    expect(sinceHead.json!.findings.map((f) => f.file)).toEqual(['de/new.md']);
  });

  it('handles deleted files and renames: the pages on both sides are linted', async () => {
    git(repo, 'rm', '-q', 'de/b.md');
    git(repo, 'mv', 'de/c.md', 'de/c2.md');
    git(repo, 'commit', '-qm', 'delete and rename');
    const { json, code } = await run(['-f', 'json', '--changed'], repo);
    expect(code).toBe(0);
    expect(json!.summary.pages).toBe(3);
    const found = json!.findings.map((f) => `${f.file} ${f.ruleId}`);
    expect(found).toContain('en/b.md missing-translation');
    expect(found).toContain('en/c.md missing-translation');
    expect(found).toContain('de/c2.md orphan-translation');
    // A deleted file given by name is handled the same way.
    expect((await run(['-f', 'json', 'de/b.md'], repo)).json!.summary.pages).toBe(1);
  });

  it('says when nothing changed, and when a changed file is outside the localized tree', async () => {
    const clean = await run(['--changed'], repo);
    expect(clean).toMatchObject({ code: 0, stderr: expect.stringContaining('0 changed Markdown files') });
    expect(clean.stdout).toContain('No drift in 0 pages');
    write(repo, { 'README.md': '# Docs!\n' });
    expect((await run(['--changed'], repo)).stderr).toContain('not checked: README.md');
  });

  it('exits 2 in a shallow clone without the history, and outside a repository', async () => {
    write(repo, { 'de/a.md': PAGE('x-api-key: {ORG}') });
    git(repo, 'commit', '-qam', 'drift in a');
    const clone = mkdtempSync(join(tmpdir(), 'doc-drift-shallow-'));
    git(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, 'work');
    const work = join(clone, 'work');
    for (const args of [['--changed'], ['--changed=main'], ['--changed', 'HEAD~1']]) {
      const result = await run(args, work);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/shallow clone/);
      expect(result.stdout).toBe('');
    }
    // The program itself, as CI runs it: a clear message, exit 2, nothing on standard output.
    const program = spawnSync('node', [bin, '--changed', '--format', 'github'], { cwd: work, encoding: 'utf8' });
    expect(program.status).toBe(2);
    expect(program.stderr).toMatch(/^doc-drift: --changed: this is a shallow clone .*fetch-depth: 0/);
    expect(program.stdout).toBe('');
    git(work, 'fetch', '-q', '--unshallow', 'origin', 'main:main');
    const unshallowed = spawnSync('node', [bin, '--changed', '--format', 'github'], { cwd: work, encoding: 'utf8' });
    expect(unshallowed.status).toBe(1);
    expect(unshallowed.stdout).toMatch(/^::error file=de\/a\.md,line=7,/);
    expect((await run(['--changed=main'], work)).code).toBe(1);
    const outside = mkdtempSync(join(tmpdir(), 'doc-drift-nogit-'));
    write(outside, { 'en/a.md': '# A\n', 'de/a.md': '# A\n' });
    expect(await run(['--changed'], outside)).toMatchObject({ code: 2, stderr: expect.stringContaining('git repository') });
    expect(await run(['--changed=nope'], repo)).toMatchObject({ code: 2, stderr: expect.stringContaining('`nope` is not a commit') });
    rmSync(clone, { recursive: true, force: true });
  });
});

describe('--changed in CI', () => {
  it('takes the pull or merge request target from the environment', async () => {
    write(repo, { 'de/a.md': PAGE('x-api-key: {ORG}') });
    git(repo, 'commit', '-qam', 'drift in a');
    git(repo, 'branch', 'release');
    write(repo, { 'en/c.md': `${PAGE('x-api-key: {API_KEY}')}\nMore.\n` });
    git(repo, 'commit', '-qam', 'touch page c, which has old drift');
    const clone = mkdtempSync(join(tmpdir(), 'doc-drift-ci-clone-'));
    git(clone, 'clone', '-q', '--branch', 'feature', `file://${repo}`, 'work');
    const work = join(clone, 'work');
    const changed = async (env: Record<string, string>) => {
      let stderr = '';
      let stdout = '';
      const code = await main(['-f', 'json', '--changed'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: work, env, isTTY: false });
      return { code, stderr, files: (JSON.parse(stdout).findings as Array<{ file: string }>).map((f) => f.file) };
    };
    expect(await changed({})).toMatchObject({ stderr: expect.stringContaining('since origin/main'), files: ['de/a.md', 'de/c.md'] });
    expect(await changed({ GITHUB_BASE_REF: 'release' })).toMatchObject({ stderr: expect.stringContaining('since origin/release'), files: ['de/c.md'] });
    expect(await changed({ CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'release' })).toMatchObject({ files: ['de/c.md'] });
    rmSync(clone, { recursive: true, force: true });
  });
});

describe('--changed argument', () => {
  it('takes REF from = or the next word unless it is an option, a Markdown file or a path', () => {
    expect(takeChangedFlag(['--changed'])).toEqual({ argv: [], changed: {} });
    expect(takeChangedFlag(['--changed=origin/main', '-f', 'json'])).toEqual({ argv: ['-f', 'json'], changed: { ref: 'origin/main' } });
    expect(takeChangedFlag(['--changed', 'main', 'docs'])).toEqual({ argv: ['docs'], changed: { ref: 'main' } });
    expect(takeChangedFlag(['--changed', '--quiet'])).toEqual({ argv: ['--quiet'], changed: {} });
    expect(takeChangedFlag(['--changed', 'a.md'])).toEqual({ argv: ['a.md'], changed: {} });
    expect(takeChangedFlag(['--changed', 'docs'], (word) => word === 'docs')).toEqual({ argv: ['docs'], changed: {} });
  });
});

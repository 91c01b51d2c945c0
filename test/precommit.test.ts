import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const here = resolve(import.meta.dirname, '..');
const bin = join(here, 'dist/src/bin.js');
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

const page = (value: string) => `# Page\n\n\`\`\`sh\ncurl -H 'x-gw-ims-org-id: ${value}'\n\`\`\`\n`;

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(here, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;

  it('defines a node hook on Markdown and MDX files that runs the package binary', () => {
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'doc-drift', entry: 'doc-drift', language: 'node', types_or: ['markdown', 'mdx'] });
    const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toContain(hooks[0]!.entry);
  });

  // The hook as shipped, run by the real pre-commit on staged files; only entry and language differ (no network
  // here to install a node environment), so types, serial running and file passing are pre-commit's own.
  it.skipIf(!hasPreCommit || !existsSync(bin))('blocks a commit that stages drift and lints only the staged pages', () => {
    const repo = mkdtempSync(join(tmpdir(), 'doc-drift-pre-commit-'));
    const env = { ...process.env, PRE_COMMIT_HOME: join(repo, '.cache'), GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@e' };
    const git = (...args: string[]) => spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, env, encoding: 'utf8' });
    git('init', '-q');
    const hook = { ...hooks[0], entry: `node ${bin}`, language: 'system' };
    write(repo, {
      '.pre-commit-config.yaml': JSON.stringify({ repos: [{ repo: 'local', hooks: [hook] }] }, null, 2),
      '.gitignore': '.cache/\n',
      'en/a.md': page('{IMS_ORG}'),
      'de/a.md': page('{IMS_ORG}'),
      // Old drift in a page nobody touches: a pre-commit run must not report it.
      'en/b.md': page('{X}'),
      'de/b.md': page('{Y}'),
    });
    git('add', '-A');
    expect(git('commit', '-qm', 'docs', '--no-verify').status).toBe(0);
    execFileSync('pre-commit', ['install'], { cwd: repo, env, stdio: 'ignore' });

    write(repo, { 'de/a.md': page('{ORG_ID}') });
    git('add', 'de/a.md');
    const blocked = git('commit', '-m', 'drift');
    expect(blocked.status).toBe(1);
    const output = blocked.stdout + blocked.stderr;
    expect(output).toContain('doc-drift');
    expect(output).toMatch(/de\/a\.md[\s\S]*code-block-content/);
    expect(output).not.toContain('de/b.md');

    // Fixing the drift lets the commit through; a commit without Markdown skips the hook.
    write(repo, { 'de/a.md': page('{IMS_ORG}') + '\nMehr Text.\n' });
    git('add', 'de/a.md');
    const passed = git('commit', '-m', 'prose only');
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
    write(repo, { 'notes.txt': 'hello\n' });
    git('add', 'notes.txt');
    const skipped = git('commit', '-m', 'no markdown');
    expect(skipped.status).toBe(0);
    expect(skipped.stdout + skipped.stderr).toMatch(/doc-drift\.+\(no files to check\)Skipped/);
  });
});

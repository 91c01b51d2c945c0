import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const here = resolve(import.meta.dirname, '..');
const bin = join(here, 'dist/src/bin.js');

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const page = (value: string) => `# Page\n\n\`\`\`sh\ncurl -H 'x-gw-ims-org-id: ${value}'\n\`\`\`\n`;

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}

describe('GitHub Action (action.yml)', () => {
  const action = parse(readFileSync(join(here, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] }; inputs: Record<string, { default: string }> };

  it('is a composite action whose inputs reach the script only through the environment', () => {
    expect(action.runs.using).toBe('composite');
    const lint = action.runs.steps.find((step) => step.id === 'lint')!;
    expect(lint.run).not.toMatch(/\$\{\{/);
    for (const input of Object.keys(action.inputs)) expect(JSON.stringify(lint.env)).toContain(`inputs.${input}`);
  });

  it.skipIf(!existsSync(bin))('lints the changed pages of a pull request: annotations, summary, SARIF, exit code', () => {
    const repo = mkdtempSync(join(tmpdir(), 'doc-drift-action-'));
    git(repo, 'init', '-q');
    write(repo, { 'docs/en/a.md': page('{IMS_ORG}'), 'docs/de/a.md': page('{IMS_ORG}'), 'docs/en/b.md': page('{X}'), 'docs/de/b.md': page('{Y}') });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'docs with old drift in b');
    git(repo, 'checkout', '-qb', 'pr');
    write(repo, { 'docs/de/a.md': page('{ORG_ID}') });
    git(repo, 'commit', '-qam', 'drift in a');
    const outputs = join(repo, '..', `${repo.split('/').pop()}-out`);
    mkdirSync(outputs);
    const summary = join(outputs, 'summary.md');
    writeFileSync(summary, '');
    const githubOutput = join(outputs, 'output');
    const lint = action.runs.steps.find((step) => step.id === 'lint')!;
    // The `env` of the step, with the expressions GitHub would fill in.
    const inputs: Record<string, string> = { path: '.', changed: 'true', base: '', args: '--rule heading-structure=off', 'sarif-file': 'results/drift.sarif', summary: 'true' };
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(lint.env!)) {
      env[name] = value.replace(/\$\{\{ github\.action_path \}\}/, here).replace(/\$\{\{ inputs\.([\w-]+) \}\}/, (_, input: string) => inputs[input] ?? action.inputs[input]!.default);
    }
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', lint.run!], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, ...env, GITHUB_WORKSPACE: repo, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: githubOutput, GITHUB_BASE_REF: 'main' },
    });
    expect(run.status, run.stderr).toBe(1);
    const annotations = run.stdout.trim().split('\n');
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error file=docs\/de\/a\.md,line=4,endLine=4,.*title=doc-drift code-block-content \(de\)::Placeholder renamed/);
    expect(readFileSync(summary, 'utf8')).toContain('### `docs/de/a.md`');
    expect(readFileSync(githubOutput, 'utf8')).toContain('exit-code=1');
    const sarif = JSON.parse(readFileSync(join(repo, 'results/drift.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(1);
  });
});

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const example = resolve(import.meta.dirname, '../fixtures/example');

function run(args: string[]) {
  return runCli(args, example);
}

describe('--quiet and --max-warnings', () => {
  it('--quiet reports errors only, in the output and in the counts, and says nothing on standard error', async () => {
    const all = JSON.parse((await run(['-f', 'json'])).stdout);
    expect(all.summary.warnings).toBeGreaterThan(0);
    const quiet = await run(['-f', 'json', '--quiet']);
    const parsed = JSON.parse(quiet.stdout);
    expect(parsed.findings.length).toBe(all.summary.errors);
    expect(parsed.findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
    expect(parsed.summary).toMatchObject({ errors: all.summary.errors, warnings: 0, infos: 0 });
    expect(quiet.stderr).toBe('');
  });

  it('--max-warnings counts the warnings that are reported', async () => {
    const errorsOff = ['frontmatter-values', 'admonition-keyword', 'code-block-content', 'table-structure', 'do-not-translate', 'heading-anchor'].flatMap((id) => ['--rule', `${id}=off`]);
    const warnings = JSON.parse((await run(['-f', 'json', ...errorsOff])).stdout).summary.warnings as number;
    expect((await run([...errorsOff, '--max-warnings', String(warnings)])).code).toBe(0);
    expect((await run([...errorsOff, '--max-warnings', String(warnings - 1)])).code).toBe(1);
    expect((await run([...errorsOff, '--max-warnings', '0', '--quiet'])).code).toBe(0);
    expect((await run(['--max-warnings', '-1'])).code).toBe(2);
  });
});

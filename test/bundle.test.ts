/** The one-file command line (src/bundle.mjs) must behave exactly like the modules it is made from. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli.js';
import { runCli } from './run-cli.js';

const dist = resolve(import.meta.dirname, '../dist/src');
const bundle = resolve(dist, 'cli.bundle.cjs');
const example = resolve(import.meta.dirname, '../fixtures/example');

async function runBundle(args: string[], cwd: string) {
  const { main } = createRequire(import.meta.url)(bundle) as typeof import('../src/cli.js');
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd, env: {}, isTTY: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Whether bin.js would run the bundle: it exists and was built after the modules (as `npm test` does). */
const fresh = existsSync(bundle) && statSync(bundle).mtimeMs >= statSync(resolve(dist, 'cli.js')).mtimeMs;

// After a bare `tsc` the bundle is stale and bin.js runs the modules: nothing bundled to check then.
describe.skipIf(!fresh)('bundled command line', () => {
  it('reports what the modules report, in every format that has no timestamps', async () => {
    for (const format of ['json', 'stylish', 'github', 'markdown']) {
      const bundled = await runBundle(['--format', format], example);
      const modules = await runCli(['--format', format], example);
      expect(bundled.code).toBe(1);
      expect(bundled).toEqual(modules);
    }
  });

  it('reports MDX pages, every layout and bad usage like the modules', async () => {
    const fixtures = resolve(import.meta.dirname, '../fixtures');
    const cases: Array<[string, string[]]> = [
      [resolve(fixtures, 'rules/mdx-syntax/fires-invalid-mdx'), ['--format', 'json']],
      [resolve(fixtures, 'layouts/astro'), ['--format', 'json']],
      [resolve(fixtures, 'layouts/docusaurus'), ['--format', 'json']],
      [resolve(fixtures, 'layouts/starlight'), ['--format', 'json']],
      [example, ['--rule', 'no-such-rule=error']],
    ];
    for (const [cwd, args] of cases) {
      const bundled = await runBundle(args, cwd);
      expect(bundled.stdout + bundled.stderr).not.toBe('');
      expect(bundled).toEqual(await runCli(args, cwd));
    }
  });

  it('starts worker threads from the bundled worker script, which lints like the modules (test/workers.test.ts)', async () => {
    const { workerScript } = await import('../dist/src/workers.js');
    expect(workerScript().pathname.endsWith('/dist/src/lint-worker.bundle.cjs')).toBe(true);
  });

  it('runs from bin.js and loads a configuration module', () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-drift-bundle-'));
    for (const [path, value] of [['en/a.md', '1'], ['de/a.md', '2']] as const) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), `# A\n\n\`\`\`sh\ncurl -H "x-key: ${value}"\n\`\`\`\n`);
    }
    const run = (env: Record<string, string> = {}) => spawnSync(process.execPath, [resolve(dist, 'bin.js'), '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    const plain = run();
    expect(plain.status).toBe(1);
    expect(JSON.parse(plain.stdout).findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('code-block-content');
    writeFileSync(join(root, 'doc-drift.config.mjs'), "export default { rules: { 'code-block-content': 'off' } };\n");
    const configured = run();
    expect(configured.stderr).not.toMatch(/cannot load|error|warning/i);
    expect(configured.status).toBe(0);
  });
});

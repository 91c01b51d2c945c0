import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../src/shard.js';
import { runCli } from './run-cli.js';

function run(args: string[], cwd: string) {
  return runCli(args, cwd);
}

describe('--shard', () => {
  it('splits page groups so that every page is in exactly one shard with all its locales', async () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-drift-shard-'));
    const pages = Array.from({ length: 12 }, (_, i) => `p${i}`);
    for (const page of pages) {
      for (const locale of ['en', 'de', 'fr']) {
        const path = join(root, locale, `${page}.md`);
        mkdirSync(dirname(path), { recursive: true });
        // Every German copy drifts, so each page yields exactly one finding, on de.
        writeFileSync(path, `# ${page}\n\n\`\`\`sh\nrun ${locale === 'de' ? 'other' : page}\n\`\`\`\n`);
      }
    }
    const seen: string[] = [];
    for (const index of [1, 2, 3]) {
      const { stdout } = await run(['--shard', `${index}/3`, '-f', 'json'], root);
      const parsed = JSON.parse(stdout) as { summary: { pages: number; files: number }; findings: Array<{ page: string; file: string }> };
      expect(parsed.summary.files).toBe(parsed.summary.pages * 3);
      expect(parsed.findings).toHaveLength(parsed.summary.pages);
      expect(parsed.summary.pages, `shard ${index}`).toBeGreaterThan(0);
      seen.push(...parsed.findings.map((finding) => finding.file));
    }
    expect(seen.sort()).toEqual(pages.map((page) => `de/${page}.md`).sort());
    // Stable: the same split on a second run.
    const again = await run(['--shard', '2/3', '-f', 'json'], root);
    expect(JSON.parse(again.stdout).findings.map((f: { file: string }) => f.file)).toEqual(pages.filter((page) => inShard(page, { index: 2, count: 3 })).map((page) => `de/${page}.md`).sort());
  });

  it('rejects a malformed shard', () => {
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1']) expect(() => parseShard(bad), bad).toThrow(/--shard/);
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
  });
});

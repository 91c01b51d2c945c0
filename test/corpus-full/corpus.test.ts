import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discover.js';
import { lint } from '../../src/lint.js';
import { corpora, corpusRoot } from '../corpora.js';

/** Every .md and .mdx file under `dir`, walked without following links, leaving out each corpus's own LICENSE.md. */
function markdownFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...markdownFiles(dir, path));
    else if (entry.isFile() && /\.mdx?$/i.test(entry.name) && path !== 'LICENSE.md') out.push(path);
  }
  return out;
}

const list = corpora();

describe.skipIf(list.length === 0)(`every corpus in ${corpusRoot}, whole`, () => {
  describe.each(list.map((corpus) => [corpus.name, corpus] as const))('%s', (name, corpus) => {
    it('finds every Markdown file once, with the counts of SOURCE.txt', async () => {
      const started = performance.now();
      const discovery = await discover({ root: corpus.dir, cwd: corpus.dir, source: corpus.source });
      const elapsed = performance.now() - started;
      const files = discovery.groups.flatMap((group) => group.files);
      const perLocale: Record<string, number> = {};
      for (const file of files) perLocale[file.locale] = (perLocale[file.locale] ?? 0) + 1;
      // Reported, never asserted: timings on a shared machine are noise.
      console.log(`${name}: discovery ${elapsed.toFixed(0)} ms, ${files.length} files in ${discovery.groups.length} page groups, ${discovery.layout.locales.length} locales`);

      expect(discovery.layout).toMatchObject({ name: corpus.layout, patterns: corpus.patterns, source: corpus.expectedSource });
      expect(discovery.problems).toEqual([]);
      expect(new Set(files.map((file) => file.file)).size).toBe(files.length);
      expect(files.map((file) => file.file).sort()).toEqual(markdownFiles(corpus.dir).sort());
      for (const [locale, count] of Object.entries(corpus.perLocale)) expect(perLocale[locale], locale).toBe(count);
      if (corpus.files !== undefined) expect(files.length).toBe(corpus.files);
      if (corpus.locales !== undefined) expect(discovery.layout.locales).toHaveLength(corpus.locales);
      const withSource = discovery.groups.filter((group) => group.files.some((file) => file.locale === corpus.expectedSource)).length;
      if (corpus.sourcePages !== undefined) expect(withSource).toBe(corpus.sourcePages);
      if (corpus.orphans !== undefined) expect(discovery.groups.length - withSource).toBe(corpus.orphans);
      // tldr: one page per command; pages.en is a link to pages upstream and must never add a second English copy.
      if (name === 'tldr') expect(perLocale.en).toBe(markdownFiles(join(corpus.dir, 'pages')).length);
    });

    it('lints every page group without a crash or an internal error', async () => {
      const started = performance.now();
      const result = await lint({ root: corpus.dir, cwd: corpus.dir, source: corpus.source });
      const elapsed = performance.now() - started;
      const byRule: Record<string, number> = {};
      for (const finding of result.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
      console.log(`${name}: lint ${(elapsed / 1000).toFixed(1)} s, ${result.summary.files} files, ${result.findings.length} findings ${JSON.stringify(byRule)}`);
      expect(result.findings.filter((finding) => finding.category === 'internal-error')).toEqual([]);
      expect(result.findings.filter((finding) => finding.ruleId === 'unreadable-file')).toEqual([]);
      const discovery = await discover({ root: corpus.dir, cwd: corpus.dir, source: corpus.source });
      expect(result.summary.pages).toBe(discovery.groups.length);
      expect(result.summary.files).toBe(discovery.groups.reduce((sum, group) => sum + group.files.length, 0));
    });
  });
});

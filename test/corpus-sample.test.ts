import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/discover.js';
import { lint } from '../src/lint.js';
import type { PageGroup } from '../src/types.js';
import { corpora, corpusRoot, type Corpus } from './corpora.js';

/** Page groups linted per corpus, spread over the tree, in the source and its two largest translations. */
const SAMPLE = 8;
/** Pages bigger than this (antd's changelogs) are left to the full corpus run: they would slow `npm test` down. */
const MAX_BYTES = 20_000;

/** Small groups spread over the tree, so the sample meets several of its parts rather than its first directory. */
function spread(groups: PageGroup[], count: number): PageGroup[] {
  const step = Math.max(1, Math.floor(groups.length / count));
  const picked: PageGroup[] = [];
  for (let start = 0; start < step && picked.length < count; start++) {
    for (let index = start; index < groups.length && picked.length < count; index += step) {
      const group = groups[index]!;
      if (picked.includes(group) || group.files.length < 2) continue;
      if (group.files.every((file) => statSync(file.path).size <= MAX_BYTES)) picked.push(group);
    }
  }
  return picked;
}

/** Lint a sample of `corpus`; returns the full discovery (for counts) and the sample's result. */
async function sample(corpus: Corpus) {
  const whole = await discover({ root: corpus.dir, cwd: corpus.dir, source: corpus.source });
  const perLocale = new Map<string, number>();
  for (const group of whole.groups) for (const file of group.files) perLocale.set(file.locale, (perLocale.get(file.locale) ?? 0) + 1);
  const translations = [...perLocale.entries()]
    .filter(([locale]) => locale !== whole.layout.source)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .map(([locale]) => locale);
  const restricted = await discover({ root: corpus.dir, cwd: corpus.dir, source: corpus.source, locales: translations });
  const groups = spread(restricted.groups, SAMPLE);
  const result = await lint({ root: corpus.dir, cwd: corpus.dir, source: corpus.source, locales: translations, only: groups.map((group) => group.files[0]!.file) });
  return { whole, groups, translations, result };
}

if (existsSync(corpusRoot)) {
  describe('corpus sample (a few page groups of each corpus in ../shared/corpus)', () => {
    it('knows how to lint every corpus that is there', () => {
      const there = readdirSync(corpusRoot).filter((name) => statSync(join(corpusRoot, name)).isDirectory());
      expect(corpora().map((corpus) => corpus.name)).toEqual(there.sort());
    });

    describe.each(corpora().map((corpus) => [corpus.name, corpus] as const))('%s', (_name, corpus) => {
      it('is found with the layout and source locale of its SOURCE.txt, and its sample lints without an internal error', async () => {
        const { whole, groups, translations, result } = await sample(corpus);
        expect(whole.layout).toMatchObject({ name: corpus.layout, patterns: corpus.patterns, source: corpus.expectedSource });
        if (corpus.locales) expect(whole.layout.locales).toHaveLength(corpus.locales);
        for (const locale of Object.keys(corpus.perLocale)) expect(whole.layout.locales).toContain(locale);
        expect(whole.problems).toEqual([]);

        expect(groups.length).toBe(SAMPLE);
        expect(result.layout.locales).toEqual([corpus.expectedSource, ...translations].sort());
        expect(result.summary.pages).toBe(SAMPLE);
        expect(result.summary.files).toBe(groups.reduce((sum, group) => sum + group.files.length, 0));
        expect(result.findings.filter((finding) => finding.category === 'internal-error')).toEqual([]);
        const sampled = new Set(groups.flatMap((group) => group.files.map((file) => file.file)));
        for (const finding of result.findings) {
          expect(sampled.has(finding.file), finding.file).toBe(true);
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
        }
      });
    });
  });
} else {
  describe('corpus sample', () => {
    it.skip(`skipped: ${corpusRoot} not found (../shared links to /work/shared, as CI has it)`, () => {});
  });
}

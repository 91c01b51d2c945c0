/**
 * `--fix` on copies of a sample of page groups from each real corpus in ../shared/corpus: the three properties of
 * fix-properties.ts. The whole corpora are fixed in test/corpus-full/fix.test.ts (`npm run test:corpus`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFix, sampleCorpus } from './fix-properties.js';

const corpora = resolve(import.meta.dirname, '../../shared/corpus');
// antd has no designated source: take zh-CN, the copy its SOURCE.txt names as the reference.
const CORPORA: Array<[string, { from?: string }]> = [
  ['tldr', {}],
  ['otel', {}],
  ['astro-docs', {}],
  ['fastapi', {}],
  ['starlight', {}],
  ['uid2docs', {}],
  ['antd', { from: 'zh-CN' }],
];

// Without ../shared (a user's clone) there is nothing to sample; with it, a corpus that is missing is a failure.
describe.skipIf(!existsSync(corpora))('fixing a sample of each corpus keeps the three properties', () => {
  for (const [name, options] of CORPORA) {
    it(name, async () => {
      const copy = await sampleCorpus(resolve(corpora, name), 4, 40_000);
      if (!copy) return expect.soft(copy, `../shared/corpus/${name} is missing`).toBeDefined();
      const result = await checkFix(copy, options);
      expect(result.refused).toBeUndefined();
      expect(result.reference).toBe(options.from ?? 'en');
    });
  }
});

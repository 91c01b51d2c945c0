/**
 * `--fix` on a full copy of every corpus in ../shared/corpus (slow: `npm run test:corpus`; `FIX_CORPUS=otel,antd`
 * picks some): every byte outside the fixed ranges unchanged, fixing twice equals fixing once, nothing fixable left.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFix, copyTree } from '../fix-properties.js';

const corpora = resolve(import.meta.dirname, '../../../shared/corpus');
const CORPORA: Array<[string, { from?: string }]> = [
  ['uid2docs', {}],
  ['antd', { from: 'zh-CN' }],
  ['starlight', {}],
  ['fastapi', {}],
  ['otel', {}],
  ['astro-docs', {}],
  ['tldr', {}],
];
const picked = process.env.FIX_CORPUS?.split(',');

describe('fixing a copy of each whole corpus keeps the three properties', () => {
  for (const [name, options] of CORPORA) {
    if (picked && !picked.includes(name)) continue;
    it(name, async () => {
      const source = resolve(corpora, name);
      if (!existsSync(source)) return expect.soft(existsSync(source), `../shared/corpus/${name} is missing`).toBe(true);
      const started = Date.now();
      const result = await checkFix(copyTree(source), options);
      const fixed = result.files.flatMap((file) => file.fixed);
      const byRule = new Map<string, number>();
      for (const item of fixed) byRule.set(item.ruleId, (byRule.get(item.ruleId) ?? 0) + 1);
      console.log(
        `${name}: fixed ${fixed.length} findings in ${result.files.length} files (${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')}); ` +
          `left ${result.left.length}; unsettled ${result.unsettled}; ${Math.round((Date.now() - started) / 1000)} s including two fixes and a lint`,
      );
      expect(result.unsettled).toBe(0);
    });
  }
});

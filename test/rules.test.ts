/**
 * Fixture-driven rule tests. Each directory `fixtures/rules/<rule-id>/<case>/` is a small localized tree (source `en`
 * unless `options.json` says otherwise) with `expected.json`: the findings of that rule, as `{ file, line, category? }`,
 * and optionally `messageIncludes`, text the finding's message must contain.
 * Cases named `fires-*` must report something; cases named `silent-*` are near misses that must report nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { lint, type LintOptions } from '../src/lint.js';

const root = resolve(import.meta.dirname, '../fixtures/rules');
const ruleDirs = existsSync(root) ? readdirSync(root) : [];

interface Expected {
  file: string;
  line: number;
  category?: string;
  messageIncludes?: string;
}

for (const ruleId of ruleDirs) {
  describe(ruleId, () => {
    for (const name of readdirSync(join(root, ruleId))) {
      const dir = join(root, ruleId, name);
      it(name, async () => {
        const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected[];
        const optionsFile = join(dir, 'options.json');
        const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as LintOptions) : {};
        const result = await lint({ source: 'en', ...options, cwd: dir });
        const actual = result.findings
          .filter((finding) => finding.ruleId === ruleId)
          .map((finding) => ({ file: finding.file, line: finding.line, ...(expected.some((e) => e.category) ? { category: finding.category } : {}) }));
        expect(actual).toEqual(expected.map(({ messageIncludes, ...rest }) => rest));
        const messages = result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.message);
        expected.forEach(({ messageIncludes }, index) => messageIncludes && expect(messages[index]).toContain(messageIncludes));
        if (name.startsWith('fires')) expect(actual.length).toBeGreaterThan(0);
        if (name.startsWith('silent')) expect(actual).toEqual([]);
      });
    }
  });
}

describe('every rule has a firing case and a near miss', () => {
  for (const rule of rules) {
    it(rule.id, () => {
      const cases = existsSync(join(root, rule.id)) ? readdirSync(join(root, rule.id)) : [];
      expect(cases.some((name) => name.startsWith('fires')), `fixtures/rules/${rule.id}/fires-*`).toBe(true);
      expect(cases.some((name) => name.startsWith('silent')), `fixtures/rules/${rule.id}/silent-*`).toBe(true);
    });
  }
});

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { ruleDoc } from '../src/rule-docs.js';

const projectRoot = resolve(import.meta.dirname, '..');

describe('rule documentation is generated and up to date (run `npm run docs` to refresh)', () => {
  for (const rule of rules) {
    it(rule.id, async () => {
      const path = resolve(projectRoot, 'docs/rules', `${rule.id}.md`);
      expect(existsSync(path), `docs/rules/${rule.id}.md exists`).toBe(true);
      expect(readFileSync(path, 'utf8')).toBe(await ruleDoc(rule, projectRoot));
    });
  }
});

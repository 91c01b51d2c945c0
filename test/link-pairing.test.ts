/**
 * link-target pairs a paragraph's changed links by what they point at, not by their order: the rule fixtures check
 * lines and categories, which are the same either way, so this checks which target each finding pairs.
 */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { lint } from '../src/lint.js';

it('pairs a changed link with the alike one written elsewhere in the paragraph', async () => {
  const cwd = resolve(import.meta.dirname, '../fixtures/rules/link-target/fires-reordered-links-paired-by-target');
  const result = await lint({ source: 'en', cwd });
  const pairs = result.findings
    .filter((finding) => finding.ruleId === 'link-target')
    .map((finding) => [finding.line, finding.message.match(/`[^`]+`/g)]);
  expect(pairs).toEqual([
    [3, ['`https://example.com/docs/guide/v2`', '`https://example.com/docs/guide/v1`']],
    [5, ['`https://nodejs.org/en/download`', '`https://deno.land/`']],
  ]);
});

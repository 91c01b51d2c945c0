import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { lint } from '../src/lint.js';

const root = resolve(import.meta.dirname, '../fixtures/example');

it('finds exactly the drift planted in fixtures/example', async () => {
  const result = await lint({ cwd: root });
  const expected = JSON.parse(readFileSync(resolve(root, 'expected.json'), 'utf8')) as Array<Record<string, unknown>>;
  const actual = result.findings.map((f) => ({ ruleId: f.ruleId, ...(f.category && expected.some((e) => e.ruleId === f.ruleId && e.category) ? { category: f.category } : {}), file: f.file, line: f.line }));
  const key = (f: Record<string, unknown>) => `${f.file}:${String(f.line).padStart(4, '0')}:${f.ruleId}:${f.category ?? ''}`;
  expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
  expect(result.layout).toMatchObject({ name: 'locale-directories', source: 'en' });
});

it('stays silent on the translated comments and display strings of the overview page', async () => {
  const result = await lint({ cwd: root });
  expect(result.findings.filter((f) => f.file.includes('overview') && f.ruleId !== 'missing-translation')).toEqual([]);
});

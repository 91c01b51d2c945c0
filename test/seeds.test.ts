import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import type { Finding } from '../src/types.js';

const seeds = resolve(import.meta.dirname, '../../shared/seeds');
const file = (locale: string) => `${locale}/help/catalog/api/create-batch.md`;

describe.skipIf(!existsSync(seeds))('the seed page (../shared/seeds), no source locale', async () => {
  const result = existsSync(seeds) ? await lint({ cwd: seeds }) : undefined;
  const findings = result?.findings ?? [];
  const on = (locale: string, ruleId: string, category?: string) =>
    findings.filter((f) => f.file === file(locale) && f.ruleId === ruleId && (!category || f.category === category));
  const groupsOf = (finding: Finding | undefined) => finding?.groups?.map((group) => [...group.locales].sort());

  it('detects the locale-directories layout with no source', () => {
    expect(result?.layout.name).toBe('locale-directories');
    expect(result?.layout.source).toBeUndefined();
    expect(result?.summary.files).toBe(5);
  });

  it('finds {ORG_ID} against {IMS_ORG} in the curl block, naming both groups, on every copy', () => {
    const de = on('de-DE', 'code-block-content', 'placeholder-renamed').find((f) => f.line === 29);
    expect(de?.message).toContain('{ORG_ID}');
    expect(groupsOf(de)).toEqual([['de-DE'], ['fr-FR', 'it-IT', 'pt-BR', 'sv-SE']]);
    expect(on('it-IT', 'code-block-content', 'placeholder-renamed').map((f) => f.line)).toContain(31);
    expect(on('fr-FR', 'code-block-content', 'placeholder-renamed').map((f) => f.line)).toContain(27);
  });

  it('finds the header spacing x-api-key: against x-api-key :', () => {
    const de = on('de-DE', 'code-block-content', 'header-spacing');
    expect(de.map((f) => f.line)).toEqual([32]);
    expect(groupsOf(de[0])).toEqual([['de-DE'], ['fr-FR', 'it-IT', 'pt-BR', 'sv-SE']]);
    expect(on('sv-SE', 'code-block-content', 'header-spacing').map((f) => f.line)).toEqual([30]);
  });

  it('finds imsOrg {ORG_ID} in the JSON block', () => {
    const de = on('de-DE', 'code-block-content', 'placeholder-renamed').find((f) => f.line === 47);
    expect(de?.message).toContain('imsOrg');
    expect(on('pt-BR', 'code-block-content', 'placeholder-renamed').map((f) => f.line)).toContain(49);
  });

  it('reports four source revisions on every copy', () => {
    for (const locale of ['de-DE', 'fr-FR', 'it-IT', 'pt-BR', 'sv-SE']) {
      const [finding] = on(locale, 'source-revision');
      expect(finding?.message).toContain('4 different source revisions');
    }
  });

  it('reports the differing front matter key sets', () => {
    expect(on('fr-FR', 'frontmatter-values').map((f) => f.message).join()).toContain('exl-id');
    expect(on('sv-SE', 'frontmatter-keys').map((f) => f.message).join()).toContain('description');
    expect(on('it-IT', 'frontmatter-keys').map((f) => f.message).join()).toContain('topic-legacy');
    expect(on('de-DE', 'frontmatter-keys').map((f) => f.message).join()).toContain('`topic`');
  });

  it('finds /batch and /lotes in the description, and only there', () => {
    const it_ = on('it-IT', 'frontmatter-text-tokens');
    const pt = on('pt-BR', 'frontmatter-text-tokens');
    expect(it_.map((f) => f.line)).toEqual([6]);
    expect(it_[0]?.message).toContain('/batch');
    expect(pt.map((f) => f.line)).toEqual([6]);
    expect(pt[0]?.message).toContain('/lotes');
    expect(on('de-DE', 'frontmatter-text-tokens')).toEqual([]);
  });

  it('finds inline code glued to the next word in pt-BR and sv-SE only', () => {
    expect(on('pt-BR', 'inline-code-spacing').map((f) => f.line)).toEqual([47]);
    expect(on('sv-SE', 'inline-code-spacing').map((f) => f.line)).toEqual([43]);
    for (const locale of ['de-DE', 'fr-FR', 'it-IT']) expect(on(locale, 'inline-code-spacing')).toEqual([]);
  });

  it('finds the [!DNL Catalog] marker moved after the full stop in de-DE only', () => {
    const de = on('de-DE', 'do-not-translate', 'moved');
    expect(de.map((f) => f.line)).toEqual([16]);
    for (const locale of ['fr-FR', 'it-IT', 'pt-BR', 'sv-SE']) expect(on(locale, 'do-not-translate')).toEqual([]);
  });

  it('reports nothing else at error severity', () => {
    const errors = findings.filter((f) => f.severity === 'error');
    const explained = errors.filter(
      (f) =>
        (f.ruleId === 'code-block-content' && ['placeholder-renamed', 'header-spacing'].includes(f.category ?? '')) ||
        (f.ruleId === 'frontmatter-values' && f.message.includes('exl-id')) ||
        (f.ruleId === 'do-not-translate' && f.category === 'moved'),
    );
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((f) => !explained.includes(f))).toEqual([]);
  });
});

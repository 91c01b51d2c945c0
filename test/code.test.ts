import { describe, expect, it } from 'vitest';
import { compareCode, normalizeCode, translated } from '../src/code.js';

describe('compareCode', () => {
  it('accepts translated comments and display strings, and sees a renamed placeholder', () => {
    const en = "# Create the batch\ncurl -H 'x-gw-ims-org-id: {IMS_ORG}' https://example.com/batches";
    const de = "# Den Batch erstellen\ncurl -H 'x-gw-ims-org-id: {ORG_ID}' https://example.com/batches";
    const result = compareCode(en, de, 'sh', false);
    expect(result.differences.map((d) => d.category)).toEqual(['placeholder-renamed']);
    expect(compareCode(en, en.replace('Create the batch', 'Den Batch erstellen'), 'sh', false).equal).toBe(true);
  });

  it('compares comments under strictCode', () => {
    expect(compareCode('x = 1 # one', 'x = 1 # eins', 'python', true).equal).toBe(false);
  });

  it('collapses a stale block into one difference that counts the lines', () => {
    const en = ['a = 1', 'b = 2', 'c = 3', 'd = 4', 'e = 5'].join('\n');
    const de = ['a = 10', 'b = 20', 'c = 30', 'd = 40', 'e = 50'].join('\n');
    const result = compareCode(en, de, 'python', false);
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]).toMatchObject({ count: 5, expected: 'a = 1', found: 'a = 10' });
  });

  it('keeps up to three differing lines apart', () => {
    const result = compareCode('a = 1\nb = 2\nc = 3', 'a = 9\nb = 2\nc = 9', 'python', false);
    expect(result.differences.map((d) => d.referenceLine)).toEqual([1, 3]);
  });

  it('treats quote style as the same code', () => {
    expect(compareCode("import x from 'astro/config';", 'import x from "astro/config";', 'js', false).equal).toBe(true);
    expect(compareCode("import x from 'astro/config';", "import x from 'astro/configs';", 'js', false).equal).toBe(false);
  });

  it('compares a diff block in the language named by its meta', () => {
    const en = "-  title: 'My Docs',\n+  title: { en: 'My Docs' }, // set per locale";
    const de = "-  title: 'Meine Doku',\n+  title: { en: 'Meine Doku' }, // pro Sprache";
    expect(compareCode(en, de, 'diff', false, { meta: 'lang="js"' }).equal).toBe(true);
  });
});

describe('translated', () => {
  const string = (text: string) => ({ text, kind: 'string' as const });
  it('accepts words in another language and rejects edited values', () => {
    expect(translated(string('Item not found'), string('Élément introuvable'), false)).toBe(true);
    expect(translated(string('Canada'), string('Kanada'), false)).toBe(true);
    expect(translated(string('blog'), string('posts'), false)).toBe(false);
    expect(translated(string('npm install foo'), string('npm install bar'), false)).toBe(false);
    expect(translated(string('./my-app.js'), string('./mon-appli.js'), false)).toBe(false);
    expect(translated(string('Hello {name}'), string('Hallo {user}'), false)).toBe(false);
  });
});

describe('normalizeCode', () => {
  it('drops comments and holds markup text', () => {
    expect(normalizeCode('<p>Hello, world</p> <!-- greeting -->', 'html', false)).toEqual(['<p>⟨⟩</p>']);
  });
});

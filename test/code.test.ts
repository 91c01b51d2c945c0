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

describe('display text in lines', () => {
  it('accepts output lines and blanks written in the translation language', () => {
    expect(compareCode('[plugin] Starting long process…', '[plugin] Запуск длительного процесса…', 'shell', false).equal).toBe(true);
    expect(compareCode('Listening for requests on http://localhost:8080', 'Escuchando solicitudes en http://localhost:8080', 'console', false).equal).toBe(true);
    expect(compareCode('git rebase origin/<your-branch-name>', 'git rebase origin/<你的分支名>', 'sh', false).equal).toBe(true);
  });

  it('still sees a changed command or an upper-case placeholder', () => {
    expect(compareCode('yarn add foo bar', 'npm install baz qux', 'sh', false).equal).toBe(false);
    expect(compareCode('git add <PATH-TO-YOUR-UPDATED-FILES>', 'git add <PATH-TO-YOUR-NEW-FILES>', 'sh', false).equal).toBe(false);
    expect(compareCode('KEY=YOUR_API_KEY', 'TOKEN=VOTRE_CLE_API', 'sh', false).equal).toBe(false);
    // Readers search for `YOUR_API_KEY` as written and the prose names it: a translated placeholder name is drift.
    expect(compareCode('KEY=YOUR_API_KEY', 'KEY=VOTRE_CLE_API', 'sh', false).equal).toBe(false);
    expect(compareCode('init({ key: "YOUR_API_KEY" });', 'init({ key: "TU_CLAVE_API" });', 'js', false).equal).toBe(false);
  });

  it('accepts a blank for the reader inside a value, and nothing else changed around it', () => {
    expect(compareCode('url: "<your-otlp-endpoint>/v1/traces",', 'url: "<sua-rota-otlp>/v1/traces",', 'js', false).equal).toBe(true);
    expect(compareCode('git clone git@github.com:<your_github_username>/x.git', 'git clone git@github.com:<你的 GitHub 用户名>/x.git', 'sh', false).equal).toBe(true);
    expect(compareCode('url: "<your-otlp-endpoint>/v1/traces",', 'url: "<sua-rota-otlp>/v2/traces",', 'js', false).equal).toBe(false);
    expect(compareCode('x = "<PROJECT>/a"', 'x = "<PROYECTO>/a"', 'js', false).equal).toBe(false);
    expect(compareCode('x = "<div>"', 'x = "<span>"', 'js', false).equal).toBe(false);
    expect(compareCode('x = "<word>"', 'x = "<palavra>"', 'js', false).equal).toBe(true);
  });

  it('treats every value of a configuration file as code, and its comments as text', () => {
    expect(compareCode('title = "My site"', 'title = "Mon site"', 'toml', false).equal).toBe(false);
    expect(compareCode('NAME="My app"', 'NAME="Mon application"', 'sh', false, { meta: 'title=".env.local"' }).equal).toBe(false);
    expect(compareCode('NAME="My app"', 'NAME="Mon application"', 'sh', false).equal).toBe(true);
    expect(compareCode('; your key\nKEY=1', '; votre clé\nKEY=1', 'ini', false).equal).toBe(true);
  });

  it('accepts translated Mermaid labels and markup text moved around a link', () => {
    const en = 'sequenceDiagram\n  participant Client\n  Client->>Server: Send request\n  A -- Yes --> B[Start here]';
    const de = 'sequenceDiagram\n  participant Client as Kunde\n  Client->>Server: Anfrage senden\n  A -- Ja --> B[Hier beginnen]';
    expect(compareCode(en, de, 'mermaid', false).equal).toBe(true);
    expect(compareCode('<p>Learn more on <a href="/x/">the site</a>!</p>', '<p>詳しくは<a href="/x/">サイト</a>をご確認ください！</p>', 'astro', false).equal).toBe(true);
  });
});

describe('collapsed blocks', () => {
  it('keep the kind of the first difference for the message', () => {
    const en = 'a();\nb(1);\nc(1);\nd(1);\ne(1);';
    const de = 'x();\na();\nb(2);\nc(2);\nd(2);\ne(2);';
    const [collapsed] = compareCode(en, de, 'js', false).differences;
    expect(collapsed).toMatchObject({ category: 'changed', count: 5, firstCategory: 'line-added' });
  });
});

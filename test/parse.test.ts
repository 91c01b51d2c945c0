/** Leaving out the GitHub extensions a text cannot use must not change its tree. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ALL_GFM, parse, syntaxNeeded } from '../src/parse.js';
import { corpora } from './corpora.js';

/** Every Markdown file under `dir`, relative to it. */
function markdownFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : markdownFiles(dir, path);
    return /\.mdx?$/.test(entry.name) ? [path] : [];
  });
}

/** The tree of `text` with the extensions it needs, and with all of them. */
function bothWays(text: string, isMdx: boolean) {
  return { needed: parse(text, isMdx), all: parse(text, isMdx, ALL_GFM) };
}

describe('parse chooses the GitHub extensions per file', () => {
  it('gives the tree remark-gfm gives on a sample of every corpus', () => {
    let skipped = 0;
    let files = 0;
    for (const corpus of corpora()) {
      const paths = markdownFiles(corpus.dir);
      // Spread over the tree; every file of the sample, whatever it needs.
      const step = Math.max(1, Math.floor(paths.length / 6));
      for (let index = 0; index < paths.length; index += step) {
        const text = readFileSync(join(corpus.dir, paths[index]!), 'utf8');
        if (text.length > 20_000) continue;
        const isMdx = paths[index]!.endsWith('.mdx');
        const { needed, all } = bothWays(text, isMdx);
        expect(needed, `${corpus.name}/${paths[index]}`).toEqual(all);
        files++;
        if (syntaxNeeded(text, isMdx).includes(false)) skipped++;
      }
    }
    // The shortcut must actually be taken somewhere, or this test proves nothing.
    expect(skipped).toBeGreaterThan(files / 4);
  });

  it('keeps each extension where its construct is, and near misses parse the same without it', () => {
    const cases = [
      'See https://example.com and www.example.org or mail a@b.co.',
      'More information: <https://example.com>.',
      'Escaped: \\<https://example.com>.',
      'A footnote[^1].\n\n[^1]: Note.',
      'Gone: ~~old~~ and ~single~.',
      '| a | b |\n| - | :-: |\n| 1 | 2 |',
      '> | a |\n> | --- |\n> | 1 |',
      'a | b\n-|-\n1 | 2',
      '| a |\n-\n',
      '- [ ] todo\n- [x] done',
      '---\ntitle: x|y\n---\n\nText {{a|b}}\n\n---\n\nMore',
      'Heading\n---\n\n`a|b` and `x@y.z`',
    ];
    for (const text of cases) {
      for (const isMdx of [false, true]) {
        const { needed, all } = bothWays(text, isMdx);
        expect(needed, text).toEqual(all);
      }
    }
    // All five extensions are what remark-gfm gives.
    const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
    for (const text of cases) expect(parse(text, false, ALL_GFM).tree, text).toEqual(remark.parse(text));
    expect(syntaxNeeded('More information: <https://example.com>.', false)).toEqual([false, false, false, false, false]);
    expect(syntaxNeeded('More information: <https://example.com>.', true)[0]).toBe(true);
    expect(syntaxNeeded('Escaped: \\<https://example.com>.', false)[0]).toBe(true);
    expect(syntaxNeeded('---\ntitle: x\n---\n\nText {{a|b}}\n\n---\n', false)[3]).toBe(false);
    expect(syntaxNeeded('| a |\n-\n', false)[3]).toBe(true);
  });
});

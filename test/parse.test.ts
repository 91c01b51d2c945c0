/** Leaving out remark-gfm where a text cannot use it must not change its tree. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { needsGfm, parse, parseFrontMatterOnly } from '../src/parse.js';
import { corpora } from './corpora.js';

/** Every Markdown file under `dir`, relative to it. */
function markdownFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : markdownFiles(dir, path);
    return /\.mdx?$/.test(entry.name) ? [path] : [];
  });
}

/** The tree of `text` parsed as chosen, and with remark-gfm. */
function bothWays(text: string, isMdx: boolean) {
  return { needed: parse(text, isMdx), all: parse(text, isMdx, true) };
}

const everything = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

describe('parse leaves out remark-gfm where a file cannot use it', () => {
  it.skipIf(corpora().length === 0)('gives the tree remark-gfm gives on a sample of every corpus', () => {
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
        // And the same as remark with every plugin on (front matter is only looked for where a file opens with it).
        if (!isMdx) expect(needed.tree, `${corpus.name}/${paths[index]}`).toEqual(everything.parse(text));
        files++;
        if (!needsGfm(text, isMdx)) skipped++;
      }
    }
    // The shortcut must actually be taken somewhere, or this test proves nothing.
    expect(skipped).toBeGreaterThan(files / 10);
  });

  it('keeps remark-gfm where a construct of it is, and near misses parse the same without it', () => {
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
    const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
    for (const text of cases) expect(parse(text, false, true).tree, text).toEqual(remark.parse(text));
    expect(needsGfm('More information: <https://example.com>.', false)).toBe(false);
    expect(needsGfm('More information: <https://example.com>.', true)).toBe(true);
    expect(needsGfm('Escaped: \\<https://example.com>.', false)).toBe(true);
    expect(needsGfm('---\ntitle: x\n---\n\nText {{a|b}}\n\n---\n', false)).toBe(false);
    expect(needsGfm('| a |\n-\n', false)).toBe(true);
    for (const text of cases.slice(3, 10)) expect(needsGfm(text, false), text).toBe(true);
  });
});

describe('parseFrontMatterOnly reads a lone page as far as its front matter', () => {
  it('gives the front matter node the whole parse gives, on a sample of every corpus and on edge cases', () => {
    const texts = [
      '---\ntitle: A\n---\n\n# Heading\n\ntext',
      '---  \r\ntitle: A\r\n---   \r\n\r\nBody',
      '+++\ntitle = "A"\n+++\n\nBody',
      '---\ntitle: A\n--- not a fence\n---\n\nBody',
      '---\n---\nBody',
      '---\ntitle: [unclosed\n---\n',
    ];
    let withFrontMatter = 0;
    for (const corpus of corpora()) {
      const paths = markdownFiles(corpus.dir).filter((path) => path.endsWith('.md'));
      const step = Math.max(1, Math.floor(paths.length / 6));
      for (let index = 0; index < paths.length; index += step) texts.push(readFileSync(join(corpus.dir, paths[index]!), 'utf8'));
    }
    for (const text of texts) {
      const whole = parse(text, false).tree.children[0];
      const front = parseFrontMatterOnly(text);
      if (whole?.type === 'yaml' || (whole?.type as string) === 'toml') {
        withFrontMatter++;
        expect(front?.tree.children, text.slice(0, 80)).toEqual([whole]);
      } else {
        // No front matter: nothing, or a whole parse instead (undefined).
        expect(front === undefined || front.tree.children.length === 0, text.slice(0, 80)).toBe(true);
      }
    }
    // The six edge cases all open with front matter; the corpus samples (when ../shared is here) add many more.
    expect(withFrontMatter).toBeGreaterThan(corpora().length > 0 ? 10 : 5);
    // Cases it cannot settle from a prefix are left to the whole parse.
    expect(parseFrontMatterOnly('---\ntitle: never closed\n\nBody')).toBeUndefined();
    expect(parseFrontMatterOnly('# No front matter\n')?.tree.children).toEqual([]);
  });
});

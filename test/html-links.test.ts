import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';
import { htmlLinkTargets } from '../src/html-links.js';

const summary = (text: string, path = 'ja/page.md') => extract({ text, bom: false, eol: '\n' }, path, 'ja');

describe('htmlLinkTargets', () => {
  it('reads href and src with any quoting, and points at each value', () => {
    const html = `<p align="center"><a href='https://x.dev'><img src=logo.png alt="Logo"></a></p>`;
    const targets = htmlLinkTargets(html);
    expect(targets.map((t) => [t.kind, t.url, html.slice(t.index, t.index + t.url.length)])).toEqual([
      ['link', 'https://x.dev', 'https://x.dev'],
      ['image', 'logo.png', 'logo.png'],
    ]);
    expect(targets[1]!.text).toBe('Logo');
  });

  it('reads `to` on <Link> only, and skips comments', () => {
    expect(htmlLinkTargets('<Link to="/docs/a">A</Link>').map((t) => t.url)).toEqual(['/docs/a']);
    expect(htmlLinkTargets('<Trans to="x">')).toEqual([]);
    expect(htmlLinkTargets('<!-- <a href="old.md"> --><a href="new.md">')).toMatchObject([{ url: 'new.md' }]);
  });
});

describe('extract: links written as HTML in .md', () => {
  it('keeps inline and block HTML links, with the span of their URL', () => {
    const text = '# T\n\nSee <a href="../a.md">a</a>.\n\n<p>\n  <img src="b.png">\n</p>\n';
    const links = summary(text).links;
    expect(links.map((l) => [l.kind, l.url, text.slice(l.urlSpan!.start.offset, l.urlSpan!.end.offset)])).toEqual([
      ['link', '../a.md', '../a.md'],
      ['image', 'b.png', 'b.png'],
    ]);
  });

  it('reads a paragraph that starts with <Link> as a paragraph, not as an HTML block', () => {
    const text = '<Link href="../g#gl-dii">DII</Link> は [POST](../post.md) で `token` を生成します。\n';
    const result = summary(text);
    expect(result.links.map((l) => l.url)).toEqual(['../g#gl-dii', '../post.md']);
    const code = result.inlineCode[0]!;
    expect(code.value).toBe('token');
    expect(text.slice(code.span.start.offset, code.span.end.offset)).toBe('`token`');
    expect(result.blocks[code.block]!.prose).not.toContain('\u200b');
    expect(result.blocks[code.block]!.span.start.offset).toBe(0);
  });

  it('keeps a block of its prose without inline code', () => {
    const result = summary('Use `raw_data` instead of data.\n');
    expect(result.blocks[0]!.prose).toBe('Use   instead of data.');
  });
});

/** Parse Markdown or MDX text into an mdast tree. */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface Parsed {
  tree: Root;
  /** Set when MDX did not parse and the file was read as plain Markdown instead. */
  mdxError?: string;
}

/**
 * The cheap tests that say a text may use each of remark-gfm's constructs. A text that fails them all cannot hold any
 * of them, so parsing it without remark-gfm gives the same tree, faster: its extensions hook into every line and word
 * of every file, and most pages of a tree such as tldr use none of them (test/parse.test.ts checks the trees on corpus
 * samples).
 */
const GFM_TESTS: Array<(text: string, isMdx: boolean) => boolean> = [
  // Literal links (`https://…`, `www.…`, `a@b.co`). URLs inside `<…>` autolinks are links already; MDX has no such
  // autolinks, so there they count.
  mayHaveLiteralLink,
  (text) => text.includes('[^'), // footnotes
  (text) => text.includes('~'), // strikethrough
  mayHaveTable,
  (text) => /\[[ \txX]\]/.test(text), // task list items
];

const AUTOLINK = /(?<!\\)<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g;

function mayHaveLiteralLink(text: string, isMdx: boolean): boolean {
  const rest = isMdx ? text : text.replace(AUTOLINK, '');
  return /:\/\/|www\.|@|mailto:|xmpp:/i.test(rest);
}

// A table needs a delimiter row (pipes, dashes, colons, blanks, behind any `>`) with a pipe in it or in the line above.
const DELIMITER_ROW = /^[ \t>]*[|:-][ \t|:-]*\r?$/gm;

function mayHaveTable(text: string): boolean {
  if (!text.includes('|')) return false;
  for (const match of text.matchAll(DELIMITER_ROW)) {
    if (!match[0].includes('-')) continue;
    if (match[0].includes('|')) return true;
    const lineStart = match.index;
    const previous = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, Math.max(0, lineStart - 1));
    if (previous.includes('|')) return true;
  }
  return false;
}

/** Whether `text` may use a construct of remark-gfm (a literal link, footnote, strikethrough, table or task item). */
export function needsGfm(text: string, isMdx: boolean): boolean {
  return GFM_TESTS.some((test) => test(text, isMdx));
}

const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const gfm = plain().use(remarkGfm).freeze();
const processors = {
  markdown: { plain, gfm },
  mdx: { plain: plain().use(remarkMdx).freeze(), gfm: gfm().use(remarkMdx).freeze() },
};

/**
 * Parse `text`; `.mdx` files use MDX syntax, falling back to Markdown when the MDX is invalid. `withGfm` says whether
 * to use remark-gfm (by default, when the text may need it).
 */
export function parse(text: string, isMdx: boolean, withGfm: boolean = needsGfm(text, isMdx)): Parsed {
  // What an MDX text may need is never less than what it needs read as Markdown (its `<…>` autolinks count).
  const kind = withGfm ? 'gfm' : 'plain';
  const markdown = (input: string) => processors.markdown[kind].parse(input);
  if (!isMdx) return { tree: markdown(text) };
  const mdx = processors.mdx[kind];
  try {
    return { tree: mdx.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Docusaurus (mdx1Compat, on by default) accepts HTML comments in MDX: a file that parses once they are written
    // as MDX comments is valid there, and is read as Markdown without a warning.
    if (parsesWithoutHtmlComments(text, mdx)) return { tree: markdown(text) };
    return { tree: markdown(text), mdxError: reason };
  }
}

function parsesWithoutHtmlComments(text: string, mdx: { parse(text: string): Root }): boolean {
  if (!text.includes('<!--')) return false;
  try {
    mdx.parse(text.replace(/<!--([\s\S]*?)-->/g, (_, body: string) => `{/*${body.replace(/\*\//g, '* /')}*/}`));
    return true;
  } catch {
    return false;
  }
}

/**
 * Only the front matter of a Markdown text, parsed as `parse` would: the text up to the front matter's closing fence
 * (the rest cannot change how it is read). An empty tree when the text does not open with a fence; undefined when no
 * closing fence was found or the prefix did not parse as front matter, so that the caller parses the whole text.
 */
export function parseFrontMatterOnly(text: string): Parsed | undefined {
  if (!text.startsWith('---') && !text.startsWith('+++')) return { tree: { type: 'root', children: [] } };
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const fence = open[1] === '---' ? /^---[ \t]*\r?$/gm : /^\+\+\+[ \t]*\r?$/gm;
  fence.lastIndex = open[0].length;
  const close = fence.exec(text);
  if (!close) return undefined;
  const { tree } = parse(text.slice(0, close.index + close[0].length), false, false);
  const first = tree.children[0];
  return first && (first.type === 'yaml' || (first.type as string) === 'toml') ? { tree } : undefined;
}
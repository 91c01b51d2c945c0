/** Parse Markdown or MDX text into an mdast tree. */
import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

export interface Parsed {
  tree: Root;
  /** Set when MDX did not parse and the file was read as plain Markdown instead. */
  mdxError?: string;
}

/**
 * The GitHub extensions (remark-gfm's five, in its order) and the cheap test that says a text may use each. A text
 * that fails a test cannot hold that construct, so parsing it without the extension gives the same tree, faster:
 * every extension hooks into every line or word of every file (test/parse.test.ts checks the trees on corpus samples).
 */
const GFM = [
  // Literal links (`https://…`, `www.…`, `a@b.co`). URLs inside `<…>` autolinks are links already; MDX has no such
  // autolinks, so there they count.
  { name: 'autolink', micromark: gfmAutolinkLiteral, mdast: gfmAutolinkLiteralFromMarkdown, mayUse: mayHaveLiteralLink },
  { name: 'footnote', micromark: gfmFootnote, mdast: gfmFootnoteFromMarkdown, mayUse: (text: string) => text.includes('[^') },
  { name: 'strikethrough', micromark: gfmStrikethrough, mdast: gfmStrikethroughFromMarkdown, mayUse: (text: string) => text.includes('~') },
  { name: 'table', micromark: gfmTable, mdast: gfmTableFromMarkdown, mayUse: mayHaveTable },
  { name: 'task', micromark: gfmTaskListItem, mdast: gfmTaskListItemFromMarkdown, mayUse: (text: string) => /\[[ \txX]\]/.test(text) },
] as const;

/** Which GitHub extensions a parse uses: one flag per entry of GFM. */
export type Syntax = boolean[];

/** Every GitHub extension: what remark-gfm gives. */
export const ALL_GFM: Syntax = GFM.map(() => true);

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

/** The GitHub extensions `text` may need: each one left out only where its construct cannot occur. */
export function syntaxNeeded(text: string, isMdx: boolean): Syntax {
  return GFM.map((extension) => extension.mayUse(text, isMdx));
}

const processors = new Map<string, Processor<Root>>();

/** The parser for one set of extensions, built on first use. */
function processor(syntax: Syntax, isMdx: boolean): Processor<Root> {
  const key = `${syntax.map(Number).join('')}${isMdx ? 'x' : ''}`;
  let built = processors.get(key);
  if (!built) {
    const chosen = GFM.filter((_, index) => syntax[index]);
    const base = unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml', 'toml'])
      .use(function gfm(this: Processor) {
        const data = this.data();
        (data.micromarkExtensions ??= []).push(...chosen.map((extension) => extension.micromark()));
        (data.fromMarkdownExtensions ??= []).push(chosen.map((extension) => extension.mdast()));
      });
    built = (isMdx ? base.use(remarkMdx) : base).freeze() as unknown as Processor<Root>;
    processors.set(key, built);
  }
  return built;
}

/**
 * Parse `text`; `.mdx` files use MDX syntax, falling back to Markdown when the MDX is invalid. `syntax` says which
 * GitHub extensions to use (by default those the text may need).
 */
export function parse(text: string, isMdx: boolean, syntax: Syntax = syntaxNeeded(text, isMdx)): Parsed {
  // What an MDX text may need is never less than what it needs read as Markdown (its `<…>` autolinks count).
  const markdown = (input: string) => processor(syntax, false).parse(input);
  if (!isMdx) return { tree: markdown(text) };
  const mdx = processor(syntax, true);
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

function parsesWithoutHtmlComments(text: string, mdx: Processor<Root>): boolean {
  if (!text.includes('<!--')) return false;
  try {
    mdx.parse(text.replace(/<!--([\s\S]*?)-->/g, (_, body: string) => `{/*${body.replace(/\*\//g, '* /')}*/}`));
    return true;
  } catch {
    return false;
  }
}

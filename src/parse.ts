/** Parse Markdown or MDX text into an mdast tree. */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();
const mdx = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(remarkMdx).freeze();

export interface Parsed {
  tree: Root;
  /** Set when MDX did not parse and the file was read as plain Markdown instead. */
  mdxError?: string;
}

/** Parse `text`; `.mdx` files use MDX syntax, falling back to Markdown when the MDX is invalid. */
export function parse(text: string, isMdx: boolean): Parsed {
  if (!isMdx) return { tree: markdown.parse(text) };
  try {
    return { tree: mdx.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Docusaurus (mdx1Compat, on by default) accepts HTML comments in MDX: a file that parses once they are written
    // as MDX comments is valid there, and is read as Markdown without a warning.
    if (parsesWithoutHtmlComments(text)) return { tree: markdown.parse(text) };
    return { tree: markdown.parse(text), mdxError: reason };
  }
}

function parsesWithoutHtmlComments(text: string): boolean {
  if (!text.includes('<!--')) return false;
  try {
    mdx.parse(text.replace(/<!--([\s\S]*?)-->/g, (_, body: string) => `{/*${body.replace(/\*\//g, '* /')}*/}`));
    return true;
  } catch {
    return false;
  }
}

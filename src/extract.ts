/** Walk an mdast tree once and keep what must not be translated, with positions: the file's summary. */
import type { Nodes, Root } from 'mdast';
import { parseFrontMatter } from './frontmatter.js';
import { htmlLinkTargets } from './html-links.js';
import { parse, parseFrontMatterOnly } from './parse.js';
import { LineIndex } from './positions.js';
import { headingIds } from './slug.js';
import { fileDirectives } from './suppress.js';
import type { TextFile } from './read.js';
import type { Admonition, CodeBlock, FileSummary, Span, Table } from './types.js';

type AnyNode = Nodes & { position?: { start: { offset?: number }; end: { offset?: number } } };

const MARKER = /\[!(DNL|UICONTROL)\s+([^\]\n]+?)\s*\]/g;
// Keywords in any script, so that a translated keyword (`:::注意`) is still seen as one.
const GFM_ALERT = /^\s*\[!(\p{L}[\p{L}\p{N}_-]*)\]/u;
const MKDOCS_BLOCK = /^\/\/\/\s*(\p{L}[\p{L}\p{N}_-]*)/u;
const DOCUSAURUS_BLOCK = /^:::\s*(\p{L}[\p{L}\p{N}_-]*)/u;
const MKDOCS_ADMONITION = /^[!?]{3}\+?\s*(\p{L}[\p{L}\p{N}_-]*)/u;
// Docsy's alert shortcode, `{{% alert title="Note" color="warning" %}}`: its colour plays the keyword's part.
const HUGO_ALERT = /^\{\{([%<])\s*alert\b(.*?)\1\}\}/s;
const ALERT_COLOR = /\bcolor\s*=\s*"?([\w-]+)/;
// A trailing attribute list, `{#id}`, `{ #id }` or Hugo's `{.notranslate lang=en #id}`: not part of the heading text.
const ATTRIBUTE = String.raw`(?:[.#][^\s{}]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}]+))`;
const HEADING_ATTRIBUTES = new RegExp(String.raw`\{\s*${ATTRIBUTE}(?:\s+${ATTRIBUTE})*\s*\}\s*$`);
const HEADING_ID = /(^|[\s{])#([^\s{}]+)/;
// A capitalised tag is a component (`<Link href>`), never an HTML element.
const COMPONENT_TAG = /^<[A-Z][\w.]*(?:\s[^>]*)?>/;

/** Plain text of a node, like mdast-util-to-string; without `code`, inline code becomes a space. */
function toText(node: AnyNode, code = true): string {
  if (node.type === 'inlineCode' && !code) return ' ';
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if ('children' in node) return (node.children as AnyNode[]).map((child) => toText(child, code)).join('');
  return '';
}

/**
 * Extract the summary of `file`, the text of the file at `path` (relative, for messages) in `locale`. With
 * `frontMatterOnly`, a Markdown file's front matter and directives are all that is read (marked `partial`): what the
 * page-level rules check of a page that has no other copy to compare with.
 */
export function extract(file: TextFile, path: string, locale: string, options: { frontMatterOnly?: boolean } = {}): FileSummary {
  const { text } = file;
  const lines = new LineIndex(text);
  const isMdx = path.toLowerCase().endsWith('.mdx');
  // An MDX file is parsed whole even then: whether it is valid MDX is a page-level finding.
  const partial = options.frontMatterOnly && !isMdx ? parseFrontMatterOnly(text) : undefined;
  const parsed = partial ?? parse(text, isMdx);
  const summary: FileSummary = {
    file: path,
    locale,
    bom: file.bom,
    eol: file.eol,
    codeBlocks: [],
    tables: [],
    headings: [],
    blocks: [],
    inlineCode: [],
    links: [],
    html: [],
    admonitions: [],
    markers: [],
    text: '',
    problems: [],
  };
  if (partial) summary.partial = true;
  if (parsed.mdxError) {
    summary.problems.push({
      message: `is not valid MDX (${parsed.mdxError}); it was read as plain Markdown`,
      fatal: false,
    });
  }
  const textParts: string[] = [];

  const spanOf = (node: AnyNode): Span => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    return lines.span(start, end);
  };

  const addBlock = (kind: 'paragraph' | 'heading' | 'tableCell', node: AnyNode): number => {
    summary.blocks.push({ kind, span: spanOf(node), prose: toText(node, false) });
    textParts.push(toText(node));
    return summary.blocks.length - 1;
  };

  const scanMarkers = (node: AnyNode, block: number) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const source = text.slice(start, end);
    for (const match of source.matchAll(MARKER)) {
      const at = start + match.index;
      const after = source.slice(match.index + match[0].length, match.index + match[0].length + 2);
      summary.markers.push({
        kind: match[1]!,
        value: match[2]!,
        span: lines.span(at, at + match[0].length),
        block,
        before: source.slice(Math.max(0, match.index - 2), match.index),
        after: source.slice(match.index + match[0].length, match.index + match[0].length + 2),
        inLink: after.startsWith('(') || after.startsWith(']('),
      });
    }
  };

  const urlSpan = (node: AnyNode, url: string, after: string): Span | undefined => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || url === '') return undefined;
    const source = text.slice(start, end);
    const from = after ? source.lastIndexOf(after) : 0;
    if (from === -1) return undefined;
    const index = source.indexOf(url, from + after.length);
    if (index === -1) return undefined;
    return lines.span(start + index, start + index + url.length);
  };

  /** Links written as JSX attributes (`<Link href>`, `<LinkCard href>`, `<img src>`), in MDX files. */
  const jsxLinks = (node: AnyNode, block: number): boolean => {
    const attributes = (node as { attributes?: Array<{ type: string; name?: string; value?: unknown }> }).attributes ?? [];
    let found = false;
    for (const attribute of attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
      if (attribute.name !== 'href' && attribute.name !== 'src') continue;
      summary.links.push({
        kind: attribute.name === 'src' ? 'image' : 'link',
        url: attribute.value,
        span: spanOf(node),
        urlSpan: urlSpan(node, attribute.value, `${attribute.name}=`),
        block,
        text: toText(node),
      });
      found = true;
    }
    return found;
  };

  /** Links written as raw HTML (`<a href>`, `<Link href>`, `<img src>`): Docusaurus and MkDocs pages have them in `.md`. */
  const htmlLinks = (node: AnyNode & { value: string }, block: number): void => {
    const start = node.position?.start.offset ?? 0;
    for (const target of htmlLinkTargets(node.value)) {
      const at = start + target.index;
      summary.links.push({
        kind: target.kind,
        url: target.url,
        span: spanOf(node),
        urlSpan: text.slice(at, at + target.url.length) === target.url ? lines.span(at, at + target.url.length) : undefined,
        block,
        text: target.text,
      });
    }
  };

  const inline = (node: AnyNode, block: number) => {
    switch (node.type) {
      case 'inlineCode': {
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        summary.inlineCode.push({
          value: node.value,
          span: lines.span(start, end),
          block,
          before: /\S*$/.exec(text.slice(Math.max(0, start - 24), start))![0],
          after: /^\S*/.exec(text.slice(end, end + 24))![0],
        });
        return;
      }
      case 'link':
      case 'image': {
        summary.links.push({
          kind: node.type,
          url: node.url,
          span: spanOf(node),
          urlSpan: urlSpan(node, node.url, node.type === 'link' && node.url === toText(node) ? '' : ']('),
          block,
          text: toText(node),
        });
        break;
      }
      case 'html':
        summary.html.push({ value: node.value, span: spanOf(node) });
        htmlLinks(node, block);
        return;
      case 'mdxJsxTextElement':
        jsxLinks(node, block);
        break;
    }
    if ('children' in node) for (const child of node.children as AnyNode[]) inline(child, block);
  };

  const admonition = (style: Admonition['style'], node: AnyNode, pattern: RegExp): boolean => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const source = text.slice(start, end);
    const match = pattern.exec(source);
    if (!match) return false;
    const at = start + match.index + match[0].lastIndexOf(match[1]!);
    summary.admonitions.push({
      style,
      keyword: match[1]!,
      span: lines.span(start, end),
      keywordSpan: lines.span(at, at + match[1]!.length),
    });
    return true;
  };

  const hugoAlert = (node: AnyNode): boolean => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const match = HUGO_ALERT.exec(text.slice(start, end));
    if (!match) return false;
    const color = ALERT_COLOR.exec(match[2]!);
    const at = color ? start + match[0].indexOf(color[0]) + color[0].length - color[1]!.length : start;
    summary.admonitions.push({
      style: 'hugo',
      keyword: color?.[1] ?? '',
      span: lines.span(start, end),
      keywordSpan: lines.span(at, at + (color?.[1]!.length ?? 0)),
    });
    return true;
  };

  const table = (node: AnyNode & { type: 'table' }) => {
    const result: Table = { span: spanOf(node), columns: 0, rows: [] };
    for (const row of node.children) {
      const cells = row.children.map((cell) => {
        const block = addBlock('tableCell', cell as AnyNode);
        for (const child of cell.children) inline(child as AnyNode, block);
        scanMarkers(cell as AnyNode, block);
        return {
          text: toText(cell as AnyNode).trim(),
          inlineCode: collectInlineCode(cell as AnyNode),
          span: spanOf(cell as AnyNode),
        };
      });
      result.columns = Math.max(result.columns, cells.length);
      result.rows.push({ cells, span: spanOf(row as AnyNode) });
    }
    summary.tables.push(result);
  };

  const code = (node: AnyNode & { type: 'code' }) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const source = text.slice(start, end);
    const fenced = /^[ \t]*(```|~~~)/.test(source);
    const block: CodeBlock = {
      lang: node.lang ?? '',
      meta: node.meta ?? '',
      body: node.value,
      fenced,
      span: lines.span(start, end),
      bodySpan: lines.span(start, end),
      lineOffsets: [],
    };
    if (fenced) {
      const firstBreak = source.indexOf('\n');
      const bodyStart = firstBreak === -1 ? end : start + firstBreak + 1;
      const fence = /^[ \t]*(`{3,}|~{3,})/.exec(source)![1]!;
      const lastLineStart = source.lastIndexOf('\n') + 1;
      const closed = lastLineStart > 0 && source.slice(lastLineStart).trim().startsWith(fence);
      const bodyEnd = closed ? Math.max(bodyStart, start + lastLineStart - 1) : end;
      block.bodySpan = lines.span(bodyStart, Math.max(bodyStart, bodyEnd));
      const infoStart = start + source.indexOf(fence) + fence.length;
      const infoEnd = firstBreak === -1 ? end : start + firstBreak;
      const info = text.slice(infoStart, infoEnd);
      const lead = info.length - info.trimStart().length;
      const trail = info.length - info.trimEnd().length;
      block.infoSpan = lines.span(infoStart + lead, Math.max(infoStart + lead, infoEnd - trail));
    }
    const bodyLines = block.body === '' ? 0 : block.body.split('\n').length;
    const firstLine = fenced ? block.bodySpan.start.line : block.span.start.line;
    for (let k = 0; k < bodyLines; k++) {
      const lineStart = lines.lineStart(firstLine + k);
      const next = lines.lineStart(firstLine + k + 1);
      let lineEnd = next > lineStart ? next - 1 : text.length;
      if (text[lineEnd - 1] === '\r') lineEnd--;
      block.lineOffsets.push([lineStart, Math.max(lineStart, Math.min(lineEnd, end))]);
    }
    summary.codeBlocks.push(block);
  };

  /**
   * `<Link href="…">term</Link> is …` opens an HTML block in CommonMark (`link` is a block tag name), yet Docusaurus
   * renders it as a paragraph that starts with a component: read it as one, so that its links and code are seen.
   */
  const componentParagraph = (node: AnyNode): boolean => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const source = text.slice(start, end);
    const firstLine = source.split('\n', 1)[0]!;
    const opening = COMPONENT_TAG.exec(firstLine);
    if (!opening || !/\S/.test(firstLine.slice(opening[0].length).replace(/<[^>]*>/g, ''))) return false;
    // A zero-width space in front keeps the parser from opening an HTML block again; offsets move back by one.
    const tree = parse(`\u200b${source}`, false).tree as AnyNode;
    shiftOffsets(tree, start - 1, start);
    dropLeadingZeroWidthSpace(tree);
    for (const child of (tree as Root).children) walk(child as AnyNode);
    return true;
  };

  const walk = (node: AnyNode) => {
    switch (node.type) {
      case 'yaml': {
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        const firstBreak = text.indexOf('\n', start);
        const rawStart = firstBreak === -1 || firstBreak > end ? end : firstBreak + 1;
        const closing = text.lastIndexOf('\n', end - 1);
        const rawEnd = closing < rawStart ? rawStart : closing + 1;
        summary.frontMatter = parseFrontMatter(text.slice(rawStart, rawEnd), rawStart, lines.span(start, end), lines);
        return;
      }
      case 'code':
        code(node);
        return;
      case 'table':
        table(node);
        return;
      case 'mdxJsxFlowElement': {
        // A component that links somewhere (`<LinkCard href=…>`) is a block of its own for link comparison.
        const attributes = (node as { attributes?: Array<{ name?: string; value?: unknown }> }).attributes ?? [];
        if (attributes.some((a) => (a.name === 'href' || a.name === 'src') && typeof a.value === 'string')) {
          summary.blocks.push({ kind: 'paragraph', span: spanOf(node), prose: '' });
          jsxLinks(node, summary.blocks.length - 1);
        }
        break;
      }
      case 'heading': {
        const block = addBlock('heading', node);
        summary.blocks[block]!.prose = summary.blocks[block]!.prose.replace(HEADING_ATTRIBUTES, '');
        const span = spanOf(node);
        const source = text.slice(span.start.offset, span.end.offset);
        const attributes = HEADING_ATTRIBUTES.exec(source);
        const anchor = attributes ? HEADING_ID.exec(attributes[0]) : null;
        const heading: FileSummary['headings'][number] = {
          depth: node.depth,
          text: toText(node).replace(HEADING_ATTRIBUTES, '').trim(),
          id: '',
          code: collectInlineCode(node),
          span,
        };
        if (attributes && anchor) {
          // The span covers the id alone, so a fix replaces it whatever the brace style ({#id} or { #id }).
          const at = span.start.offset + attributes.index + anchor.index + anchor[1]!.length + 1;
          heading.anchor = anchor[2]!;
          heading.anchorSpan = lines.span(at, at + anchor[2]!.length);
        }
        summary.headings.push(heading);
        for (const child of node.children) inline(child as AnyNode, block);
        scanMarkers(node, block);
        return;
      }
      case 'paragraph': {
        const block = addBlock('paragraph', node);
        admonition('mkdocs', node, MKDOCS_BLOCK) ||
          admonition('docusaurus', node, DOCUSAURUS_BLOCK) ||
          admonition('mkdocs', node, MKDOCS_ADMONITION) ||
          hugoAlert(node);
        for (const child of node.children) inline(child as AnyNode, block);
        scanMarkers(node, block);
        return;
      }
      case 'blockquote': {
        const first = node.children[0] as AnyNode | undefined;
        if (first?.type === 'paragraph') {
          const start = first.position?.start.offset ?? 0;
          const end = first.position?.end.offset ?? start;
          const match = GFM_ALERT.exec(text.slice(start, end));
          if (match) {
            const at = start + match.index + match[0].indexOf(match[1]!);
            summary.admonitions.push({
              style: 'gfm',
              keyword: match[1]!,
              span: spanOf(node),
              keywordSpan: lines.span(at, at + match[1]!.length),
            });
          }
        }
        break;
      }
      case 'definition':
        summary.links.push({
          kind: 'definition',
          url: node.url,
          span: spanOf(node),
          urlSpan: urlSpan(node, node.url, ']:'),
          block: -1,
          text: node.label ?? node.identifier,
        });
        return;
      case 'html':
        summary.html.push({ value: node.value, span: spanOf(node) });
        if (!isMdx && componentParagraph(node)) return;
        // A block of HTML that links somewhere is a block of its own for link comparison, as a JSX component is.
        if (htmlLinkTargets(node.value).length > 0) {
          summary.blocks.push({ kind: 'paragraph', span: spanOf(node), prose: '' });
          htmlLinks(node, summary.blocks.length - 1);
        }
        return;
    }
    if ('children' in node) for (const child of node.children as AnyNode[]) walk(child);
  };

  walk(parsed.tree as Root as AnyNode);
  headingIds(summary.headings).forEach((id, index) => (summary.headings[index]!.id = id));
  summary.text = textParts.join('\n');
  const directives = fileDirectives(text);
  if (directives) summary.directives = directives;
  return summary;
}

/** Move every position of a re-parsed fragment by `delta`, no earlier than `floor`, so it points into the file. */
function shiftOffsets(node: AnyNode, delta: number, floor: number): void {
  const position = node.position;
  if (position) {
    if (position.start.offset !== undefined) position.start.offset = Math.max(floor, position.start.offset + delta);
    if (position.end.offset !== undefined) position.end.offset = Math.max(floor, position.end.offset + delta);
  }
  if ('children' in node) for (const child of node.children as AnyNode[]) shiftOffsets(child, delta, floor);
}

function dropLeadingZeroWidthSpace(node: AnyNode): void {
  if ('value' in node && typeof node.value === 'string' && node.value.startsWith('\u200b')) node.value = node.value.slice(1);
  else if ('children' in node && node.children.length > 0) dropLeadingZeroWidthSpace(node.children[0] as AnyNode);
}

function collectInlineCode(node: AnyNode): string[] {
  if (node.type === 'inlineCode') return [node.value];
  if ('children' in node) return (node.children as AnyNode[]).flatMap(collectInlineCode);
  return [];
}

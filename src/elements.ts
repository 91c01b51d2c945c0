/** Alignment of each kind of element between a reference and a translation, shared by the rules. */
import { alignBest, dice, type Pair } from './align.js';
import { normalizeCode, normalizeLang } from './code.js';
import { words } from './tokens.js';
import type { Block, CodeBlock, FileSummary, Span } from './types.js';

const codeWords = new WeakMap<CodeBlock, string[]>();
const rawWords = new WeakMap<CodeBlock, string[]>();

/** Words of the body as written: two languages reduce code differently, so blocks of two languages compare these. */
function rawTokensOf(block: CodeBlock): string[] {
  let tokens = rawWords.get(block);
  if (!tokens) {
    tokens = words(block.body);
    rawWords.set(block, tokens);
  }
  return tokens;
}

function tokensOf(block: CodeBlock): string[] {
  let tokens = codeWords.get(block);
  if (!tokens) {
    tokens = words(normalizeCode(block.body, block.lang, false).join('\n'));
    codeWords.set(block, tokens);
  }
  return tokens;
}

/**
 * How well two code blocks belong together: same language and a similar body score highest; a block whose language
 * changed pairs only when its body is clearly the same; two unlike blocks of one language pair only as a last resort
 * (a block rewritten in place), so a dropped block is one gap rather than a shifted run. Similarity counts twice
 * the bonus for pairing at all: otherwise one pair more (a dropped block taken for its look-alike neighbour, and each
 * later block shifted by one) outscores the true pairs of near copies.
 */
export function codeBlockScore(a: CodeBlock, b: CodeBlock): number {
  const similarity = dice(tokensOf(a), tokensOf(b));
  if (normalizeLang(a.lang) === normalizeLang(b.lang)) return similarity >= 0.3 ? 1 + 2 * similarity : 0.1;
  // `astro` rewritten as `jsx`, a language dropped by the translator: still the same block if the code is the same.
  const written = Math.max(similarity, dice(rawTokensOf(a), rawTokensOf(b)));
  return written >= 0.6 ? written : 0;
}

/** Code blocks paired in order, same language and similar code first (see `codeBlockScore`). */
export function alignCodeBlocks(reference: CodeBlock[], translation: CodeBlock[]): Pair<CodeBlock>[] {
  return alignBest(reference, translation, codeBlockScore, { strong: (a, b) => codeBlockScore(a, b) >= 2, ...places<CodeBlock>() });
}

/** Where elements sit in their copies, by line, for `alignBest` to break ties (translations mostly keep lines). */
export function places<T extends { span: Span }>(): { referencePlace: (item: T) => number; translationPlace: (item: T) => number } {
  const line = (item: T) => item.span.start.line;
  return { referencePlace: line, translationPlace: line };
}

/**
 * Whether a missing and an extra code block are one block moved: same language and nearly the same code. Config
 * blocks share much boilerplate (`import { defineConfig } …`), so only a near copy counts.
 */
export function sameCodeBlock(a: CodeBlock, b: CodeBlock): boolean {
  return normalizeLang(a.lang) === normalizeLang(b.lang) && dice(tokensOf(a), tokensOf(b)) >= 0.95;
}

/** "`json` code block" or "code block". */
export function describeCode(block: CodeBlock): string {
  return block.lang ? `\`${block.lang}\` code block` : 'code block';
}

/** The span of 1-based body line `line` of a code block. */
export function codeLineSpan(block: CodeBlock, line: number | undefined): Span | undefined {
  if (line === undefined) return undefined;
  const offsets = block.lineOffsets[line - 1];
  if (!offsets) return undefined;
  const lineNumber = (block.fenced ? block.bodySpan.start.line : block.span.start.line) + line - 1;
  return {
    start: { line: lineNumber, column: 1, offset: offsets[0] },
    end: { line: lineNumber, column: offsets[1] - offsets[0] + 1, offset: offsets[1] },
  };
}

/** Paragraph-level blocks that hold the given tokens, with their tokens, for block-by-block comparison. */
export interface TokenBlock {
  block: number;
  span: Span;
  tokens: string[];
}

/** Group `items` (inline code, links, markers) by their block, skipping table cells. */
export function tokenBlocks<T extends { block: number }>(
  summary: FileSummary,
  items: T[],
  token: (item: T) => string,
): TokenBlock[] {
  const byBlock = new Map<number, string[]>();
  for (const item of items) {
    const block: Block | undefined = summary.blocks[item.block];
    if (!block || block.kind === 'tableCell') continue;
    const list = byBlock.get(item.block) ?? [];
    list.push(token(item));
    byBlock.set(item.block, list);
  }
  return [...byBlock.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([block, tokens]) => ({ block, span: summary.blocks[block]!.span, tokens }));
}

/**
 * Blocks paired by the tokens they hold: alike blocks first (where several are alike, the one on the nearest line),
 * then, between those, equal runs of unlike blocks in order (paragraphs whose tokens all changed).
 */
export function alignTokenBlocks(reference: TokenBlock[], translation: TokenBlock[]): Pair<TokenBlock>[] {
  const score = (a: TokenBlock, b: TokenBlock) => {
    const similarity = dice(a.tokens, b.tokens);
    return similarity >= 0.6 ? 1 + similarity : similarity >= 0.25 ? similarity : 0;
  };
  return alignBest(reference, translation, score, {
    strong: (a, b) => dice(a.tokens, b.tokens) >= 0.6,
    leftovers: () => true,
    ...places<TokenBlock>(),
  });
}

/** Items of `reference` missing from `translation`, as a multiset difference. */
export function missing(reference: string[], translation: string[]): string[] {
  const counts = new Map<string, number>();
  for (const token of translation) counts.set(token, (counts.get(token) ?? 0) + 1);
  const out: string[] = [];
  for (const token of reference) {
    const count = counts.get(token) ?? 0;
    if (count > 0) counts.set(token, count - 1);
    else out.push(token);
  }
  return out;
}

/** What differs in one aligned pair of blocks: reference tokens gone from the translation, translation tokens added. */
export interface BlockDifference {
  reference?: TokenBlock;
  translation?: TokenBlock;
  gone: string[];
  added: string[];
}

/**
 * Per aligned pair, the tokens gone and added, leaving out tokens that only moved to another paragraph of the
 * translation (a paragraph split or merged by the translator, a sentence moved). A moved token is matched with the
 * nearest paragraph that has it to spare. `same` tells two different tokens that count as one (a translated string).
 */
export function blockDifferences(
  pairs: Pair<TokenBlock>[],
  same: (reference: string, translation: string) => boolean = () => false,
): BlockDifference[] {
  const diffs: BlockDifference[] = pairs.map((pair) => {
    const refTokens = pair.reference?.tokens ?? [];
    const trTokens = pair.translation?.tokens ?? [];
    let gone = missing(refTokens, trTokens);
    let added = missing(trTokens, refTokens);
    const kept: string[] = [];
    for (const token of gone) {
      const at = added.findIndex((candidate) => same(token, candidate));
      if (at === -1) kept.push(token);
      else added = added.filter((_, k) => k !== at);
    }
    gone = kept;
    return { reference: pair.reference, translation: pair.translation, gone, added };
  });
  diffs.forEach((diff, index) => {
    diff.gone = diff.gone.filter((token) => {
      let best = -1;
      let bestAt = -1;
      for (let k = 0; k < diffs.length; k++) {
        if (k === index) continue;
        const at = diffs[k]!.added.findIndex((candidate) => candidate === token || same(token, candidate));
        if (at === -1) continue;
        if (best === -1 || Math.abs(k - index) < Math.abs(best - index)) {
          best = k;
          bestAt = at;
        }
      }
      if (best === -1) return true;
      diffs[best]!.added.splice(bestAt, 1);
      return false;
    });
  });
  return diffs;
}

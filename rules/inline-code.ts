import { alignTokenBlocks, blockDifferences, tokenBlocks, type BlockDifference, type TokenBlock } from '../src/elements.js';
import { differs, quote, where } from '../src/messages.js';
import type { FileSummary, Rule, RuleContext, Span } from '../src/types.js';

/**
 * Inline code spans of the reference are missing or changed in the matching paragraph of the translation, or written
 * there without backticks.
 */
export const inlineCode: Rule = {
  id: 'inline-code',
  description: 'Inline code spans are kept as in the reference, paragraph by paragraph',
  fixable: false,
  defaultSeverity: 'warning',
  compare(context) {
    const { reference, translation, options } = context;
    const token = (item: { value: string }) => (options.translatablePlaceholders ? maskPlaceholders(item.value) : item.value);
    // A code named twice in a sentence may be named once in translation (`To `async` or not to `async``): compare sets.
    const refBlocks = distinct(tokenBlocks(reference, reference.inlineCode, token));
    const trBlocks = distinct(tokenBlocks(translation, translation.inlineCode, token));
    const same = (a: string, b: string) => translatedText(a, b) || localizedExample(a, b, translation.locale);
    const diffs = blockDifferences(alignTokenBlocks(refBlocks, trBlocks), same);
    // Needed only where a paragraph gained code; most pairs have none.
    let referenceCode: Set<string> | undefined;
    const isReferenceCode = (code: string) => (referenceCode ??= new Set(reference.inlineCode.map(token))).has(code);
    diffs.forEach(({ reference: ref, translation: tr, gone: allGone, added }, index) => {
      if (!ref || allGone.length === 0) return;
      // The translated block: the paired one, or for a paragraph that lost all its code, where it should be.
      const placed = tr ? undefined : placeBetween(reference, translation, ref.block, nearestPaired(diffs, index, -1), nearestPaired(diffs, index, 1));
      const block = tr?.block ?? placed?.block;
      if (block === undefined) return;
      const prose = translation.blocks[block]!.prose;
      // A placed paragraph is a guess: there, a word must match as written, not recapitalised (`pagefind`, "Pagefind").
      const inProse = writtenIn(prose);
      const unquoted = allGone.filter((token) => inProse(token, Boolean(tr)));
      if (unquoted.length) reportUnquoted(context, unquoted, translation.blocks[block]!.span, ref.span);
      // A plain word (`raise`, `dict`) is often translated as prose ("lanzas", 整數): reported only when asked for,
      // when the paragraph has another code word of the reference instead (`Badge` → `Icon`, not a recased one), or
      // when its paragraph is not there at all (the translation has fewer paragraphs at that place: a stale copy).
      const swaps = added.filter(isReferenceCode);
      const reported = (word: string) =>
        options.strictInlineCode ||
        !isPlainWord(word) ||
        placed?.complete === false ||
        swaps.some((t) => t.toLowerCase() !== word.toLowerCase());
      const gone = allGone.filter((word) => !unquoted.includes(word) && reported(word));
      if (gone.length === 0) return;
      if (!tr) {
        // A whole paragraph's code is gone: report it once, where that paragraph should be.
        const at = translation.blocks[block]!.span;
        context.report({
          message: `Inline code ${gone.map((t) => quote(t)).join(', ')} of ${where(reference, ref.span)} is missing`,
          subject: `Inline code ${gone.map((t) => quote(t)).join(', ')}`,
          span: { start: at.start, end: at.start },
          referenceSpan: ref.span,
          category: 'missing',
          key: `block:${ref.tokens.join('|')}`,
          expected: gone.join(' '),
          found: '(none)',
        });
        return;
      }
      const category = added.length ? 'changed' : 'missing';
      context.report(
        differs(context, 'Inline code', gone.join(' '), added.length ? added.join(' ') : undefined, tr.span, ref.span, {
          category,
          key: `${tr.block}:${gone.join('|')}`,
          message: `${added.length ? 'Inline code changed' : 'Inline code missing'}: expected ${gone.map((t) => quote(t)).join(', ')} as in ${where(reference, ref.span)}, found ${added.length ? added.map((t) => quote(t)).join(', ') : 'none'}`,
        }),
      );
    });
  },
};

/** Report spans whose text the translation has, but outside backticks. */
function reportUnquoted(context: RuleContext, tokens: string[], span: Span, referenceSpan: Span): void {
  const list = tokens.map((t) => quote(t)).join(', ');
  context.report({
    message: `Inline code ${list} of ${where(context.reference, referenceSpan)} is written without backticks`,
    subject: `Inline code ${list}`,
    span,
    referenceSpan,
    category: 'unquoted',
    key: `unquoted:${referenceSpan.start.line}:${tokens.join('|')}`,
    expected: tokens.join(' '),
    found: `${tokens.join(' ')} (without backticks)`,
  });
}

// One word: letters only, capitalised at most at its start, short. `raw_data`, `JSONResponse`, `x.y()`, `--flag`,
// `GET` and `q` are not plain words.
const PLAIN_WORD = /^\p{L}[\p{Ll}\p{Lo}\p{M}]{1,15}$/u;

// Literals are code in every language: one missing, or swapped for another, is drift.
const LITERALS = new Set(['true', 'false', 'null', 'none', 'nil', 'undefined', 'nan']);

/** A span that is one plain word (`raise`, `dict`, `Request`, `整数`), the kind translators write as prose. */
export function isPlainWord(token: string): boolean {
  return PLAIN_WORD.test(token) && !LITERALS.has(token.toLowerCase());
}

const QUOTES = /["'“”„‟«»‹›「」『』‘’‚]/g;
const ENCLOSING = `${QUOTES.source.slice(1, -1)}()（）`;
const WORD_EDGE = /[\p{Script=Latin}\p{N}_]/u;

/**
 * The span's text is in the translated paragraph's prose, outside backticks: `"items"` written „items“, `with` written
 * „with“ or `with를`. Quote marks count as any kind.
 */
export function writtenWithoutBackticks(token: string, prose: string, recased = true): boolean {
  return writtenIn(prose)(token, recased);
}

/** `writtenWithoutBackticks` for the spans of one paragraph: its prose is unquoted once, when a word is looked for. */
function writtenIn(prose: string): (token: string, recased: boolean) => boolean {
  let text: string | undefined;
  return (token, recased) => {
    const bare = unquote(token);
    // Each pattern below matches the text itself: where it is absent (most gone spans), the costly RegExp is not built.
    if (!/[\p{L}\p{N}]/u.test(bare)) {
      // Punctuation (`"*"`, `---`) is everywhere in prose: it counts only between quote marks or brackets.
      return bare !== '' && prose.includes(bare) && new RegExp(`[${ENCLOSING}]\\s*${escape(bare)}\\s*[${ENCLOSING}]`).test(prose);
    }
    text ??= unquote(prose);
    // A word may gain a capital (German nouns, a sentence's start): `scopes` → „Scopes“.
    const capitalised = recased && isPlainWord(bare) ? bare[0]!.toUpperCase() + bare.slice(1) : undefined;
    if (!text.includes(bare) && (capitalised === undefined || !text.includes(capitalised))) return false;
    return wordPattern(bare, capitalised).test(text);
  };
}

// Compiled once per pattern: a span missing from one translation is often missing from the others too.
const wordPatterns = new Map<string, RegExp>();

/** `bare` (or its capitalised form) as a whole word: not inside a longer Latin word or number. */
function wordPattern(bare: string, capitalised: string | undefined): RegExp {
  const start = WORD_EDGE.test(bare[0]!) ? '(?<![\\p{Script=Latin}\\p{N}_])' : '';
  const end = WORD_EDGE.test(bare.at(-1)!) ? '(?![\\p{Script=Latin}\\p{N}_])' : '';
  const word = capitalised !== undefined ? `(?:${escape(bare)}|${escape(capitalised)})` : escape(bare);
  const source = `${start}${word}${end}`;
  let pattern = wordPatterns.get(source);
  if (!pattern) {
    // Bounded for a long-lived process that lints many trees through the library.
    if (wordPatterns.size >= 10_000) wordPatterns.clear();
    pattern = new RegExp(source, 'u');
    wordPatterns.set(source, pattern);
  }
  return pattern;
}

/** Quote marks of any kind become spaces, runs of spaces one: `"tax": 20.2` and « tax »: 20.2 read alike. */
function unquote(text: string): string {
  return text.replace(QUOTES, ' ').replace(/\s+/g, ' ').replace(/ (?=[:,;.)])/g, '').trim();
}

function distinct(blocks: TokenBlock[]): TokenBlock[] {
  return blocks.map((block) => ({ ...block, tokens: [...new Set(block.tokens)] }));
}

/** The nearest difference before (`step` -1) or after (1) `index` whose paragraphs are paired. */
function nearestPaired(diffs: BlockDifference[], index: number, step: -1 | 1): BlockDifference | undefined {
  for (let k = index + step; k >= 0 && k < diffs.length; k += step) {
    if (diffs[k]!.reference && diffs[k]!.translation) return diffs[k];
  }
  return undefined;
}

/**
 * An example locale replaced by the translation's own, as translators of i18n guides do: `ar/index.md` → `ru/index.md`,
 * `/en/about` → `/ru/about`.
 */
function localizedExample(reference: string, translation: string, locale: string): boolean {
  const own = localeCode(locale);
  if (!own.test(translation)) return false;
  const pattern = translation.split(own).map(escape).join('[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?');
  return new RegExp(`^${pattern}$`, 'i').test(reference);
}

const localeCodes = new Map<string, RegExp>();

/** The locale's code or its language's (`pt-br`, `pt`) as a word, compiled once per locale. */
function localeCode(locale: string): RegExp {
  let own = localeCodes.get(locale);
  if (!own) {
    const code = locale.toLowerCase();
    const names = [...new Set([code, code.split(/[-_]/)[0]!])].sort((a, b) => b.length - a.length).map(escape);
    // Not global, so that a shared RegExp keeps no lastIndex between tests; split() finds every match regardless.
    own = new RegExp(`(?<![\\p{L}])(?:${names.join('|')})(?![\\p{L}])`, 'iu');
    localeCodes.set(locale, own);
  }
  return own;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `tar -xf {{path/to/file}}` → `tar -xf {{…}}`: placeholder text may be translated. Option choices such as
 * `{{[-o|--output]}}` are not translated and are kept, so examples that differ only in options stay apart.
 */
function maskPlaceholders(value: string): string {
  return value.includes('{{') ? value.replace(/\{\{(?!\[)[^{}]*\}\}/g, '{{…}}') : value;
}

// String literals, the text between HTML tags, and `<address of your backend>` or `[country code]` stand-ins (not tags).
const TEXT = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|>[^<>]+<|<\p{L}[^<>=/]*\s[^<>=/]*>|<[\p{Lu}_]{2,}>|<\p{Ll}+(?:-\p{Ll}+)+>|\[\p{L}[^[\]]*\]/gu;
const PROSE = /^[\p{L}\p{M}'’]+(?: (?:[|·–—-] )?[\p{L}\p{M}'’]+)+$/u;

/**
 * Two spans that differ only in text meant for readers: a string literal (`logger.info("Message")`), the text of an
 * HTML element (`<p>I have 11 pairs of boots</p>`) or a stand-in (`<address for your backend>`), translated.
 * Identifier-like literals (`'static'`) must stay.
 */
function translatedText(reference: string, translation: string): boolean {
  // A span that is only words (`Log record`) is a term set in code style, and may be translated like the sentence.
  if (PROSE.test(reference) && /^[\p{L}\p{M}'’ |·–—-]+$/u.test(translation)) return true;
  const refTexts = reference.match(TEXT) ?? [];
  const trTexts = translation.match(TEXT) ?? [];
  if (refTexts.length === 0 || refTexts.length !== trTexts.length) return false;
  if (reference.replace(TEXT, '\u0000') !== translation.replace(TEXT, '\u0000')) return false;
  return refTexts.every((text, k) => textTranslated(text, trTexts[k]!));
}

/**
 * One string or element text of the reference, translated: a phrase may be, but a quoted program (`'{print $5}'`) only
 * in its own display strings (`awk '{print "Total"}'`).
 */
function textTranslated(reference: string, translation: string): boolean {
  if (reference === translation) return true;
  const inner = reference.slice(1, -1);
  // A tldr placeholder (`"water flowers due:{{…}}"`) does not make a phrase a program.
  if (/^['"]/.test(reference) && PROGRAM.test(inner.replace(/\{\{…\}\}/g, ''))) return translatedText(inner, translation.slice(1, -1));
  return isProse(inner, translation.slice(1, -1));
}

// Characters of a program, not of a sentence: `'{print $5}'`, `'.[] | .name'` (escapes and printf formats are text).
const PROGRAM = /[{}$=;|<>()[\]`]/;

/** Text a translator is meant to translate: a phrase, a capitalised word, or a translation in another script. */
function isProse(reference: string, translation: string): boolean {
  return /\S\s+\S/.test(reference) || /^\p{Lu}\p{Ll}+$/u.test(reference) || /[^\x00-\x7f]/.test(translation);
}

type Anchor = { reference?: { block: number }; translation?: { block: number } } | undefined;

/**
 * Where a paragraph that lost all its code most likely sits in the translation: the translated block at the same
 * relative place between the nearest paired paragraphs before and after it. `complete` tells whether the translation
 * has as many blocks there as the reference, so that the paragraph is likely there, its code written as prose.
 */
function placeBetween(
  reference: FileSummary,
  translation: FileSummary,
  referenceBlock: number,
  before: Anchor,
  after: Anchor,
): { block: number; complete: boolean } | undefined {
  const blocks = translation.blocks;
  if (blocks.length === 0) return undefined;
  const low = before?.translation?.block ?? -1;
  const high = after?.translation?.block ?? blocks.length;
  const refLow = before?.reference?.block ?? -1;
  const refHigh = after?.reference?.block ?? referenceBlock + (high - low);
  const ratio = refHigh > refLow ? (referenceBlock - refLow) / (refHigh - refLow) : 0.5;
  const target = Math.min(Math.max(low + Math.round(ratio * (high - low)), low + 1), high - 1);
  const referenceGap = (after?.reference?.block ?? reference.blocks.length) - refLow;
  return { block: Math.min(Math.max(target, 0), blocks.length - 1), complete: high - low >= referenceGap };
}

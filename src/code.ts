/** Compare two code block bodies and say how they differ, leaving translated comments and display text alone. */
import stringify from 'fast-json-stable-stringify';
import { align, dice, type Pair } from './align.js';
import { codeLines, langKey, type CodeLine, type DisplayText } from './code-lines.js';
import { header, isDisplayString, placeholders, textTokens, urls, words } from './tokens.js';

/** Canonical language name for comparison: lower case, common aliases folded. */
export function normalizeLang(lang: string): string {
  const lower = lang.trim().toLowerCase();
  const aliases: Record<string, string> = { shell: 'sh', bash: 'sh', zsh: 'sh', yml: 'yaml', js: 'javascript',
    ts: 'typescript', py: 'python', rb: 'ruby', 'c++': 'cpp', golang: 'go', md: 'markdown', rs: 'rust' };
  return aliases[lower] ?? lower;
}

/**
 * Reduce a code body to what must not be translated: comments removed, display text reduced to the placeholders it
 * holds, blank lines dropped. Identical results mean no drift.
 */
export function normalizeCode(body: string, lang: string, strict: boolean): string[] {
  return codeLines(body, lang, strict).map((line) => reduced(line));
}

function reduced(line: CodeLine): string {
  let k = 0;
  return line.code.replace(/⟨⟩|⟦⟧/g, () => `⟨${placeholders(line.texts[k++]!.text).join(' ')}⟩`);
}

export interface CodeDifference {
  category: string;
  /** 1-based line numbers inside the body of each copy. */
  referenceLine?: number;
  translationLine?: number;
  expected: string;
  found: string;
  /** Set when the differences of a whole block were collapsed into this one: how many lines (or JSON values) differ. */
  count?: number;
  /** The category of the first difference, when several were collapsed into this one. */
  firstCategory?: string;
}

export interface CodeComparison {
  equal: boolean;
  differences: CodeDifference[];
}

/** More differing lines than this in one block are reported once, at the block: a stale copy, not many mistakes. */
export const COLLAPSE_AFTER = 3;

/** How to compare: the info string's meta, and how to make a link path locale-neutral in each copy. */
export interface CodeCompareOptions {
  meta?: string;
  /** Locale-neutral form of a path or URL as written in the reference copy. */
  neutralReference?: (url: string) => string;
  /** Locale-neutral form of a path or URL as written in the translation. */
  neutralTranslation?: (url: string) => string;
  /** The locales of the two copies: a value naming a copy's own locale (`en-us`, `fr-fr`) may differ. */
  locales?: [string, string];
}

interface Texts {
  strict: boolean;
  neutral: [(url: string) => string, (url: string) => string];
}

const MARKUP_FLOW = ['html', 'xhtml', 'astro', 'vue', 'svelte', 'jsx', 'tsx', 'mdx', 'md', 'markdown', 'markdoc', 'xml'];

/** Compare the bodies of two code blocks in language `lang`. */
export function compareCode(reference: string, translation: string, lang: string, strict: boolean, options: CodeCompareOptions = {}): CodeComparison {
  if (reference === translation) return { equal: true, differences: [] };
  const key = normalizeLang(langKey(lang));
  const [referenceLocale, translationLocale] = options.locales ?? ['', ''];
  const texts: Texts = {
    strict,
    neutral: [neutralizer(options.neutralReference, referenceLocale), neutralizer(options.neutralTranslation, translationLocale)],
  };
  const json = key === 'json' || key === 'jsonc' || key === 'json5' ? compareJson(reference, translation, texts) : undefined;
  if (json) return { equal: json.length === 0, differences: collapse(json) };
  const referenceLines = codeLines(reference, lang, strict, options.meta);
  const translationLines = codeLines(translation, lang, strict, options.meta);
  // Markup text reflowed over other lines (a translated paragraph is longer) is the same markup.
  if (!strict && MARKUP_FLOW.includes(langKey(lang)) && sameFlow(referenceLines, translationLines, texts)) return { equal: true, differences: [] };
  const differences = compareLines(referenceLines, translationLines, texts, MARKUP_FLOW.includes(langKey(lang)));
  return { equal: differences.length === 0, differences: collapse(differences) };
}

/** Locale-neutral form of a value: locale path segments (by `neutral`) and codes of `locale` itself set aside. */
function neutralizer(neutral: ((url: string) => string) | undefined, locale: string): (value: string) => string {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  const code = language ? new RegExp(`(?<![\\w-])${language}(?:[-_][a-z]{2,4})?(?![\\w-])`, 'gi') : undefined;
  return (value) => {
    const path = neutral ? neutral(value) : value;
    return code && !/\s/.test(path) ? path.replace(code, '⟪locale⟫') : path;
  };
}

/** The lines joined into one stream, whitespace and line breaks aside. */
function flow(lines: CodeLine[]): CodeLine {
  const code = lines.map((line) => line.code).join('').replace(/\s+/g, '');
  return { line: 1, code, texts: lines.flatMap((line) => line.texts), shown: '' };
}

function sameFlow(reference: CodeLine[], translation: CodeLine[], texts: Texts): boolean {
  return sameLine(flow(reference), flow(translation), texts);
}

function compareLines(referenceLines: CodeLine[], translationLines: CodeLine[], texts: Texts, markup: boolean): CodeDifference[] {
  const same = (a: CodeLine, b: CodeLine) => sameLine(a, b, texts);
  const similar = (a: CodeLine, b: CodeLine) => dice(words(a.code), words(b.code)) >= 0.4;
  const differences: CodeDifference[] = [];
  // Runs of lines that differ, between lines that match.
  const hunks: Array<Array<Pair<CodeLine>>> = [[]];
  for (const pair of align(referenceLines, translationLines, same, similar)) {
    if (pair.reference && pair.translation && same(pair.reference, pair.translation)) hunks.push([]);
    else hunks[hunks.length - 1]!.push(pair);
  }
  for (const hunk of hunks.filter((run) => run.length > 0)) {
    const refs = hunk.flatMap((pair) => (pair.reference ? [pair.reference] : []));
    const trs = hunk.flatMap((pair) => (pair.translation ? [pair.translation] : []));
    // The same code wrapped over other lines (a translated text is longer): nothing in markup, one change elsewhere.
    if (refs.length > 0 && trs.length > 0 && refs.length !== trs.length && sameLine(flow(refs), flow(trs), texts)) {
      if (!markup) {
        const lines = (list: CodeLine[]) => list.map((line) => line.shown.trim()).join(' ⏎ ');
        differences.push({ category: 'whitespace', referenceLine: refs[0]!.line, translationLine: trs[0]!.line, expected: lines(refs), found: lines(trs) });
      }
      continue;
    }
    for (const { reference, translation } of hunk) differences.push(...lineDifference(reference, translation, texts));
  }
  return differences;
}

function lineDifference(reference: CodeLine | undefined, translation: CodeLine | undefined, texts: Texts): CodeDifference[] {
  const at = { referenceLine: reference?.line, translationLine: translation?.line };
  // A line of prose only (Markdown text in an example, text between tags) may be added or dropped by a translator.
  if (!reference) return proseOnly(translation!) ? [] : [{ category: 'line-added', ...at, expected: '', found: translation!.shown.trim() }];
  if (!translation) return proseOnly(reference) ? [] : [{ category: 'line-missing', ...at, expected: reference.shown.trim(), found: '' }];
  // Only the spacing of the code differs (its texts may be translated): a whitespace change.
  const spacingOnly = sameLine({ ...reference, code: squash(reference.code) }, { ...translation, code: squash(translation.code) }, texts);
  return [{ ...classifyLine(reference.shown, translation.shown, spacingOnly), ...at }];
}

function proseOnly(line: CodeLine): boolean {
  return line.code.includes('⟦⟧') && /^[-*+>#\d.)\s]*$/.test(line.code.replace(/⟦⟧/g, ''));
}

/**
 * Two lines match when their code is the same and each string literal is the same or a translation. Labels (markup
 * text, diagram labels, prose) may be moved, split or dropped by a translation: only the tokens they hold together
 * must match.
 */
function sameLine(a: CodeLine, b: CodeLine, texts: Texts): boolean {
  if (texts.strict) return a.code === b.code;
  const withoutLabels = (line: CodeLine) => line.code.replace(/\s*⟦⟧\s*/g, '⟦⟧').replace(/(⟦⟧)+/g, '');
  if (withoutLabels(a) !== withoutLabels(b)) return translatedOutput(a.shown, b.shown, texts);
  const strings = (line: CodeLine) => line.texts.filter((text) => text.kind === 'string');
  const labels = (line: CodeLine) => line.texts.filter((text) => text.kind === 'label').map((text) => text.text).join(' ');
  const [aStrings, bStrings] = [strings(a), strings(b)];
  if (aStrings.length !== bStrings.length) return false;
  if (!aStrings.every((text, index) => translated(text, bStrings[index]!, false, texts.neutral))) return false;
  const [aLabels, bLabels] = [labels(a), labels(b)];
  return aLabels === bLabels || translated({ text: aLabels, kind: 'label' }, { text: bLabels, kind: 'label' }, false, texts.neutral);
}

const URL_LIKE = /\b[a-z][\w+.-]*:\/\/\S+/gi;

/** `YOUR_API_KEY`, `DATOCMS_TOKEN`: an upper-case placeholder name, which readers search for and replace as written. */
const PLACEHOLDER_NAME = /^[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+$/;

/**
 * A line written in another script that keeps every symbol of the other line (console output, a log message
 * outside quotes): `[plugin] Starting…` and `[plugin] Запуск…`. Only words changed, and the tokens that must survive
 * are still there.
 */
function translatedOutput(reference: string, translation: string, texts: Texts): boolean {
  // One side in another script (the reference may be the translated one, as in Ant Design's zh-CN source), or two
  // lines in Latin script that share few words, such as server output translated into Spanish.
  const words = (line: string) => line.toLowerCase().match(/\p{L}{2,}/gu) ?? [];
  const otherScript = hasNonAscii(translation) !== hasNonAscii(reference);
  const sentence = (line: string) => /^\s*\p{Lu}/u.test(line) && !/[=(){}[\];<>$|&]/.test(line.replace(URL_LIKE, ' '));
  if (!otherScript && !(sentence(reference) && sentence(translation) && words(reference).length >= 3 && orderedSimilarity(words(reference), words(translation)) < 0.4)) {
    return false;
  }
  const skeleton = (line: string) => line.replace(/[\p{L}\p{M}]+/gu, '').replace(/[\s…。，、！？：；.,!?:;'"`]/g, '');
  if (skeleton(reference) !== skeleton(translation)) return false;
  const tokens = (line: string, side: 0 | 1) => textTokens(line).map((token) => texts.neutral[side](token)).join(' ');
  return tokens(reference, 0) === tokens(translation, 1);
}

/**
 * Whether display text `b` may be a translation of `a`: the tokens that must survive (placeholders, URLs, paths,
 * version numbers) are the same, and neither reads as a value (an identifier, a path, a header) rather than as words.
 */
export function translated(
  a: DisplayText,
  b: DisplayText,
  strict: boolean,
  neutral: [(url: string) => string, (url: string) => string] = [(url) => url, (url) => url],
): boolean {
  if (a.text === b.text) return true;
  if (strict) return false;
  // A locale code, or a path with a locale segment, written for each copy's own locale: `en` and `ko`.
  if (!/\s/.test(a.text) && neutral[0](a.text) === neutral[1](b.text) && neutral[0](a.text) !== a.text) return true;
  // `"https://<username>.gitlab.io"`: a blank for the reader inside a value, worded for people; the rest must match.
  if (withoutBlanks(a.text) === withoutBlanks(b.text) && withoutBlanks(a.text) !== a.text) return true;
  // A placeholder name is code even inside a string: `"YOUR_API_KEY"` translated is a renamed placeholder.
  if (PLACEHOLDER_NAME.test(a.text.trim()) || PLACEHOLDER_NAME.test(b.text.trim())) return false;
  const tokens = (text: string, side: 0 | 1) => textTokens(text).map((token) => neutral[side](token)).sort().join(' ');
  // A link path or URL that differs only by its locale segment: `/guides/` and `/ko/guides/`.
  if (isValue(a.text) || isValue(b.text)) return isValue(a.text) && isValue(b.text) && neutral[0](a.text) === neutral[1](b.text);
  // The same tokens, as written or once made locale-neutral (a link kept in English is fine too).
  if (tokens(a.text, 0) !== tokens(b.text, 1) && textTokens(a.text).join(' ') !== textTokens(b.text).join(' ')) return false;
  if (a.kind === 'label' || b.kind === 'label') return true;
  // `<most-recent-commit-hash>` and its translation: a blank for the reader, worded for people.
  const angleBlank = (text: string) => /^<[^<>]*[\p{Ll}\s-][^<>]*>$/u.test(text.trim()) && !HTML_TAG.test(text.trim());
  if (angleBlank(a.text) && angleBlank(b.text)) return true;
  // A single word translated by a phrase (`setbacks`, `battute d'arresto`) is words, not a renamed value.
  const plain = (text: string) => text.replace(/\$\{[^{}]*\}/g, ' ').trim();
  const word = (text: string) => /^\p{Ll}+$/u.test(plain(text));
  const phrase = (text: string) => /\s/.test(plain(text)) && isDisplayString(plain(text));
  if ((word(a.text) && phrase(b.text)) || (phrase(a.text) && word(b.text))) return true;
  // Words in another script: a translation, even of a one-word key such as a tab `syncKey`.
  if (hasNonAscii(a.text) || hasNonAscii(b.text)) return isDisplayString(a.text) || isDisplayString(b.text);
  if (!isDisplayString(a.text) || !isDisplayString(b.text)) return false;
  // Two English-looking strings that share most words in the same order were edited, not translated.
  const letters = (text: string) => text.replace(/<[^<>]*>/g, ' ').toLowerCase().match(/\p{L}+/gu) ?? [];
  // Sentences (capitalised) share names and loanwords with their translation more often than commands do.
  const sentences = /^\p{Lu}/u.test(a.text.trim()) && /^\p{Lu}/u.test(b.text.trim());
  // Markup alone (`"<div>"`) holds no words to translate.
  if (letters(a.text).length === 0 || letters(b.text).length === 0) return false;
  return orderedSimilarity(letters(a.text), letters(b.text)) < (sentences ? 0.75 : 0.6);
}

/** `<div>`: an HTML element, which is markup rather than a `<word>` blank. */
const HTML_TAG = new RegExp(`^</?(${['html', 'head', 'body', 'div', 'span', 'p', 'a', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'thead',
  'tbody', 'img', 'br', 'hr', 'h[1-6]', 'script', 'style', 'link', 'meta', 'button', 'input', 'form', 'label', 'select', 'option',
  'textarea', 'section', 'article', 'header', 'footer', 'nav', 'main', 'aside', 'code', 'pre', 'em', 'strong', 'b', 'i', 'u',
  'small', 'slot', 'template', 'svg', 'path', 'iframe', 'video', 'audio', 'source', 'picture', 'figure', 'details', 'summary',
  'dialog', 'title', 'body'].join('|')})>$`, 'i');

/** `<your-otlp-endpoint>`, `<你的分支名>`: words between angle brackets (not an upper-case `<PROJECT>`, not a tag). */
const ANGLE_BLANK = /<(\p{L}[\p{L}\p{N}_\s-]*)>/gu;

function withoutBlanks(text: string): string {
  return text.replace(ANGLE_BLANK, (whole, words: string) =>
    (/\p{Ll}/u.test(words) && /[-_\s]/.test(words)) || /[^\p{ASCII}]/u.test(words) ? '<…>' : whole,
  );
}

/** A path, URL, file name or package name: a value, never translated. */
function isValue(text: string): boolean {
  return !/\s/.test(text.trim()) && /^(\.{0,2}\/|[a-z][\w+.-]*:\/\/|@[\w-]+\/)|\.[a-z0-9]{1,5}$/i.test(text.trim());
}

function hasNonAscii(text: string): boolean {
  return /[^\p{ASCII}]/u.test(text) && /\p{L}/u.test(text.replace(/\p{ASCII}/gu, ''));
}

/** Longest common subsequence of two word lists, relative to their mean length. */
function orderedSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const row = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = word === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return (2 * row[b.length]!) / (a.length + b.length);
}

/** A block with more than COLLAPSE_AFTER differences becomes one difference that counts them and shows the first. */
function collapse(differences: CodeDifference[]): CodeDifference[] {
  if (differences.length <= COLLAPSE_AFTER) return differences;
  const first = differences[0]!;
  const categories = new Set(differences.map((difference) => difference.category));
  const category = categories.size === 1 ? first.category : 'changed';
  return [{ ...first, category, count: differences.length, firstCategory: first.category }];
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function classifyLine(reference: string, translation: string, spacingOnly: boolean): Omit<CodeDifference, 'referenceLine' | 'translationLine'> {
  // A change of spacing only is whitespace, or header spacing, never a renamed placeholder: `{ a }` is `{a}`.
  const refHolders = placeholders(reference);
  const trHolders = placeholders(translation);
  if (!spacingOnly && refHolders.join(' ') !== trHolders.join(' ')) {
    const expected = refHolders.filter((p) => !trHolders.includes(p));
    const found = trHolders.filter((p) => !refHolders.includes(p));
    if (expected.length > 0 || found.length > 0) {
      return { category: 'placeholder-renamed', expected: expected.join(' ') || '(none)', found: found.join(' ') || '(none)' };
    }
  }
  const refHeader = header(reference);
  const trHeader = header(translation);
  if (refHeader && trHeader) {
    const show = (h: typeof refHeader) => `${h.name}${h.before}:${h.after}${h.value}`;
    if (refHeader.name.toLowerCase() !== trHeader.name.toLowerCase()) {
      return { category: 'header-renamed', expected: show(refHeader), found: show(trHeader) };
    }
    if (refHeader.before !== trHeader.before || (refHeader.after === '') !== (trHeader.after === '')) {
      return { category: 'header-spacing', expected: show(refHeader), found: show(trHeader) };
    }
  }
  if (spacingOnly) {
    // Indentation alone: make the leading whitespace visible, or the message shows two equal lines.
    const visible = (line: string) => line.replace(/^\s+/, (lead) => lead.replace(/\t/g, '⇥').replace(/ /g, '·'));
    const lead = (line: string) => /^\s*/.exec(line)![0];
    const indentOnly = lead(reference) !== lead(translation);
    return {
      category: 'whitespace',
      expected: indentOnly ? visible(reference.trimEnd()) : reference.trim(),
      found: indentOnly ? visible(translation.trimEnd()) : translation.trim(),
    };
  }
  const refUrls = urls(reference);
  const trUrls = urls(translation);
  if (refUrls.join(' ') !== trUrls.join(' ')) {
    return { category: 'url-changed', expected: refUrls.join(' ') || '(none)', found: trUrls.join(' ') || '(none)' };
  }
  return { category: 'changed', expected: reference.trim(), found: translation.trim() };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** JSON bodies compare as data (key order and layout aside); undefined when the reference is not JSON. */
function compareJson(reference: string, translation: string, texts: Texts): CodeDifference[] | undefined {
  const ref = parseJson(reference);
  if (!ref.ok) return undefined;
  const tr = parseJson(translation);
  if (!tr.ok) return [{ category: 'invalid-json', expected: 'valid JSON', found: 'JSON that does not parse' }];
  if (stringify(ref.value) === stringify(tr.value)) return [];
  const differences: CodeDifference[] = [];
  diffJson(ref.value, tr.value, '', texts, differences);
  return differences;
}

function diffJson(a: unknown, b: unknown, path: string, texts: Texts, out: CodeDifference[]): void {
  const show = (value: unknown) => JSON.stringify(value);
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      const length = Math.max(a.length, b.length);
      for (let i = 0; i < length; i++) diffJson(a[i], b[i], `${path}[${i}]`, texts, out);
      return;
    }
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    for (const key of Object.keys(left)) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in right)) out.push({ category: 'json-key', expected: at, found: '(missing)' });
      else diffJson(left[key], right[key], at, texts, out);
    }
    for (const key of Object.keys(right)) {
      if (!(key in left)) out.push({ category: 'json-key', expected: '(none)', found: path ? `${path}.${key}` : key });
    }
    return;
  }
  if (stringify(a) === stringify(b)) return;
  if (typeof a === 'string' && typeof b === 'string' && translated({ text: a, kind: 'string' }, { text: b, kind: 'string' }, texts.strict, texts.neutral)) return;
  const category =
    typeof a === 'string' && typeof b === 'string' && placeholders(a).join(' ') !== placeholders(b).join(' ')
      ? 'placeholder-renamed'
      : 'json-value';
  out.push({ category, expected: `${path || '(root)'}: ${show(a)}`, found: `${path || '(root)'}: ${show(b)}` });
}

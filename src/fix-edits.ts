/**
 * Build the fixes rules attach to their reports for code block bodies and front matter: the smallest edit that takes
 * the reference's value, in offsets of the translation's decoded text. Each returns undefined when no edit is safe
 * (the drifted line holds translated text, or positions cannot be told), leaving the finding to a person.
 */
import { posix } from 'node:path';
import { normalizeCode } from './code.js';
import { isLocaleCode } from './discover.js';
import { missing } from './elements.js';
import { neutralUrl } from './localize.js';
import type { CodeDifference } from './code.js';
import { dice } from './align.js';
import { header, isProse, placeholders, words } from './tokens.js';
import type { CodeBlock, Fix, FrontMatter, FrontMatterEntry, Point } from './types.js';

const PLACEHOLDER = /\{\{[^{}\n]+\}\}|\{[A-Za-z_][\w.-]*\}|<[A-Z][A-Z0-9_-]*>|\$\{[A-Za-z_]\w*\}|\$[A-Z_][A-Z0-9_]*|%(?:\d+\$)?[sdif]/g;
const PLACEHOLDER_CATEGORIES = new Set(['placeholder-renamed']);
const WHOLE_LINE_CATEGORIES = new Set(['changed', 'whitespace', 'header-renamed', 'url-changed']);

/** Where body line `index` (0-based) of a code block starts in the file, and the raw line; undefined if unknown. */
function bodyLine(block: CodeBlock, index: number): { start: number; end: number; raw: string } | undefined {
  const raw = block.body.split(/\r?\n/)[index];
  const offsets = block.lineOffsets[index];
  if (raw === undefined || !offsets) return undefined;
  // A container prefix (`> `, list indentation) sits before the body text on the file line.
  const prefix = offsets[1] - offsets[0] - raw.length;
  if (prefix < 0) return undefined;
  return { start: offsets[0] + prefix, end: offsets[1], raw };
}

/** True when a line holds only code: no comment and no display text that translators may change. */
function onlyCode(line: string, lang: string): boolean {
  return normalizeCode(line, lang, false).join('\n').trim() === line.trim();
}

/** The fix for one difference the code comparison found between two code block bodies. */
export function codeDifferenceFix(reference: CodeBlock, translation: CodeBlock, difference: CodeDifference, all: CodeDifference[] = [difference]): Fix[] | undefined {
  // Adding or removing a line is only safe when it is the block's one difference: otherwise the alignment of lines
  // is a guess, and a guess that moves braces or tags breaks the code.
  if (difference.category === 'line-missing') return all.length === 1 ? missingLineFix(reference, translation, difference) : undefined;
  if (difference.category === 'line-added') return all.length === 1 ? addedLineFix(translation, difference) : undefined;
  // A block that differs in many lines was rewritten, not drifted line by line: a person should look.
  const lines = reference.body.split(/\r?\n/).length;
  if (all.length > Math.max(3, lines / 4)) return undefined;
  if (difference.translationLine === undefined || difference.referenceLine === undefined) {
    return difference.category === 'json-value' || difference.category === 'placeholder-renamed' ? jsonValueFix(translation, difference) : undefined;
  }
  const tr = bodyLine(translation, difference.translationLine - 1);
  const ref = reference.body.split(/\r?\n/)[difference.referenceLine - 1];
  if (!tr || ref === undefined) return undefined;
  if (PLACEHOLDER_CATEGORIES.has(difference.category)) {
    // Compare the placeholders of the code alone (comments dropped); a trailing comment keeps its own.
    const wanted = placeholders(normalizeCode(ref, reference.lang, false).join('\n'));
    const current = placeholders(normalizeCode(tr.raw, translation.lang, false).join('\n'));
    const found = [...tr.raw.matchAll(PLACEHOLDER)].slice(0, current.length);
    if (current.length !== wanted.length || current.length === 0 || found.some((match, i) => match[0] !== current[i])) return undefined;
    const fixes = found.flatMap((match, i) =>
      match[0] === wanted[i] ? [] : [{ range: [tr.start + match.index, tr.start + match.index + match[0].length] as [number, number], text: wanted[i]! }],
    );
    return fixes.length ? fixes : undefined;
  }
  if (difference.category === 'header-spacing') {
    const want = header(ref);
    const have = header(tr.raw);
    if (!want || !have) return undefined;
    const written = `${have.name}${have.before}:${have.after}`;
    const at = tr.raw.indexOf(written);
    if (at === -1) return undefined;
    return [{ range: [tr.start + at, tr.start + at + written.length], text: `${have.name}${want.before}:${want.after}` }];
  }
  // A line indented differently is often part of a block shifted as a whole: re-indenting lines one by one would
  // leave the block inconsistent (and break Python), so indentation is left to a person.
  if (tr.raw.trim() === ref.trim()) return undefined;
  // A change only inside string literals may be display text (`${title} (Neu)`): left to a person.
  const outsideStrings = (line: string) => line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '$1$1');
  if (difference.category === 'changed' && outsideStrings(tr.raw) === outsideStrings(ref)) return undefined;
  // Lines paired by the comparison but hardly alike were not drifted one into the other.
  if (dice(words(ref), words(tr.raw)) < 0.5) return undefined;
  if (WHOLE_LINE_CATEGORIES.has(difference.category) && onlyCode(tr.raw, translation.lang) && onlyCode(ref, reference.lang) && !translatedWords(ref, tr.raw)) {
    // The translation's indentation stays: the block around the line keeps its own.
    // (Only when both lines start alike: in a diff, the `+` before the indentation is code.)
    const indent = tr.raw.trimStart()[0] === ref.trimStart()[0] ? tr.raw.length - tr.raw.trimStart().length : 0;
    return [{ range: [tr.start + indent, tr.end], text: indent ? ref.trimStart() : ref }];
  }
  return undefined;
}

/** A line's code, comments and display text taken out: what the comparison sees of it. */
function codeOf(line: string, lang: string): string {
  return normalizeCode(line, lang, false).join('\n').trim();
}

/** Put back a code-only line the translation lacks, after the line matching the one before it in the reference. */
function missingLineFix(reference: CodeBlock, translation: CodeBlock, difference: CodeDifference): Fix[] | undefined {
  if (difference.referenceLine === undefined) return undefined;
  const refLines = reference.body.split(/\r?\n/);
  const index = difference.referenceLine - 1;
  const line = refLines[index];
  if (line === undefined || codeOf(line, reference.lang) !== difference.expected || !onlyCode(line, reference.lang)) return undefined;
  const trKeys = translation.body.split(/\r?\n/).map((raw) => codeOf(raw, translation.lang));
  const unique = (key: string) => key !== '' && trKeys.indexOf(key) !== -1 && trKeys.indexOf(key) === trKeys.lastIndexOf(key);
  for (let r = index - 1; r >= 0; r--) {
    const key = codeOf(refLines[r]!, reference.lang);
    if (key === '') continue;
    if (!unique(key)) return undefined;
    const anchor = bodyLine(translation, trKeys.indexOf(key));
    if (!anchor || anchor.start !== translation.lineOffsets[trKeys.indexOf(key)]![0]) return undefined;
    return [{ range: [anchor.end, anchor.end], text: `\n${line}` }];
  }
  const next = refLines.slice(index + 1).map((raw) => codeOf(raw, reference.lang)).find((key) => key !== '');
  if (next === undefined || !unique(next)) return undefined;
  const anchor = bodyLine(translation, trKeys.indexOf(next));
  if (!anchor || anchor.start !== translation.lineOffsets[trKeys.indexOf(next)]![0]) return undefined;
  return [{ range: [anchor.start, anchor.start], text: `${line}\n` }];
}

/** Take out a code-only line the reference does not have, with its line break. */
function addedLineFix(translation: CodeBlock, difference: CodeDifference): Fix[] | undefined {
  if (difference.translationLine === undefined) return undefined;
  const index = difference.translationLine - 1;
  const line = bodyLine(translation, index);
  if (!line || codeOf(line.raw, translation.lang) !== difference.found || !onlyCode(line.raw, translation.lang) || /[^\u0000-\u007f]|\p{L}{2,}\s+\p{L}{2,}\s+\p{L}{2,}/u.test(line.raw)) return undefined;
  const whole = translation.lineOffsets[index]!;
  const next = translation.lineOffsets[index + 1];
  const previous = translation.lineOffsets[index - 1];
  if (next) return [{ range: [whole[0], next[0]], text: '' }];
  if (previous) return [{ range: [previous[1], whole[1]], text: '' }];
  return undefined;
}

/**
 * True when the two lines differ in anything that may be words of a language rather than code: a token of letters
 * only (`Wega`/`Vega`, `Neu`/`New`) that is not a camelCase identifier, or any letter outside ASCII. Numbers,
 * punctuation and identifiers such as `rowIndex` or `uid2_gma` may be taken from the reference.
 */
function translatedWords(reference: string, translation: string): boolean {
  const a = words(reference);
  const b = words(translation);
  return [...missing(a, b), ...missing(b, a)].some(
    (token) => /[^\u0000-\u007f]/.test(token) || (/^\p{L}{2,}$/u.test(token) && !/\p{Ll}\p{Lu}/u.test(token)),
  );
}

/** A changed JSON value written once in the translation's body: replace it with the reference's. */
function jsonValueFix(translation: CodeBlock, difference: CodeDifference): Fix[] | undefined {
  const value = (shown: string) => {
    const at = shown.indexOf(': ');
    if (at === -1) return undefined;
    try {
      return JSON.parse(shown.slice(at + 2)) as unknown;
    } catch {
      return undefined;
    }
  };
  const expected = value(difference.expected);
  const found = value(difference.found);
  if (expected === undefined || found === undefined || typeof found === 'object' || typeof expected === 'object') return undefined;
  const literal = JSON.stringify(found);
  const lines = translation.body.split(/\r?\n/);
  const hits: Fix[] = [];
  lines.forEach((raw, index) => {
    for (let at = raw.indexOf(literal); at !== -1; at = raw.indexOf(literal, at + 1)) {
      const line = bodyLine(translation, index);
      if (!line) return;
      hits.push({ range: [line.start + at, line.start + at + literal.length], text: JSON.stringify(expected) });
    }
  });
  return hits.length === 1 ? hits : undefined;
}

/** Offset of a point inside the front matter's raw YAML (the text between the fences). */
function rawOffset(frontMatter: FrontMatter, point: Point): number | undefined {
  const lines = frontMatter.raw.split('\n');
  const index = point.line - frontMatter.span.start.line - 1;
  if (index < 0 || index >= lines.length) return undefined;
  let offset = 0;
  for (let i = 0; i < index; i++) offset += lines[i]!.length + 1;
  return offset + point.column - 1;
}

/** Replace the translation's value of a front matter key with the reference's, as written there (one-line values). */
export function frontMatterValueFix(reference: FrontMatter, referenceEntry: FrontMatterEntry, translationEntry: FrontMatterEntry): Fix[] | undefined {
  const start = rawOffset(reference, referenceEntry.valueSpan.start);
  const end = rawOffset(reference, referenceEntry.valueSpan.end);
  if (start === undefined || end === undefined) return undefined;
  const text = reference.raw.slice(start, end);
  // A value that reads as prose or a title (a translated `type: Principles`) is never overwritten, whatever the key.
  const shown = (value: unknown) => (typeof value === 'string' ? value : '');
  const titleLike = (value: string) => isProse(value) || /^\p{Lu}[\p{L}\s]*$/u.test(value);
  if (titleLike(shown(referenceEntry.value)) || titleLike(shown(translationEntry.value))) return undefined;
  if (text.includes('\n') || translationEntry.valueSpan.start.line !== translationEntry.valueSpan.end.line || text === '') return undefined;
  return [{ range: [translationEntry.valueSpan.start.offset, translationEntry.valueSpan.end.offset], text }];
}

/**
 * Add a front matter entry the translation lacks, written as in the reference, after the entry the reference has
 * before it (or first when it comes first): one-line entries only.
 */
export function frontMatterInsertFix(reference: FrontMatter, referenceEntry: FrontMatterEntry, translation: FrontMatter | undefined): Fix[] | undefined {
  if (!translation || translation.entries.length === 0) return undefined;
  if (referenceEntry.span.start.line !== referenceEntry.span.end.line || referenceEntry.span.start.column !== 1) return undefined;
  const start = rawOffset(reference, referenceEntry.span.start);
  if (start === undefined) return undefined;
  const lineEnd = reference.raw.indexOf('\n', start);
  const line = reference.raw.slice(start, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  const before = reference.entries.slice(0, reference.entries.indexOf(referenceEntry)).reverse();
  const previous = before.map((entry) => translation.entries.find((candidate) => candidate.key === entry.key)).find((entry) => entry !== undefined);
  if (!previous) {
    const first = translation.entries[0]!;
    if (first.span.start.column !== 1) return undefined;
    return [{ range: [first.span.start.offset, first.span.start.offset], text: `${line}\n` }];
  }
  const end = rawOffset(translation, previous.span.end);
  if (end === undefined) return undefined;
  const breakAt = translation.raw.indexOf('\n', end);
  if (breakAt === -1) return undefined;
  const at = previous.span.end.offset + (breakAt - end) + 1;
  return [{ range: [at, at], text: `${line}\n` }];
}

const NAME_WORD = /^[\p{Lu}\p{N}][\p{L}\p{N}_-]*$|^[A-Za-z][\w-]*$/u;

/**
 * Move a do-not-translate marker that drifted past the end of its sentence (`senden.[!DNL Catalog]`) back inside it:
 * before the untranslated words that follow it in the reference line (`[!DNL Catalog] Service API`), or after those
 * that precede it, when they appear once in the sentence. `text` is the translation, `start`/`end` the marker's
 * offsets, `referenceLine` the reference's line holding the marker. Undefined when no such place is found.
 */
export function markerMoveFix(text: string, start: number, end: number, referenceLine: string): Fix[] | undefined {
  const marker = text.slice(start, end);
  const at = referenceLine.indexOf(marker);
  if (at === -1) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const beforeMarker = text.slice(lineStart, start);
  // The sentence the marker left: from the end of the previous sentence to the full stop before the marker.
  const body = beforeMarker.replace(/[.!?。！？]\s*$/, '');
  const sentenceStart = Math.max(...['. ', '! ', '? ', '。', '！', '？'].map((stop) => { const i = body.lastIndexOf(stop); return i === -1 ? 0 : i + stop.length; }));
  const sentence = body.slice(sentenceStart);
  const remove: Fix = { range: [text[start - 1] === ' ' ? start - 1 : start, end], text: '' };
  const words = (part: string) => part.split(/\s+/).filter(Boolean).map((word) => word.replace(/[.,;:!?()]+$/, ''));
  const after = words(referenceLine.slice(at + marker.length).split(/[.!?]/)[0] ?? '');
  const before = words(referenceLine.slice(0, at)).reverse();
  const findOnce = (phrase: string) => {
    const found = [...sentence.matchAll(new RegExp(`(?<=^|\\s)${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s.,;:!?])`, 'gu'))];
    return found.length === 1 ? lineStart + sentenceStart + found[0]!.index : undefined;
  };
  for (const [list, place] of [[after, 'before'], [before, 'after']] as const) {
    const names: string[] = [];
    for (const word of list) {
      if (!NAME_WORD.test(word) || names.length === 3) break;
      names.push(word);
    }
    for (let k = names.length; k > 0; k--) {
      const phrase = (place === 'before' ? names.slice(0, k) : names.slice(0, k).reverse()).join(' ');
      const index = findOnce(phrase);
      if (index === undefined) continue;
      const insert: Fix = place === 'before' ? { range: [index, index], text: `${marker} ` } : { range: [index + phrase.length, index + phrase.length], text: ` ${marker}` };
      return [insert, remove];
    }
  }
  return undefined;
}

/** True when the translation's URL has a locale path segment (`/pt-br/` in a pt-PT copy) the reference's lacks. */
function otherLocale(referenceUrl: string, translationUrl: string): boolean {
  const segments = (url: string) => url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0]!.split('/').filter(isLocaleCode);
  const theirs = new Set(segments(referenceUrl).map((segment) => segment.toLowerCase()));
  return segments(translationUrl).some((segment) => !theirs.has(segment.toLowerCase()));
}

function urlForm(url: string): 'external' | 'absolute' | 'anchor' | 'relative' {
  if (/^[a-z][\w+.-]*:/i.test(url)) return 'external';
  if (url.startsWith('/')) return 'absolute';
  return url.startsWith('#') ? 'anchor' : 'relative';
}

/** The first path segment of `url` that names `locale` (`pt-br` for pt-BR), as written. */
function localeSegment(url: string, locale: string): string | undefined {
  const lower = locale.toLowerCase();
  const names = new Set([lower, lower.replace('-', '_'), lower.replace('_', '-')]);
  const path = url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0]!;
  return path.split('/').find((segment) => names.has(segment.toLowerCase()));
}

/**
 * The reference's link target written the translation's way: the translation's locale segment where the reference
 * has its own (`/en/x` → `/de/x`). Undefined when the two are written in different forms (relative, absolute,
 * external), since then which is right is for a person to say, or when nothing would change.
 */
export function linkTargetFix(
  referenceUrl: string,
  translationUrl: string,
  referenceLocale: string,
  translationLocale: string,
  translation: { file?: string; image?: boolean } = {},
): string | undefined {
  const translationFile = translation.file ?? 'page.md';
  if (urlForm(referenceUrl) !== urlForm(translationUrl)) return undefined;
  if (urlForm(referenceUrl) === 'external') {
    // Another site is a resource in the reader's language, and a remote image may be a localized screenshot.
    const host = (url: string) => /^[a-z][\w+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1]?.toLowerCase();
    if (translation.image || host(referenceUrl) !== host(translationUrl)) return undefined;
  }
  // Copies sit at the same place in mirrored trees: two relative links to the same page need no fix.
  const resolved = (url: string) => posix.join('/', posix.dirname(translationFile), url).replace(/\.mdx?(?=$|[?#])/, '');
  if (urlForm(referenceUrl) === 'relative' && resolved(referenceUrl) === resolved(translationUrl)) return undefined;
  const ownSegment = localeSegment(translationUrl, translationLocale);
  const referenceSegment = localeSegment(referenceUrl, referenceLocale);
  // Does the reference's URL name its locale some other way (a `-cn` suffix, a subdomain, `?lang=`)?
  const tokens = (url: string) => new Set(url.toLowerCase().split(/[/._?#=&-]+/));
  const names = [referenceLocale.toLowerCase(), ...referenceLocale.toLowerCase().split(/[-_]/)];
  const marked =
    neutralUrl(referenceUrl, referenceLocale) !== neutralUrl(referenceUrl, 'none-none') ||
    names.some((name) => tokens(referenceUrl).has(name) && !tokens(translationUrl).has(name));
  let wanted: string;
  if (ownSegment && referenceSegment) {
    wanted = referenceUrl.replace(new RegExp(`(^|/)${referenceSegment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|$|[?#])`), `$1${ownSegment}`);
  } else if (ownSegment && !marked && urlForm(referenceUrl) === 'absolute' && translationUrl.startsWith(`/${ownSegment}/`)) {
    wanted = `/${ownSegment}${referenceUrl}`;
  } else if (!ownSegment && !marked && !otherLocale(referenceUrl, translationUrl)) {
    wanted = referenceUrl;
  } else {
    return undefined;
  }
  // Fragments follow each copy's own headings; a trailing slash changes nothing.
  const page = (url: string) => url.replace(/#.*$/, '').replace(/\/$/, '');
  return page(wanted) === page(translationUrl) ? undefined : wanted;
}

import { quote, where } from '../src/messages.js';
import type { InlineCode, Rule } from '../src/types.js';

const LETTER = /[\p{L}\p{N}]/u;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** An inline code span glued to the next or previous word (`` `id`uma ``) where the reference has a space. */
export const inlineCodeSpacing: Rule = {
  id: 'inline-code-spacing',
  description: 'Inline code is not glued to the neighbouring word when the reference has a space',
  fixable: true,
  defaultSeverity: 'warning',
  compare(context) {
    const { reference, translation, options } = context;
    const language = translation.locale.toLowerCase().split(/[-_]/)[0]!;
    if (options.noSpaceLocales.some((locale) => locale.toLowerCase() === language || locale.toLowerCase() === translation.locale.toLowerCase())) return;
    // Splitting the whole copy into words is the costly part, and most copies have no glued code to check against it.
    let words: Set<string> | undefined;
    const wordsOfCopy = () => (words ??= wordsOf(translation.text));
    const spacedInReference = new Map<string, InlineCode>();
    for (const code of reference.inlineCode) {
      if (!glued(code, 'after') && !glued(code, 'before')) spacedInReference.set(code.value, code);
    }
    for (const code of translation.inlineCode) {
      const ref = spacedInReference.get(code.value);
      if (!ref) continue;
      const side = (['after', 'before'] as const).find((candidate) => mistakenlyGlued(code, candidate, wordsOfCopy));
      if (!side) continue;
      const neighbour = (side === 'after' ? code.after : code.before).replace(/[.,;:!?)]+$/, '');
      const at = side === 'after' ? code.span.end : code.span.start;
      context.report({
        message: `Inline code ${quote(code.value)} is glued to the ${side === 'after' ? 'next' : 'previous'} word (${quote(side === 'after' ? `\`${code.value}\`${neighbour}` : `${neighbour}\`${code.value}\``)}); ${where(reference, ref.span)} has a space`,
        subject: `Space ${side} inline code \`${code.value}\``,
        span: code.span,
        referenceSpan: ref.span,
        category: `glued-${side}`,
        expected: 'a space',
        found: 'no space',
        // A single glued letter is likely an inflection (`Dockerfile`s): leave it to a person.
        fix: neighbour.length > 1 ? [{ range: [at.offset, at.offset], text: ' ' }] : undefined,
      });
    }
  },
};

/** Endings that inflect a borrowed word, in the languages of the corpora (en, de, es, pt, fr, uk, ru, pl). */
const INFLECTIONS = new Set([
  'ed', 'ing', 'er', 'en', 'es', 'em', 'ern', 'et', 'ete', 'eten', 'te', 'ten', 'st', 'ar', 'ear', 'ado', 'ados',
  'ada', 'adas', 'ando', 'os', 'as', 'ée', 'és', 'ées', 'ом', 'ів', 'ами', 'ах', 'ов', 'ем', 'ой', 'ам', 'ów', 'ami', 'ach', 'ie',
]);

/**
 * A short ending or prefix that is no word of its own in this copy is inflection, written on purpose: `APIRouter`s,
 * `raise`n (de), `return`ar (es), `dict`ів (uk), ה`x` (he). A word that stands alone elsewhere in the copy (`no`,
 * `o`) or any other ending (`uma`, `sont`) was glued by mistake.
 */
function isAffix(letters: string, side: 'before' | 'after', words: () => Set<string>): boolean {
  const lower = letters.toLowerCase();
  if (lower === '') return false;
  // A plural `s` is never a word of its own, even where `(s)` leaves a lone `s` in the text.
  if (side === 'after' && lower === 's') return true;
  if (words().has(lower)) return false;
  return [...lower].length <= 2 || (side === 'after' && INFLECTIONS.has(lower));
}

/** The words of a copy's text, lower-cased. */
function wordsOf(text: string): Set<string> {
  // Apostrophes join (`FastAPI's`), so a possessive `s` is not taken for a word of its own.
  return new Set(text.toLowerCase().split(/[^\p{L}\p{M}'’]+/u).filter(Boolean));
}

/** Glued on `side` to a word of a script that spaces its words, and not as an inflection. */
function mistakenlyGlued(code: InlineCode, side: 'before' | 'after', words: () => Set<string>): boolean {
  if (!glued(code, side)) return false;
  const letters = side === 'after' ? /^[\p{L}\p{M}]*/u.exec(code.after)![0] : /[\p{L}\p{M}]*$/u.exec(code.before)![0];
  const neighbour = side === 'after' ? code.after[0] ?? '' : code.before.slice(-1);
  return !NO_SPACE_SCRIPT.test(neighbour) && !isAffix(letters, side, words);
}

function glued(code: InlineCode, side: 'before' | 'after'): boolean {
  return LETTER.test(side === 'after' ? (code.after[0] ?? '') : code.before.slice(-1));
}

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
    const spacedInReference = new Map<string, InlineCode>();
    for (const code of reference.inlineCode) {
      if (!glued(code, 'after') && !glued(code, 'before')) spacedInReference.set(code.value, code);
    }
    for (const code of translation.inlineCode) {
      const side = glued(code, 'after') ? 'after' : glued(code, 'before') ? 'before' : undefined;
      if (!side) continue;
      const neighbour = (side === 'after' ? code.after : code.before).replace(/[.,;:!?)]+$/, '');
      if (NO_SPACE_SCRIPT.test(side === 'after' ? neighbour[0] ?? '' : neighbour.slice(-1))) continue;
      const ref = spacedInReference.get(code.value);
      if (!ref) continue;
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

function glued(code: InlineCode, side: 'before' | 'after'): boolean {
  return LETTER.test(side === 'after' ? (code.after[0] ?? '') : code.before.slice(-1));
}

import { alignTokenBlocks, missing, tokenBlocks } from '../src/elements.js';
import { differs, quote, where } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/** Inline code spans of the reference are missing or changed in the matching paragraph of the translation. */
export const inlineCode: Rule = {
  id: 'inline-code',
  description: 'Inline code spans are kept as in the reference, paragraph by paragraph',
  fixable: false,
  defaultSeverity: 'warning',
  compare(context) {
    const { reference, translation, options } = context;
    const token = (item: { value: string }) => (options.translatablePlaceholders ? maskPlaceholders(item.value) : item.value);
    const refBlocks = tokenBlocks(reference, reference.inlineCode, token);
    const trBlocks = tokenBlocks(translation, translation.inlineCode, token);
    const pairs = alignTokenBlocks(refBlocks, trBlocks);
    pairs.forEach((pair, index) => {
      const ref = pair.reference;
      const tr = pair.translation;
      if (ref && !tr) {
        // A whole paragraph's code is gone: report it once, where that paragraph should be.
        const previous = pairs.slice(0, index).reverse().find((p) => p.translation)?.translation;
        const at = previous?.span ?? translation.blocks[0]?.span;
        if (!at) return;
        context.report({
          message: `Inline code ${ref.tokens.map((t) => quote(t)).join(', ')} of ${where(reference, ref.span)} is missing`,
          subject: `Inline code ${ref.tokens.map((t) => quote(t)).join(', ')}`,
          span: { start: at.end, end: at.end },
          referenceSpan: ref.span,
          category: 'missing',
          key: `block:${ref.tokens.join('|')}`,
          expected: ref.tokens.join(' '),
          found: '(none)',
        });
        return;
      }
      if (!ref || !tr) return;
      const gone = missing(ref.tokens, tr.tokens);
      if (gone.length === 0) return;
      const added = missing(tr.tokens, ref.tokens);
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

/** `tar -xf {{path/to/file}}` → `tar -xf {{…}}`: placeholder text may be translated. */
function maskPlaceholders(value: string): string {
  return value.replace(/\{\{[^{}]*\}\}/g, '{{…}}');
}

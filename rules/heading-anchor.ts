import { align } from '../src/align.js';
import { differs } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/** An explicit heading anchor (`{#id}`) differs from the reference's, or is missing. */
export const headingAnchor: Rule = {
  id: 'heading-anchor',
  description: 'Explicit heading anchors ({#id}) are identical to the reference’s',
  fixable: true,
  defaultSeverity: 'error',
  compare(context) {
    const { reference, translation } = context;
    if (!reference.headings.some((heading) => heading.anchor) && !translation.headings.some((heading) => heading.anchor)) return;
    const pairs = align(
      reference.headings,
      translation.headings,
      (a, b) => a.depth === b.depth && a.anchor === b.anchor,
      (a, b) => a.depth === b.depth,
    );
    for (const { reference: ref, translation: tr } of pairs) {
      if (!ref || !tr || ref.anchor === tr.anchor) continue;
      // No fix when the headings may be paired wrongly (the outlines differ, or the translation's anchor is one the
      // reference has elsewhere). The translation's own spacing (`{#id}` or `{ #id }`) is kept.
      const sameOutline = reference.headings.map((h) => h.depth).join() === translation.headings.map((h) => h.depth).join();
      const spaced = tr.anchorSpan !== undefined && tr.anchor !== undefined && tr.anchorSpan.end.offset - tr.anchorSpan.start.offset > tr.anchor.length + 3;
      const fix =
        ref.anchor && tr.anchorSpan && sameOutline && !reference.headings.some((heading) => heading.anchor === tr.anchor)
          ? [{ range: [tr.anchorSpan.start.offset, tr.anchorSpan.end.offset] as [number, number], text: spaced ? `{ #${ref.anchor} }` : `{#${ref.anchor}}` }]
          : undefined;
      context.report(
        differs(context, `Anchor of heading "${tr.text}"`, ref.anchor ? `#${ref.anchor}` : undefined, tr.anchor ? `#${tr.anchor}` : undefined, tr.anchorSpan ?? tr.span, ref.anchorSpan ?? ref.span, {
          category: ref.anchor ? (tr.anchor ? 'changed' : 'missing') : 'extra',
          fix,
        }),
      );
    }
  },
};

import { diffArrays } from 'diff';
import { where } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/** The sequence of heading levels differs from the reference: a heading dropped, added or moved up or down. */
export const headingStructure: Rule = {
  id: 'heading-structure',
  description: 'Headings keep the reference’s levels and order',
  fixable: false,
  defaultSeverity: 'warning',
  compare(context) {
    const { reference, translation } = context;
    const refDepths = reference.headings.map((heading) => heading.depth);
    const trDepths = translation.headings.map((heading) => heading.depth);
    if (refDepths.join() === trDepths.join()) return;
    let r = 0;
    let t = 0;
    for (const change of diffArrays(refDepths, trDepths)) {
      const count = change.count ?? change.value.length;
      if (change.removed) {
        for (let k = 0; k < count; k++, r++) {
          const heading = reference.headings[r]!;
          const anchor = translation.headings[t - 1]?.span ?? translation.headings[t]?.span ?? heading.span;
          context.report({
            message: `Missing level-${heading.depth} heading that ${where(reference, heading.span)} has ("${heading.text}")`,
            subject: `Level-${heading.depth} heading "${heading.text}"`,
            span: { start: anchor.end, end: anchor.end },
            referenceSpan: heading.span,
            category: 'missing',
            key: `missing:${r}`,
            expected: `h${heading.depth}`,
            found: '(none)',
          });
        }
      } else if (change.added) {
        for (let k = 0; k < count; k++, t++) {
          const heading = translation.headings[t]!;
          context.report({
            message: `Extra level-${heading.depth} heading ("${heading.text}") that ${reference.locale} does not have at this place`,
            subject: `Level-${heading.depth} heading "${heading.text}"`,
            span: heading.span,
            category: 'extra',
            expected: '(none)',
            found: `h${heading.depth}`,
          });
        }
      } else {
        r += count;
        t += count;
      }
    }
  },
};

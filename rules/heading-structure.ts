import { align } from '../src/align.js';
import { quote, where } from '../src/messages.js';
import type { Heading, Rule } from '../src/types.js';

/** More headings missing than this (and more than a third of the reference's) read as one partial or outdated copy. */
const MANY_MISSING = 5;

/** Headings dropped, added or moved to another level, compared with the reference. */
export const headingStructure: Rule = {
  id: 'heading-structure',
  description: 'Headings keep the reference’s levels and order',
  fixable: false,
  defaultSeverity: 'warning',
  compare(context) {
    const { reference, translation } = context;
    // Headings of one level whose id, inline code or text is the same anchor the alignment; between those, headings
    // pair in order (translated text), and a pair of two levels is a heading moved up or down.
    const pairs = align(reference.headings, translation.headings, sameHeading, similarHeading);
    const missing = pairs.filter((pair) => pair.reference && !pair.translation);
    const extra = pairs.filter((pair) => pair.translation && !pair.reference);
    if (missing.length > MANY_MISSING && missing.length * 3 > reference.headings.length) {
      const first = missing[0]!.reference!;
      const at = translation.headings[0]?.span ?? translation.blocks[0]?.span;
      const start = at?.start ?? { line: 1, column: 1, offset: 0 };
      context.report({
        message:
          `${missing.length} of the ${reference.headings.length} headings of ${reference.locale} are missing` +
          `${extra.length ? ` and ${extra.length} are extra` : ''}, the first ${quote(first.text)} (${where(reference, first.span)}): the copy looks partial or outdated`,
        subject: 'Headings',
        span: { start, end: start },
        referenceSpan: first.span,
        category: 'incomplete',
        key: 'incomplete',
        expected: `${reference.headings.length} headings`,
        found: `${translation.headings.length} headings`,
      });
      return;
    }
    for (const pair of pairs) {
      const ref = pair.reference;
      const tr = pair.translation;
      if (ref && tr) {
        if (ref.depth === tr.depth) continue;
        context.report({
          message: `Heading "${tr.text}" is level ${tr.depth}; the matching heading ${quote(ref.text)} of ${where(reference, ref.span)} is level ${ref.depth}`,
          subject: `Level of heading "${ref.text}"`,
          span: tr.span,
          referenceSpan: ref.span,
          category: 'level',
          key: `level:${pair.referenceIndex}`,
          expected: `h${ref.depth}`,
          found: `h${tr.depth}`,
        });
      } else if (ref) {
        const before = pairs.slice(0, pairs.indexOf(pair)).reverse().find((p) => p.translation)?.translation;
        const anchor = before?.span.end ?? translation.headings[0]?.span.start ?? { line: 1, column: 1, offset: 0 };
        context.report({
          message: `Missing level-${ref.depth} heading ${quote(ref.text)} that ${where(reference, ref.span)} has`,
          subject: `Level-${ref.depth} heading ${quote(ref.text)}`,
          span: { start: anchor, end: anchor },
          referenceSpan: ref.span,
          category: 'missing',
          key: `missing:${pair.referenceIndex}`,
          expected: `h${ref.depth}`,
          found: '(none)',
        });
      } else if (tr) {
        context.report({
          message: `Extra level-${tr.depth} heading ${quote(tr.text)} that ${reference.locale} does not have here`,
          subject: `Level-${tr.depth} heading ${quote(tr.text)}`,
          span: tr.span,
          category: 'extra',
          expected: '(none)',
          found: `h${tr.depth}`,
        });
      }
    }
  },
};

/** Whether two headings are the same one: same level, and same id, inline code or text. */
function sameHeading(a: Heading, b: Heading): boolean {
  if (a.depth !== b.depth) return false;
  if (a.id === b.id || a.text === b.text) return true;
  return a.code.length > 0 && a.code.join('\u0000') === b.code.join('\u0000');
}

/** Whether two headings may be one translated heading: same level, and each one's code is in the other's text. */
function similarHeading(a: Heading, b: Heading): boolean {
  return a.depth === b.depth && a.code.every((code) => b.text.includes(code)) && b.code.every((code) => a.text.includes(code));
}

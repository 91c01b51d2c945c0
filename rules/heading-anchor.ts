import { align } from '../src/align.js';
import { differs } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/**
 * A heading's id differs from the reference's where an explicit anchor (`{#id}`) is involved. Translations that add
 * `{#id}` to keep the id the reference heading gets from its own text are right, and stay silent; ids that both copies
 * derive from their (translated) text are not compared.
 */
export const headingAnchor: Rule = {
  id: 'heading-anchor',
  description: 'Explicit heading anchors ({#id}) give the heading the same id as in the reference',
  fixable: true,
  defaultSeverity: 'error',
  compare(context) {
    const { reference, translation } = context;
    if (!reference.headings.some((heading) => heading.anchor) && !translation.headings.some((heading) => heading.anchor)) return;
    const pairs = align(
      reference.headings,
      translation.headings,
      (a, b) => a.id === b.id,
      (a, b) => a.depth === b.depth,
    );
    const referenceIds = new Set(reference.headings.map((heading) => heading.id));
    for (const { reference: ref, translation: tr } of pairs) {
      // Unpaired headings are heading-structure's to report.
      if (!ref || !tr || ref.id === tr.id) continue;
      if (ref.anchor === undefined && tr.anchor === undefined) continue;
      // An id the reference gives another heading means the sections were reordered or the pairing guessed wrong;
      // the id itself still resolves, so there is no broken anchor to report.
      if (tr.anchor !== undefined && referenceIds.has(tr.anchor)) continue;
      const span = tr.anchorSpan ?? tr.span;
      const fix = tr.anchorSpan ? [{ range: [tr.anchorSpan.start.offset, tr.anchorSpan.end.offset] as [number, number], text: ref.id }] : undefined;
      const subject = `Id of heading "${tr.text}"`;
      const category = tr.anchor === undefined ? 'missing' : ref.anchor === undefined ? 'slug-differs' : 'changed';
      const report = differs(context, subject, `#${ref.id}`, tr.anchor === undefined ? undefined : `#${tr.anchor}`, span, ref.anchorSpan ?? ref.span, { category, fix });
      if (ref.anchor === undefined) report.message += ` (the id ${reference.locale} derives from "${ref.text}")`;
      else if (tr.anchor === undefined) report.message += ` (without \`{#${ref.id}}\` the heading gets \`#${tr.id}\`)`;
      context.report(report);
    }
  },
};

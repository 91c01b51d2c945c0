import { align } from '../src/align.js';
import { differs, quote, where } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/** The keyword of an admonition (`> [!NOTE]`, `/// tip`, `:::note`) is translated, changed or missing. */
export const admonitionKeyword: Rule = {
  id: 'admonition-keyword',
  description: 'Admonition keywords ([!NOTE], /// tip, :::note) stay as in the reference',
  fixable: true,
  defaultSeverity: 'error',
  compare(context) {
    const { reference, translation } = context;
    const pairs = align(
      reference.admonitions,
      translation.admonitions,
      (a, b) => a.style === b.style && a.keyword === b.keyword,
      (a, b) => a.style === b.style,
    );
    const unpaired = pairs.filter((p) => p.reference && !p.translation).length;
    for (const pair of pairs) {
      const ref = pair.reference;
      const tr = pair.translation;
      if (ref && tr && ref.keyword !== tr.keyword) {
        context.report(
          differs(context, 'Admonition keyword', ref.keyword, tr.keyword, tr.keywordSpan, ref.keywordSpan, {
            category: ref.keyword.toLowerCase() === tr.keyword.toLowerCase() ? 'case' : 'translated',
            fix: [{ range: [tr.keywordSpan.start.offset, tr.keywordSpan.end.offset], text: ref.keyword }],
          }),
        );
      } else if (ref && !tr && unpaired <= 3) {
        const at = translation.blocks[0]?.span ?? ref.span;
        context.report({
          message: `Admonition ${quote(ref.keyword)} of ${where(reference, ref.keywordSpan)} is missing`,
          subject: `Admonition ${quote(ref.keyword)}`,
          span: { start: at.start, end: at.start },
          referenceSpan: ref.keywordSpan,
          category: 'missing',
          key: `missing:${pair.referenceIndex}`,
          expected: ref.keyword,
          found: '(none)',
        });
      }
    }
  },
};

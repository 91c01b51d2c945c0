import { align } from '../src/align.js';
import { differs, quote, where } from '../src/messages.js';
import type { Rule } from '../src/types.js';

/** More admonitions missing than this read as a partial copy, which heading-structure already reports. */
const MANY_MISSING = 3;

/**
 * The keyword of an admonition (`> [!NOTE]`, `/// tip`, `:::note`, Docsy's `{{% alert color=… %}}`) is translated,
 * changed or missing. Titles (`/// tip | Tipp`, `:::note[Titel]`, `> [!NOTE] Hinweis`) may be translated.
 */
export const admonitionKeyword: Rule = {
  id: 'admonition-keyword',
  description: 'Admonition keywords ([!NOTE], /// tip, :::note) stay as in the reference',
  fixable: true,
  defaultSeverity: 'error',
  compare(context) {
    const { reference, translation } = context;
    // Any two admonitions pair in order between exact matches: a copy that still writes an older syntax (a Docsy
    // alert where the reference now has `> [!NOTE]`) has the admonition, only its keywords cannot be compared.
    const pairs = align(
      reference.admonitions,
      translation.admonitions,
      (a, b) => a.style === b.style && a.keyword === b.keyword,
      () => true,
    );
    const unpaired = pairs.filter((p) => p.reference && !p.translation).length;
    for (const pair of pairs) {
      const ref = pair.reference;
      const tr = pair.translation;
      if (ref && tr) {
        if (ref.style !== tr.style || ref.keyword === tr.keyword) continue;
        const fixable = ref.keyword !== '' && tr.keyword !== '';
        context.report(
          differs(context, 'Admonition keyword', ref.keyword || undefined, tr.keyword || undefined, tr.keywordSpan, ref.keywordSpan, {
            category: ref.keyword.toLowerCase() === tr.keyword.toLowerCase() ? 'case' : ref.style === 'hugo' ? 'changed' : 'translated',
            fix: fixable ? [{ range: [tr.keywordSpan.start.offset, tr.keywordSpan.end.offset], text: ref.keyword }] : undefined,
          }),
        );
      } else if (ref && unpaired <= MANY_MISSING) {
        const before = pairs.slice(0, pairs.indexOf(pair)).reverse().find((p) => p.translation)?.translation;
        const at = before?.span.end ?? translation.blocks[0]?.span.start ?? { line: 1, column: 1, offset: 0 };
        const name = ref.keyword ? quote(ref.keyword) : 'alert';
        context.report({
          message: `Admonition ${name} of ${where(reference, ref.keywordSpan)} is missing`,
          subject: `Admonition ${name}`,
          span: { start: at, end: at },
          referenceSpan: ref.keywordSpan,
          category: 'missing',
          key: `missing:${pair.referenceIndex}`,
          expected: ref.keyword || 'alert',
          found: '(none)',
        });
      }
    }
  },
};

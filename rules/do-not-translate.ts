import { alignTokenBlocks, blockDifferences, tokenBlocks } from '../src/elements.js';
import { quote, where } from '../src/messages.js';
import type { Marker, Rule } from '../src/types.js';

const SENTENCE_END = /[.!?。！？]$/;

/**
 * Do-not-translate markers (`[!DNL Catalog]`, `[!UICONTROL Save]`) missing, translated, moved out of their sentence
 * or turned into a link; and configured terms that must appear untranslated.
 */
export const doNotTranslate: Rule = {
  id: 'do-not-translate',
  description: 'Do-not-translate markers and terms stay untranslated and in their sentence',
  fixable: true,
  defaultSeverity: 'error',
  compare(context) {
    const { reference, translation, options } = context;
    const show = (marker: Marker) => `[!${marker.kind} ${marker.value}]`;
    const refBlocks = tokenBlocks(reference, reference.markers, show);
    const trBlocks = tokenBlocks(translation, translation.markers, show);
    for (const { reference: ref, translation: tr, gone, added } of blockDifferences(alignTokenBlocks(refBlocks, trBlocks))) {
      if (!ref || !tr) continue;
      gone.forEach((token, k) => {
        const replacement = added[k];
        context.report({
          message: replacement
            ? `Marker ${quote(replacement)} is translated or changed: expected ${quote(token)} as in ${where(reference, ref.span)}`
            : `Marker ${quote(token)} of ${where(reference, ref.span)} is missing from this paragraph`,
          subject: `Marker ${quote(token)}`,
          span: translation.markers.find((m) => m.block === tr.block && show(m) === replacement)?.span ?? tr.span,
          referenceSpan: ref.span,
          category: replacement ? 'translated' : 'missing',
          key: `${tr.block}:${token}`,
          expected: token,
          found: replacement ?? '(none)',
        });
      });
    }
    const refMarkers = new Set(reference.markers.map(show));
    for (const marker of translation.markers) {
      const refMarker = reference.markers.find((m) => show(m) === show(marker));
      if (marker.inLink && refMarker && !refMarker.inLink) {
        context.report({
          message: `Marker ${quote(show(marker))} was turned into a link; ${where(reference, refMarker.span)} has plain text`,
          subject: `Marker ${quote(show(marker))}`,
          span: marker.span,
          referenceSpan: refMarker.span,
          category: 'linked',
          expected: 'plain marker',
          found: 'link',
        });
      }
      const block = translation.blocks[marker.block];
      const atBlockEnd = block !== undefined && marker.span.end.offset >= block.span.end.offset - 1 && /^\s*$/.test(marker.after);
      if (SENTENCE_END.test(marker.before) && atBlockEnd && refMarkers.has(show(marker))) {
        const refEnd = refMarker && SENTENCE_END.test(refMarker.before);
        if (refEnd) continue;
        context.report({
          message: `Marker ${quote(show(marker))} was moved after the end of its sentence (${quote(marker.before + show(marker))}); ${refMarker ? where(reference, refMarker.span) : reference.locale} has it inside the sentence`,
          subject: `Position of marker ${quote(show(marker))}`,
          span: marker.span,
          referenceSpan: refMarker?.span,
          category: 'moved',
          expected: 'inside the sentence',
          found: 'after the sentence',
        });
      }
    }
    for (const term of options.doNotTranslate) {
      const inReference = count(reference.text, term);
      if (inReference === 0) continue;
      const inTranslation = count(translation.text, term);
      if (inTranslation >= inReference) continue;
      context.report({
        message: `Term ${quote(term)} appears ${inReference} time(s) in ${reference.locale} but ${inTranslation} time(s) here; it must not be translated`,
        subject: `Term ${quote(term)}`,
        span: translation.blocks[0]?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
        category: 'term',
        key: `term:${term}`,
        expected: String(inReference),
        found: String(inTranslation),
      });
    }
  },
};

function count(text: string, term: string): number {
  let n = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) n++;
  return n;
}

import { alignBest, dice } from '../src/align.js';
import { words } from '../src/tokens.js';
import { places } from '../src/elements.js';
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
    // Headings pair where they score best (see `headingScore`); a pair of two levels is a heading moved up or down.
    const pairs = alignBest(reference.headings, translation.headings, headingScore, {
      strong: (a, b) => headingScore(a, b) >= 3,
      // As many headings of each level in a gap, in the same order: translated in place, whatever their code says.
      leftovers: (a, b) => a.depth === b.depth,
      ...places<Heading>(),
    });
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
    // A heading missing at one place and extra at another (same id, text or code) is one heading moved.
    const movedFrom = new Map<number, number>();
    for (const added of extra) {
      const match = missing.find((candidate) => ![...movedFrom.values()].includes(candidate.referenceIndex) && sameIdentity(candidate.reference!, added.translation!));
      if (match) movedFrom.set(added.translationIndex, match.referenceIndex);
    }
    const moved = new Set(movedFrom.values());
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
        if (moved.has(pair.referenceIndex)) continue;
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
        const from = movedFrom.get(pair.translationIndex);
        if (from !== undefined) {
          const original = reference.headings[from]!;
          context.report({
            message: `Moved level-${tr.depth} heading ${quote(tr.text)}: ${where(reference, original.span)} has it in another place among the headings`,
            subject: `Level-${original.depth} heading ${quote(original.text)}`,
            span: tr.span,
            referenceSpan: original.span,
            category: 'moved',
            key: `moved:${from}`,
            expected: `heading ${from + 1} of ${reference.headings.length}`,
            found: `heading ${pair.translationIndex + 1} of ${translation.headings.length}`,
          });
          continue;
        }
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

/**
 * How well two headings belong together. The same id, inline code or text (an untranslated heading) scores highest; a
 * translated heading of the same level next; a heading whose code was dropped or translated (`transformers` as
 * 转换器), and one moved to another level, pair only where nothing better does.
 */
function headingScore(a: Heading, b: Heading): number {
  const identity = sameIdentity(a, b);
  if (a.depth !== b.depth) return identity ? 1.5 : compatibleCode(a, b) ? 0.1 : 0;
  if (identity) return 3;
  if (compatibleCode(a, b)) return 1;
  if (a.code.length === 0 || b.code.length === 0) return 0.3;
  // Both have code and it differs: one heading only if the code is alike (`--root <path>`, `--root <chemin>`).
  const names = (heading: Heading) => words(heading.code.join(' ')).filter((word) => /[\p{L}\p{N}]/u.test(word));
  return 0.3 * dice(names(a), names(b));
}

/** Whether two headings have the same id, text or inline code, so that they are one heading whatever the language. */
function sameIdentity(a: Heading, b: Heading): boolean {
  if (a.id === b.id || a.text === b.text) return true;
  return a.code.length > 0 && a.code.join('\u0000') === b.code.join('\u0000');
}

/** Whether each heading's inline code is in the other one's text, as in a heading whose prose was translated. */
function compatibleCode(a: Heading, b: Heading): boolean {
  return a.code.every((code) => b.text.includes(code)) && b.code.every((code) => a.text.includes(code));
}

import { alignTokenBlocks, missing, tokenBlocks } from '../src/elements.js';
import { linkTargetFix } from '../src/fix-edits.js';
import { neutralUrl } from '../src/localize.js';
import { quote, where } from '../src/messages.js';
import type { FileSummary, Link, Rule } from '../src/types.js';

/** A link or image target of the reference is missing or changed, once localized paths are taken into account. */
export const linkTarget: Rule = {
  id: 'link-target',
  description: 'Link and image targets match the reference, up to localized paths',
  fixable: true,
  defaultSeverity: 'warning',
  compare(context) {
    const { reference, translation, options } = context;
    const neutral = (summary: FileSummary) => (link: Link) => neutralUrl(link.url, summary.locale, options.linkLocalePatterns);
    const inline = (summary: FileSummary) => summary.links.filter((link) => link.kind !== 'definition' && !isAnchorOnly(link));
    const refBlocks = tokenBlocks(reference, inline(reference), neutral(reference));
    const trBlocks = tokenBlocks(translation, inline(translation), neutral(translation));
    for (const pair of alignTokenBlocks(refBlocks, trBlocks)) {
      const ref = pair.reference;
      const tr = pair.translation;
      if (!ref || !tr) continue;
      const gone = missing(ref.tokens, tr.tokens);
      if (gone.length === 0) continue;
      const added = missing(tr.tokens, ref.tokens);
      const trLinks = translation.links.filter((link) => link.block === tr.block);
      gone.forEach((target, k) => {
        const replacement = added[k];
        const link = replacement !== undefined ? trLinks.find((candidate) => neutral(translation)(candidate) === replacement) : undefined;
        const refLink = reference.links.find((candidate) => candidate.block === ref.block && neutral(reference)(candidate) === target);
        // Fixed only when the change pairs one target with one other, written in the same form.
        const wanted = refLink && link && gone.length === 1 && added.length === 1 ? linkTargetFix(refLink.url, link.url, reference.locale, translation.locale, { file: translation.file, image: link.kind === 'image' }) : undefined;
        const fix = link?.urlSpan && wanted !== undefined ? [{ range: [link.urlSpan.start.offset, link.urlSpan.end.offset] as [number, number], text: wanted }] : undefined;
        context.report({
          message: replacement !== undefined
            ? `Link target changed: expected ${quote(refLink?.url ?? target)} as in ${where(reference, refLink?.span ?? ref.span)}, found ${quote(link?.url ?? replacement)}`
            : `Link target ${quote(refLink?.url ?? target)} of ${where(reference, refLink?.span ?? ref.span)} is missing from this paragraph`,
          subject: `Link target ${quote(refLink?.url ?? target)}`,
          span: link?.span ?? tr.span,
          referenceSpan: refLink?.span ?? ref.span,
          category: replacement !== undefined ? 'changed' : 'missing',
          key: `${tr.block}:${target}`,
          expected: target,
          found: replacement ?? '(none)',
          fix,
        });
      });
    }
    const refDefinitions = new Map(reference.links.filter((l) => l.kind === 'definition').map((l) => [l.text.toLowerCase(), l]));
    for (const definition of translation.links.filter((l) => l.kind === 'definition')) {
      const ref = refDefinitions.get(definition.text.toLowerCase());
      if (!ref) continue;
      if (neutralUrl(ref.url, reference.locale, options.linkLocalePatterns) === neutralUrl(definition.url, translation.locale, options.linkLocalePatterns)) continue;
      context.report({
        message: `Link definition [${definition.text}] changed: expected ${quote(ref.url)} as in ${where(reference, ref.span)}, found ${quote(definition.url)}`,
        subject: `Link definition [${definition.text}]`,
        span: definition.urlSpan ?? definition.span,
        referenceSpan: ref.span,
        category: 'definition',
        expected: ref.url,
        found: definition.url,
        fix: definition.urlSpan && linkTargetFix(ref.url, definition.url, reference.locale, translation.locale, { file: translation.file }) !== undefined
          ? [{ range: [definition.urlSpan.start.offset, definition.urlSpan.end.offset], text: linkTargetFix(ref.url, definition.url, reference.locale, translation.locale, { file: translation.file })! }]
          : undefined,
      });
    }
  },
};

function isAnchorOnly(link: Link): boolean {
  return link.url.startsWith('#') || link.url === '';
}

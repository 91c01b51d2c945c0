import { alignTokenBlocks, blockDifferences, tokenBlocks } from '../src/elements.js';
import { linkTargetFix } from '../src/fix-edits.js';
import { neutralParts, type LinkContext, type NeutralUrl } from '../src/localize.js';
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
    const links: LinkContext = {
      locales: [reference.locale, translation.locale],
      pagePath: pagePath(reference.file, translation.file, translation.locale),
      extra: options.linkLocalePatterns,
    };
    // Sites that write `{#id}` after headings keep anchors across locales; elsewhere anchors follow the translated heading.
    const stableAnchors = hasExplicitAnchors(reference) && hasExplicitAnchors(translation);
    const parts = new Map<string, NeutralUrl>();
    // Targets that name the translation's own locale: a page of another site in the translation's language.
    const own = new Set<string>();
    const isOwn = (url: string) => neutralParts(url, { locales: [translation.locale] }).localized;
    const neutral = (link: Link) => {
      const result = neutralParts(link.url, links);
      const token = result.base + result.fragment;
      parts.set(token, result);
      if (isOwn(link.url)) own.add(token);
      return token;
    };
    const same = (a: string, b: string) => {
      const x = parts.get(a);
      const y = parts.get(b);
      if (x === undefined || y === undefined || !samePage(x, y, own.has(b))) return false;
      return x.fragment === y.fragment || translatedAnchor(x, y, stableAnchors);
    };
    const inline = (summary: FileSummary) => summary.links.filter((link) => link.kind !== 'definition' && link.url !== '');
    const refBlocks = tokenBlocks(reference, inline(reference), neutral);
    const trBlocks = tokenBlocks(translation, inline(translation), neutral);
    for (const { reference: ref, translation: tr, gone, added } of blockDifferences(alignTokenBlocks(refBlocks, trBlocks), same)) {
      // A paragraph missing as a whole is a structure problem, not a link problem.
      if (!ref || !tr || gone.length === 0) continue;
      const trLinks = translation.links.filter((link) => link.block === tr.block);
      gone.forEach((target, k) => {
        const replacement = added[k];
        const link = replacement !== undefined ? trLinks.find((candidate) => neutral(candidate) === replacement) : undefined;
        const refLink = reference.links.find((candidate) => candidate.block === ref.block && neutral(candidate) === target);
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
      const a = neutralParts(ref.url, links);
      const b = neutralParts(definition.url, links);
      if (samePage(a, b, isOwn(definition.url)) && (a.fragment === b.fragment || translatedAnchor(a, b, stableAnchors))) continue;
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

/**
 * Both targets name one page: a relative link read either way, or the site's own page once as a full URL
 * (`https://site.dev/docs/guides/x`) and once as a path (`../guides/x`).
 */
function samePage(a: NeutralUrl, b: NeutralUrl, ownLanguage: boolean): boolean {
  if (a.bases.some((base) => b.bases.includes(base))) return true;
  if (!a.internal && !b.internal) return sameLocalizedPage(a, b, ownLanguage);
  // The site's base path (`/docs`) and host are not known: a path that ends the other target names the same page.
  const pathOf = (url: NeutralUrl) => (url.internal ? url.bases : [url.base.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '')]);
  const depth = a.localized || b.localized ? 1 : 2;
  return pathOf(a).some((x) => pathOf(b).some((y) => endsWithPath(x, y, depth) || endsWithPath(y, x, depth)));
}

/**
 * A page of another site linked in its localized version, which may live at an older path there:
 * `developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Last-Modified` and `…/ko/docs/Web/HTTP/Headers/Last-Modified`.
 * When the translation links the page in its own language, the page's name may be translated too:
 * `en.wikipedia.org/wiki/Andromeda_(constellation)` and `de.wikipedia.org/wiki/Andromeda_(Sternbild)`.
 */
function sameLocalizedPage(reference: NeutralUrl, translation: NeutralUrl, ownLanguage: boolean): boolean {
  if (!reference.localized && !translation.localized) return false;
  const split = (url: NeutralUrl) => {
    const match = /^[a-z][\w+.-]*:\/\/([^/]*)(.*)$/i.exec(url.base.split('?')[0]!);
    const path = (match?.[2] ?? '').split('/');
    return { host: match?.[1], page: path.pop() ?? '', folder: path.join('/') };
  };
  const a = split(reference);
  const b = split(translation);
  if (a.host === undefined || a.host !== b.host || a.page === '' || b.page === '') return false;
  return a.page === b.page || (ownLanguage && a.folder === b.folder);
}

/** `/docs/guides/x` ends with `/guides/x`, at a segment boundary, with at least `depth` segments matching. */
function endsWithPath(long: string, short: string, depth: number): boolean {
  const tail = short.split('/').filter(Boolean);
  const head = long.split('/').filter(Boolean);
  if (tail.length < depth || tail.length > head.length) return false;
  return tail.every((segment, k) => head[head.length - tail.length + k] === segment);
}

/** Anchors of a localized page, or of the site's own pages when anchors follow translated headings, may differ. */
function translatedAnchor(a: NeutralUrl, b: NeutralUrl, stableAnchors: boolean): boolean {
  // Stable anchors are ASCII slugs; an anchor in another script was made from a translated heading.
  if (a.fragment !== '' && b.fragment !== '' && /[^\x00-\x7f]/.test(a.fragment + b.fragment)) return true;
  // Where anchors follow translated headings, a translator who cannot know the new anchor may also leave it out.
  if (a.localized || b.localized) return !(a.internal && b.internal && stableAnchors);
  return a.internal && b.internal && !stableAnchors;
}

function hasExplicitAnchors(summary: FileSummary): boolean {
  return summary.headings.some((heading) => heading.anchor !== undefined);
}

/**
 * The page's path inside its locale tree: the part the two copies' paths share at their end (`docs/x/index.md` for
 * `content/en/docs/x/index.md` and `content/ja/docs/x/index.md`); a `.zh-CN` file name suffix is dropped.
 */
function pagePath(referenceFile: string, translationFile: string, translationLocale: string): string {
  const a = referenceFile.split('/');
  const b = translationFile.split('/');
  const name = b.pop()!;
  const sameName = a.pop() === name;
  const shared: string[] = [];
  for (let i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0 && a[i] === b[j]; i--, j--) shared.unshift(a[i]!);
  const locale = translationLocale.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...shared, sameName ? name : name.replace(new RegExp(`\\.${locale}(?=\\.[^.]+$)`, 'i'), '')].join('/');
}

import { alignTokenBlocks, blockDifferences, tokenBlocks, type TokenBlock } from '../src/elements.js';
import { linkTargetFix } from '../src/fix-edits.js';
import { isInternal, neutralParts, type LinkContext, type NeutralUrl } from '../src/localize.js';
import { quote, where } from '../src/messages.js';
import type { Pair } from '../src/align.js';
import type { FileSummary, Link, Rule, Span } from '../src/types.js';

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
    const isOwn = memoized((url: string) => neutralParts(url, { locales: [translation.locale] }).localized);
    // Both copies often link the same URL, and a finding looks its links up again: each URL is taken apart once.
    const neutralOf = memoized((url: string) => neutralParts(url, links));
    // How each side wrote each target (`/docs/x` or `../x`), for snippets, where the two are not the same page.
    const forms = [new Map<string, PathForm>(), new Map<string, PathForm>()] as const;
    const neutralIn = (side: 0 | 1) => (link: Link) => {
      const result = neutralOf(link.url);
      const token = result.base + result.fragment;
      parts.set(token, result);
      forms[side].set(token, pathForm(link.url));
      if (isOwn(link.url)) own.add(token);
      return token;
    };
    const neutral = neutralIn(1);
    // A snippet is included by pages at other places: a relative link in it resolves against each of them.
    const snippet = isSnippet(reference.file) || isSnippet(translation.file);
    const sameForm = (a: string, b: string) => !snippet || forms[0].get(a) === forms[1].get(b) || forms[0].get(a) === 'other' || forms[1].get(b) === 'other';
    const same = (a: string, b: string) => {
      const x = parts.get(a);
      const y = parts.get(b);
      if (x === undefined || y === undefined || !samePage(x, y, own.has(b)) || !sameForm(a, b)) return false;
      return x.fragment === y.fragment || translatedAnchor(x, y, stableAnchors);
    };
    const inline = (summary: FileSummary) => summary.links.filter((link) => link.kind !== 'definition' && link.url !== '');
    const refBlocks = tokenBlocks(reference, inline(reference), neutralIn(0));
    const trBlocks = tokenBlocks(translation, inline(translation), neutralIn(1));
    const pairs = alignTokenBlocks(refBlocks, trBlocks);
    const differences = blockDifferences(pairs, same);
    // Paragraphs whose links are all gone (a dropped "See also" list, a paragraph left without its only link), one
    // finding per run of them, so that an untranslated section is one finding rather than one per link.
    let run: Array<{ target: string; link?: Link; block: TokenBlock }> = [];
    let runStart = -1;
    const flushRun = () => {
      if (run.length > 0) reportDropped(run, placeOf(pairs, runStart, reference, translation));
      run = [];
    };
    const reportDropped = (dropped: typeof run, span: Span) => {
      const first = dropped[0]!;
      const last = dropped[dropped.length - 1]!;
      const shown = dropped.slice(0, 3).map((item) => quote(item.link?.url ?? item.target)).join(', ');
      const more = dropped.length > 3 ? ` and ${dropped.length - 3} more` : '';
      const from = first.link?.span ?? first.block.span;
      const to = last.link?.span ?? last.block.span;
      context.report({
        message: dropped.length === 1
          ? `Link target ${shown} of ${where(reference, from)} is missing: the translation has no link to it there`
          : `${dropped.length} link targets of ${where(reference, from)}–${to.start.line} are missing: the translation has no link to them there: ${shown}${more}`,
        subject: dropped.length === 1 ? `Link target ${shown}` : 'Link targets of a dropped passage',
        span,
        referenceSpan: { start: from.start, end: to.end },
        category: 'missing',
        key: `dropped:${first.block.block}:${first.target}`,
        expected: dropped.map((item) => item.target).join(' '),
        found: '(none)',
      });
    };
    differences.forEach(({ reference: ref, translation: tr, gone, added }, index) => {
      if (ref && !tr && gone.length > 0) {
        if (run.length === 0) runStart = index;
        for (const target of gone) {
          const link = reference.links.find((candidate) => candidate.block === ref.block && neutralIn(0)(candidate) === target);
          // A paragraph that opens with an HTML tag may be read as raw HTML, with its Markdown links left unread.
          if (link && translation.html.some((html) => html.value.includes(`(${link.url})`) || html.value.includes(`"${link.url}"`))) continue;
          run.push({ target, link, block: ref });
        }
        return;
      }
      // A paragraph of the translation ends a run; an extra one of its own does not.
      if (tr && ref) flushRun();
      if (!ref || !tr || gone.length === 0) return;
      const trLinks = translation.links.filter((link) => link.block === tr.block);
      const matched = matchTargets(gone, added, parts);
      gone.forEach((target, k) => {
        const replacement = matched[k];
        const link = replacement !== undefined ? trLinks.find((candidate) => neutral(candidate) === replacement) : undefined;
        const refLink = reference.links.find((candidate) => candidate.block === ref.block && neutralIn(0)(candidate) === target);
        if (refLink && link && localizedScreenshot(refLink, link)) return;
        // Same page written another way (`/docs/x` for `../x`) in a snippet.
        const form = replacement !== undefined && !sameForm(target, replacement) && samePage(parts.get(target)!, parts.get(replacement)!, own.has(replacement));
        // Fixed only when the change pairs one target with one other, written in the same form.
        const wanted = refLink && link && gone.length === 1 && added.length === 1 ? linkTargetFix(refLink.url, link.url, reference.locale, translation.locale, { file: translation.file, image: link.kind === 'image' }) : undefined;
        const fix = link?.urlSpan && wanted !== undefined ? [{ range: [link.urlSpan.start.offset, link.urlSpan.end.offset] as [number, number], text: wanted }] : undefined;
        context.report({
          message: form
            ? `Link written another way: expected ${quote(refLink?.url ?? target)} as in ${where(reference, refLink?.span ?? ref.span)}, found ${quote(link?.url ?? replacement)}; in a snippet, a relative link resolves against each page that includes it`
            : replacement !== undefined
              ? `Link target changed: expected ${quote(refLink?.url ?? target)} as in ${where(reference, refLink?.span ?? ref.span)}, found ${quote(link?.url ?? replacement)}`
              : `Link target ${quote(refLink?.url ?? target)} of ${where(reference, refLink?.span ?? ref.span)} is missing from this paragraph`,
          subject: `Link target ${quote(refLink?.url ?? target)}`,
          span: link?.span ?? tr.span,
          referenceSpan: refLink?.span ?? ref.span,
          category: form ? 'form' : replacement !== undefined ? 'changed' : 'missing',
          key: `${tr.block}:${target}`,
          expected: target,
          found: replacement ?? '(none)',
          fix,
        });
      });
    });
    flushRun();
    const refDefinitions = new Map(reference.links.filter((l) => l.kind === 'definition').map((l) => [l.text.toLowerCase(), l]));
    for (const definition of translation.links.filter((l) => l.kind === 'definition')) {
      const ref = refDefinitions.get(definition.text.toLowerCase());
      if (!ref) continue;
      const a = neutralOf(ref.url);
      const b = neutralOf(definition.url);
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

/** `compute`, run once per key; the results are shared, and must not be changed. */
function memoized<T>(compute: (key: string) => T): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    if (!results.has(key)) results.set(key, compute(key));
    return results.get(key)!;
  };
}

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

type PathForm = 'absolute' | 'relative' | 'other';

/** `/docs/x` is absolute, `../x` and `x.md` relative; URLs with a scheme and bare `#anchors` are neither. */
function pathForm(url: string): PathForm {
  if (!isInternal(url) || url.startsWith('#')) return 'other';
  return url.startsWith('/') ? 'absolute' : 'relative';
}

/** A file made to be included in other pages: under `snippets/`, `partials/`, `_includes/`, or named `_x.md` (not `_index.md`). */
function isSnippet(file: string): boolean {
  const segments = file.split('/');
  const name = segments.pop() ?? '';
  if (segments.some((segment) => /^_?(snippets?|partials?|includes?)$/i.test(segment))) return true;
  return name.startsWith('_') && !/^_index\./i.test(name);
}

/**
 * Which added target replaces each gone one in a paragraph: the most alike first (same host and the most path
 * segments in common), so links written in another order are not paired with their neighbours; then the rest by
 * position. A gone target left without one is missing.
 */
function matchTargets(gone: string[], added: string[], parts: Map<string, NeutralUrl>): Array<string | undefined> {
  if (gone.length === 1 && added.length === 1) return [added[0]];
  const result: Array<string | undefined> = gone.map(() => undefined);
  const candidates: Array<{ g: number; a: number; score: number }> = [];
  gone.forEach((target, g) => added.forEach((other, a) => {
    const score = likeness(parts.get(target)?.base ?? target, parts.get(other)?.base ?? other);
    if (score > 0) candidates.push({ g, a, score });
  }));
  candidates.sort((x, y) => y.score - x.score || x.g - y.g || x.a - y.a);
  const taken = new Set<number>();
  for (const { g, a } of candidates) {
    if (result[g] !== undefined || taken.has(a)) continue;
    result[g] = added[a];
    taken.add(a);
  }
  // The rest pair by position: the first unmatched gone target with the first unmatched added one, and so on.
  const rest = added.filter((_, a) => !taken.has(a));
  result.forEach((match, g) => {
    if (match === undefined && rest.length > 0) result[g] = rest.shift();
  });
  return result;
}

/** How alike two targets are: 0 for another host, else the share of leading path segments they have in common. */
function likeness(a: string, b: string): number {
  const split = (url: string) => {
    const match = /^([a-z][\w+.-]*:\/\/[^/]*)?(.*)$/i.exec(url)!;
    return { host: match[1]?.toLowerCase() ?? '', path: match[2]!.split(/[/?#]/).filter(Boolean) };
  };
  const x = split(a);
  const y = split(b);
  if (x.host !== y.host) return 0;
  let common = 0;
  while (common < x.path.length && common < y.path.length && x.path[common] === y.path[common]) common++;
  const longest = Math.max(x.path.length, y.path.length);
  return longest === 0 ? 1 : common / longest;
}

/**
 * Where a paragraph of the reference would be in the translation: the translation's block as many blocks after the
 * last paired paragraph as in the reference, when the blocks in between are of the same kinds (no heading added or
 * dropped); otherwise the end of that paired paragraph.
 */
function placeOf(pairs: Pair<TokenBlock>[], index: number, reference: FileSummary, translation: FileSummary): Span {
  const ref = pairs[index]!.reference!;
  const before = pairs.slice(0, index).reverse().find((pair) => pair.reference && pair.translation);
  const after = pairs.slice(index + 1).find((pair) => pair.reference && pair.translation);
  const refFrom = before?.reference!.block ?? -1;
  const trFrom = before?.translation!.block ?? -1;
  const offset = ref.block - refFrom;
  const limit = after ? after.translation!.block : translation.blocks.length;
  let sameKinds = trFrom + offset < limit;
  for (let k = 1; sameKinds && k <= offset; k++) sameKinds = reference.blocks[refFrom + k]?.kind === translation.blocks[trFrom + k]?.kind;
  if (sameKinds) return translation.blocks[trFrom + offset]!.span;
  const end = before?.translation?.span.end ?? translation.blocks[0]?.span.start ?? { line: 1, column: 1, offset: 0 };
  return { start: end, end };
}

/**
 * Two images at the same place, both uploaded to the same image host under other names: a screenshot taken again in
 * the translation's language (Ant Design does this for every page), not drift. Local image paths, and the same name
 * in another format (`logo.svg` for `logo.jpg`), are still compared.
 */
function localizedScreenshot(reference: Link, translation: Link): boolean {
  if (reference.kind !== 'image' || translation.kind !== 'image') return false;
  const parts = (url: string) => /^https?:\/\/([^/?#]+)([^?#]*?)(?:\.\w+)?(?:[?#].*)?$/i.exec(url);
  const from = parts(reference.url);
  const to = parts(translation.url);
  return from !== null && to !== null && from[1]!.toLowerCase() === to[1]!.toLowerCase() && from[2] !== to[2];
}

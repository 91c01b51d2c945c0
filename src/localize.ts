/** Reduce a link target to a locale-neutral form, so `/en/guide` and `/de/guide` compare equal. */

const LOCALE_SEGMENT = /^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}|hans|hant|latn|cyrl))?$/i;
const LOCALE_QUERY = /^(lang|locale|hl|language|i18n[\w-]*)(=|$)/i;
const SCHEME = /^[a-z][\w+.-]*:/i;
const INDEX_FILE = /^(_?index|readme)$/i;
const FILE_LINK = /\.(md|mdx|markdown)$/i;

/** How a copy's links are read: the locales that may appear in them, and where the copy sits in the site. */
export interface LinkContext {
  /** Locales whose codes count as localization in a URL: the reference's and the translation's. */
  locales: string[];
  /** The page's path inside its locale tree (`docs/concepts/index.md`), to resolve relative links; omit to keep them as written. */
  pagePath?: string;
  /** Extra localization patterns with a `{locale}` token, removed before comparing. */
  extra?: string[];
}

/** Codes that count as this locale in a URL: `pt-BR` → pt-br, pt_br, pt, br. */
function aliases(locale: string): Set<string> {
  const lower = locale.toLowerCase();
  const [language, region] = lower.split(/[-_]/);
  const set = new Set([lower, lower.replace('-', '_'), lower.replace('_', '-'), language!]);
  if (region) set.add(region);
  if (language === 'zh') ['cn', 'tw', 'hk', 'hans', 'hant', 'zh-hans', 'zh-hant'].forEach((code) => set.add(code));
  return set;
}

/** True when `segment` names one of the locales (or a variant of its language, such as `en-US` for `en`). */
function isLocaleSegment(segment: string, names: Set<string>, languages: Set<string>): boolean {
  const lower = segment.toLowerCase();
  if (names.has(lower)) return true;
  const match = LOCALE_SEGMENT.exec(lower);
  return match !== null && languages.has(match[1]!) && match[2] !== undefined;
}

/** True for a link inside the same site: a path, not a URL with a scheme or a protocol-relative one. */
export function isInternal(url: string): boolean {
  return !SCHEME.test(url) && !url.startsWith('//');
}

/** A link target taken apart for comparison. */
export interface NeutralUrl {
  /** The locale-neutral target without its fragment. */
  base: string;
  /** Every reading of the target: a relative link resolved as a file link and as a page URL. */
  bases: string[];
  /** The `#fragment`, '' when there is none. */
  fragment: string;
  /** True when the target named a locale: it points at a localized page, whose anchors may be translated. */
  localized: boolean;
  /** True for a link inside the site (no scheme). */
  internal: boolean;
}

/**
 * The locale-neutral form of `url`, fragment included (see `neutralParts`); `context` may also be one locale, with
 * `extra` localization patterns.
 */
export function neutralUrl(url: string, context: LinkContext | string, extra: string[] = []): string {
  const parts = neutralParts(url, typeof context === 'string' ? { locales: [context], extra } : context);
  return parts.base + parts.fragment;
}

/**
 * Take `url` apart into a locale-neutral form: a locale path segment, a `-de` suffix, a `lang=` query value and a
 * language subdomain of any of `context.locales` are dropped, on either side, so `/en/x` (reference) and `/de/x`
 * (translation) both become `/x`, and an `en-US` MDN link kept in a German copy still matches. Relative links are
 * resolved against the page's path and trailing slashes are dropped.
 */
export function neutralParts(url: string, context: LinkContext): NeutralUrl {
  const { names, languages, suffixes } = localeCodes(context.locales);
  let rest = decode(url.trim());
  for (const pattern of context.extra ?? []) {
    for (const name of names) rest = rest.replace(new RegExp(pattern.replaceAll('{locale}', escape(name)), 'i'), '');
  }
  const internal = isInternal(rest);
  let prefix = '';
  // A link localized to another language's page has that page's (translated) anchors.
  let localized = false;
  const scheme = /^[a-z][\w+.-]*:\/\/([^/?#]*)/i.exec(rest);
  if (scheme) {
    const host = scheme[1]!.toLowerCase().split('.');
    if (host.length > 2 && isLocaleSegment(host[0]!, names, languages)) {
      host.shift();
      localized = true;
    }
    // `www.example.com` and `example.com` serve the same pages.
    if (host.length > 2 && host[0] === 'www') host.shift();
    // `http://` and `https://` of one host serve the same page.
    prefix = `${rest.slice(0, rest.indexOf('//') + 2).toLowerCase().replace(/^http:/, 'https:')}${host.join('.')}`;
    rest = rest.slice(scheme[0].length);
  }
  const hashAt = rest.indexOf('#');
  const hash = hashAt === -1 ? '' : rest.slice(hashAt);
  if (hashAt !== -1) rest = rest.slice(0, hashAt);
  const queryAt = rest.indexOf('?');
  const queryParts = queryAt === -1 ? [] : rest.slice(queryAt + 1).split('&');
  if (queryAt !== -1) rest = rest.slice(0, queryAt);
  const query = queryParts.filter((part) => part && !LOCALE_QUERY.test(part)).join('&');
  if (queryParts.some((part) => LOCALE_QUERY.test(part))) localized = true;
  const relative = internal && context.pagePath !== undefined && !rest.startsWith('/');
  const paths = relative ? resolveRelative(rest, context.pagePath!) : [rest];
  const cleaned = paths.map((path) => {
    const segments = path.split('/').filter((segment, index, all) => {
      if (isLocaleSegment(segment, names, languages)) {
        localized = true;
        return false;
      }
      // `semver.org/lang/pt-BR/`: the word that introduces a locale goes with it.
      if (/^(lang|locale|language|i18n)$/i.test(segment) && isLocaleSegment(all[index + 1] ?? '', names, languages)) return false;
      return segment !== '' || index === 0 || index === all.length - 1;
    });
    const last = segments.length - (segments.length > 1 && segments[segments.length - 1] === '' ? 2 : 1);
    const suffix = last >= 0 ? suffixes.find((pattern) => pattern.test(segments[last]!)) : undefined;
    if (suffix) {
      segments[last] = segments[last]!.replace(suffix, '');
      localized = true;
    }
    let joined = segments.join('/');
    // A site's own pages: `guide.md`, `guide/index.md`, `guide/` and `guide` name the same page.
    if (internal) joined = joined.replace(/\.(md|mdx|markdown)$/i, '').replace(/(^|\/)(_?index|readme)$/i, '$1');
    if (joined.length > 1 && joined.endsWith('/')) joined = joined.slice(0, -1);
    if (joined === '/' && prefix) joined = '';
    return `${prefix}${joined}${query ? `?${query}` : ''}`;
  });
  return { base: cleaned[0]!, bases: [...new Set(cleaned)], fragment: hash, localized, internal };
}

/** The codes of a set of locales, as `neutralParts` looks for them in a URL. */
interface LocaleCodes {
  names: Set<string>;
  languages: Set<string>;
  /** A `-de` or `.de` suffix before a file's extension, one pattern per name, in the order of `names`. */
  suffixes: RegExp[];
}

// Every link of a compared pair is read with the same locales: their codes and patterns are worked out once.
const codesByLocales = new Map<string, LocaleCodes>();

function localeCodes(locales: string[]): LocaleCodes {
  const key = locales.join('\u0000');
  let codes = codesByLocales.get(key);
  if (!codes) {
    const names = new Set(locales.flatMap((locale) => [...aliases(locale)]));
    const languages = new Set(locales.map((locale) => locale.toLowerCase().split(/[-_]/)[0]!));
    const suffixes = [...names].map((name) => new RegExp(`[-_.]${escape(name)}(?=(\\.[a-z0-9]+)?$)`, 'i'));
    codes = { names, languages, suffixes };
    codesByLocales.set(key, codes);
  }
  return codes;
}

/**
 * `../signals/` on page `docs/concepts/context/index.md` → `/docs/concepts/signals/`. Browsers, MkDocs and Docusaurus
 * resolve against the file's folder; Hugo, Astro and Starlight serve `a/b.md` as `a/b/`, so links resolve below it.
 * Both readings are returned, the likelier first: the folder for links to Markdown files, the page URL otherwise.
 */
function resolveRelative(link: string, pagePath: string): string[] {
  const folder = pagePath.split('/').filter(Boolean);
  const name = (folder.pop() ?? '').replace(/\.[^.]+$/, '');
  const page = INDEX_FILE.test(name) || name === '' ? folder : [...folder, name];
  if (link === '') return [`/${page.join('/')}`];
  const resolve = (base: string[]) => {
    const parts = [...base];
    for (const segment of link.split('/')) {
      if (segment === '..') parts.pop();
      else if (segment !== '.') parts.push(segment);
    }
    return `/${parts.join('/')}`;
  };
  const readings = [resolve(page), resolve(folder)];
  return FILE_LINK.test(link.replace(/\/$/, '')) ? readings.reverse() : readings;
}

/** `%C3%A9` → `é`, so encoded and plain forms of one URL compare equal; malformed escapes stay as written. */
function decode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reduce a link target to a locale-neutral form, so `/en/guide` and `/de/guide` compare equal. */

const LOCALE_SEGMENT = /^([a-z]{2,3})(?:[-_]([a-z]{2,4}))?$/i;

/** Codes that count as this locale in a URL: `pt-BR` → pt-br, pt_br, pt, br. */
function aliases(locale: string): Set<string> {
  const lower = locale.toLowerCase();
  const [language, region] = lower.split(/[-_]/);
  const set = new Set([lower, lower.replace('-', '_'), lower.replace('_', '-'), language!]);
  if (region) set.add(region);
  if (language === 'zh') ['cn', 'tw', 'hk', 'hans', 'hant', 'zh-hans', 'zh-hant'].forEach((code) => set.add(code));
  return set;
}

/** True when `segment` names `locale` (or a variant of its language, such as `en-US` for `en`). */
function isLocaleSegment(segment: string, names: Set<string>, language: string): boolean {
  const lower = segment.toLowerCase();
  if (names.has(lower)) return true;
  const match = LOCALE_SEGMENT.exec(lower);
  return match !== null && match[1] === language && match[2] !== undefined;
}

/**
 * The locale-neutral form of `url` as written in a copy in `locale`: a locale path segment, a `-de` suffix, a `lang=`
 * query value and a language subdomain are dropped; `extra` patterns (with a `{locale}` token) are removed too.
 */
export function neutralUrl(url: string, locale: string, extra: string[] = []): string {
  const names = aliases(locale);
  const language = locale.toLowerCase().split(/[-_]/)[0]!;
  let rest = url.trim();
  for (const pattern of extra) {
    for (const name of names) rest = rest.replace(new RegExp(pattern.replaceAll('{locale}', escape(name)), 'i'), '');
  }
  let prefix = '';
  const scheme = /^[a-z][\w+.-]*:\/\/([^/?#]*)/i.exec(rest);
  if (scheme) {
    const host = scheme[1]!.toLowerCase().split('.');
    if (host.length > 2 && names.has(host[0]!)) host.shift();
    prefix = `${rest.slice(0, rest.indexOf('//') + 2)}${host.join('.')}`;
    rest = rest.slice(scheme[0].length);
  }
  const hashAt = rest.indexOf('#');
  const hash = hashAt === -1 ? '' : rest.slice(hashAt);
  if (hashAt !== -1) rest = rest.slice(0, hashAt);
  const queryAt = rest.indexOf('?');
  let query = queryAt === -1 ? '' : rest.slice(queryAt + 1);
  if (queryAt !== -1) rest = rest.slice(0, queryAt);
  query = query
    .split('&')
    .filter((part) => part && !/^(lang|locale|hl|language)=/i.test(part))
    .join('&');
  const segments = rest.split('/').filter((segment, index, all) => {
    if (isLocaleSegment(segment, names, language)) return false;
    return segment !== '' || index === 0 || index === all.length - 1;
  });
  const last = segments.length - 1;
  if (last >= 0) {
    for (const name of names) {
      const suffix = new RegExp(`[-_.]${escape(name)}(?=(\\.[a-z0-9]+)?$)`, 'i');
      if (suffix.test(segments[last]!)) {
        segments[last] = segments[last]!.replace(suffix, '');
        break;
      }
    }
  }
  return `${prefix}${segments.join('/')}${query ? `?${query}` : ''}${hash}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

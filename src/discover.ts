/** Find the Markdown files of a tree and group the locale copies of each page. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { UsageError } from './config.js';
import type { LayoutInfo, PageFile, PageGroup } from './types.js';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** True when `code` reads as a locale code: `de`, `pt-BR`, `pt_BR`, `zh-hant`, `en-US`. */
export function isLocaleCode(code: string): boolean {
  if (!/^[a-z]{2,3}(?:[-_](?:[A-Za-z]{2}|[A-Za-z]{4}|\d{3}))?$/i.test(code)) return false;
  try {
    return languageNames.of(code.replace('_', '-')) !== undefined;
  } catch {
    return false;
  }
}

export interface Layout {
  name: string;
  patterns: string[];
  source?: string;
}

interface CompiledPattern {
  pattern: string;
  regex: RegExp;
  hasLocale: boolean;
  glob: string;
}

const MARKDOWN = /\.mdx?$/i;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

function escapeRegex(text: string): string {
  return text.replace(/[.+?^$()|[\]\\]/g, '\\$&');
}

/** Compile `content/{locale}/**` into a glob and a regex capturing the locale and the page part of a path. */
export function compilePattern(pattern: string): CompiledPattern {
  let body = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  if (body.endsWith('**')) body += '/*.{md,mdx}';
  else if (!/\.[A-Za-z{},]+$/.test(body.split('/').pop() ?? '')) body += '/**/*.{md,mdx}';
  const hasLocale = body.includes('{locale}');
  let regex = '^';
  let seenWildcard = false;
  for (let i = 0; i < body.length; ) {
    if (body.startsWith('{locale}', i)) {
      regex += '(?<locale>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)';
      i += '{locale}'.length;
      continue;
    }
    if (body.startsWith('**/', i)) {
      regex += (seenWildcard ? '' : '(?<page>') + '(?:.*/)?';
      seenWildcard = true;
      i += 3;
      continue;
    }
    if (body.startsWith('**', i)) {
      regex += (seenWildcard ? '' : '(?<page>') + '.*';
      seenWildcard = true;
      i += 2;
      continue;
    }
    const ch = body[i]!;
    if (ch === '*') {
      regex += (seenWildcard ? '' : '(?<page>') + '[^/]*';
      seenWildcard = true;
    } else if (ch === '{') {
      const close = body.indexOf('}', i);
      const options = body.slice(i + 1, close).split(',').map(escapeRegex);
      regex += `(?:${options.join('|')})`;
      i = close + 1;
      continue;
    } else {
      regex += escapeRegex(ch);
    }
    i++;
  }
  regex += seenWildcard ? ')$' : '$';
  return { pattern, regex: new RegExp(regex, 'd'), hasLocale, glob: body.replaceAll('{locale}', '*') };
}

/** The page id of `path` matched by `compiled`: the wildcard part with the locale taken out, extension dropped. */
function pageOf(path: string, compiled: CompiledPattern): { locale?: string; page: string } | undefined {
  const match = compiled.regex.exec(path);
  if (!match) return undefined;
  const indices = match.indices!.groups!;
  const pageRange = indices.page ?? [path.length, path.length];
  let page = path.slice(pageRange[0], pageRange[1]);
  const locale = match.groups?.locale;
  const localeRange = indices.locale;
  if (locale && localeRange && localeRange[0] >= pageRange[0]) {
    // `index.zh-CN.md` → `index.md`: drop the locale and one separator next to it.
    const start = localeRange[0] - pageRange[0];
    const end = localeRange[1] - pageRange[0];
    const separatorBefore = start > 0 && /[._-]/.test(page[start - 1]!);
    page = separatorBefore ? page.slice(0, start - 1) + page.slice(end) : page.slice(0, start) + page.slice(end + 1);
  }
  return { locale, page: page.replace(MARKDOWN, '').replace(/^\/+/, '') };
}

/** Names of the sub-directories of `directory`, or none when it cannot be read. */
function directories(directory: string): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Recognise the common layouts of localized documentation under `root`. */
export function detectLayout(root: string): Layout | undefined {
  const has = (path: string) => isDirectory(join(root, path));
  const i18n = directories(join(root, 'i18n')).filter((locale) => has(`i18n/${locale}/docusaurus-plugin-content-docs/current`));
  if (i18n.length > 0 && has('docs')) {
    return { name: 'docusaurus', patterns: ['docs/**', 'i18n/{locale}/docusaurus-plugin-content-docs/current/**'], source: 'en' };
  }
  const top = directories(root);
  if (has('pages') && top.some((name) => name.startsWith('pages.') && isLocaleCode(name.slice(6)))) {
    return { name: 'tldr', patterns: ['pages/**', 'pages.{locale}/**'], source: 'en' };
  }
  for (const base of ['src/content/docs', 'docs/src/content/docs']) {
    if (!has(base)) continue;
    const locales = directories(join(root, base)).filter(isLocaleCode);
    if (locales.includes('en')) return { name: 'astro', patterns: [`${base}/{locale}/**`], source: 'en' };
    if (locales.length > 0) return { name: 'starlight', patterns: [`${base}/**`, `${base}/{locale}/**`], source: 'en' };
  }
  if (has('content/en')) return { name: 'hugo', patterns: ['content/{locale}/**'], source: 'en' };
  const docsLocales = directories(join(root, 'docs')).filter(isLocaleCode);
  if (docsLocales.length > 0 && docsLocales.some((locale) => has(`docs/${locale}/docs`))) {
    return { name: 'mkdocs', patterns: ['docs/{locale}/docs/**'], source: docsLocales.includes('en') ? 'en' : undefined };
  }
  if (docsLocales.length > 1) return { name: 'docs-locale', patterns: ['docs/{locale}/**'], source: docsLocales.includes('en') ? 'en' : undefined };
  const siblings = top.map((name) => /^(.+)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)$/.exec(name)).filter((m) => m && isLocaleCode(m[2]!));
  const prefixes = new Set(siblings.map((m) => m![1]));
  if (siblings.length > 1 && prefixes.size === 1) {
    const prefix = [...prefixes][0]!;
    const locales = siblings.map((m) => m![2]!);
    return { name: 'sibling-repositories', patterns: [`${prefix}.{locale}/**`], source: locales.includes('en') ? 'en' : undefined };
  }
  const localeDirs = top.filter(isLocaleCode);
  if (localeDirs.length > 1) return { name: 'locale-directories', patterns: ['{locale}/**'], source: localeDirs.includes('en') ? 'en' : undefined };
  return undefined;
}

/** Detect the suffix layout (`index.zh-CN.md` beside `index.en-US.md`) from a list of files. */
function detectSuffix(files: string[]): Layout | undefined {
  const locales = new Map<string, number>();
  for (const file of files) {
    const match = /\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)\.mdx?$/.exec(file);
    if (match && isLocaleCode(match[1]!)) locales.set(match[1]!, (locales.get(match[1]!) ?? 0) + 1);
  }
  const found = [...locales.entries()].filter(([, count]) => count >= 1).map(([locale]) => locale);
  if (found.length === 0) return undefined;
  if (found.length === 1) return { name: 'suffix', patterns: ['**/*.md', '**/*.{locale}.md', '**/*.mdx', '**/*.{locale}.mdx'], source: 'en' };
  return { name: 'suffix', patterns: ['**/*.{locale}.md', '**/*.{locale}.mdx'], source: found.includes('en') ? 'en' : undefined };
}

export interface DiscoverOptions {
  root: string;
  cwd: string;
  patterns?: string[];
  source?: string;
  locales?: string[];
  ignore?: string[];
}

export interface Discovery {
  layout: LayoutInfo;
  groups: PageGroup[];
  /** Expected path of a page's copy in a locale, for messages. */
  expectedPath(page: PageGroup, locale: string): string | undefined;
  /** The page id a path (relative to cwd, present or deleted) would have, if the patterns match it. */
  pageOf(file: string): string | undefined;
}

/** Find every Markdown file under `root`, tell its locale and page, and group copies of the same page. */
export async function discover(options: DiscoverOptions): Promise<Discovery> {
  const root = resolve(options.cwd, options.root);
  if (!isDirectory(root)) {
    throw new UsageError(`${options.root}: no such directory`);
  }
  let layout: Layout | undefined = options.patterns?.length
    ? { name: 'configured', patterns: options.patterns, source: options.source }
    : detectLayout(root);
  const ignore = [...ALWAYS_IGNORED, ...(options.ignore ?? [])];
  if (!layout) {
    const all = await glob('**/*.{md,mdx}', { cwd: root, ignore, followSymbolicLinks: false, dot: false });
    layout = detectSuffix(all);
    if (!layout) {
      throw new UsageError(
        `${options.root}: no localized layout found (looked for {locale}/**, docs/{locale}/**, content/{locale}/**, pages.{locale}/**, i18n/{locale}/…, src/content/docs/{locale}/**, *.{locale}.md); name one with --pattern`,
      );
    }
  }
  const source = options.source ?? layout.source;
  const compiled = layout.patterns.map(compilePattern);
  const allowed = options.locales?.length ? new Set(options.locales) : undefined;
  const files = new Map<string, { locale: string; page: string; pattern: CompiledPattern }>();
  for (const pattern of compiled) {
    const matches = await glob(pattern.glob, { cwd: root, ignore, followSymbolicLinks: false, dot: false, onlyFiles: true });
    for (const path of matches) {
      const hit = pageOf(path, pattern);
      if (!hit) continue;
      let locale = hit.locale;
      if (pattern.hasLocale) {
        if (!locale || !(allowed ? allowed.has(locale) : isLocaleCode(locale))) continue;
      } else {
        if (!source) throw new UsageError(`pattern \`${pattern.pattern}\` has no {locale} token, so it needs --source <locale>`);
        locale = source;
      }
      const previous = files.get(path);
      // A file a {locale} pattern claims belongs to that locale, not to the source pattern that also matches it.
      if (previous && (!pattern.hasLocale || previous.pattern.hasLocale)) continue;
      files.set(path, { locale, page: hit.page, pattern });
    }
  }
  if (files.size === 0) {
    throw new UsageError(`${options.root}: the patterns ${layout.patterns.map((p) => `\`${p}\``).join(', ')} match no Markdown file`);
  }
  const groups = new Map<string, PageGroup>();
  for (const [path, { locale, page }] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const group = groups.get(page) ?? { id: page, files: [] };
    const absolute = join(root, path);
    const file: PageFile = { locale, path: absolute, file: toPosix(relative(options.cwd, absolute)) };
    const existing = group.files.find((candidate) => candidate.locale === locale);
    // `index.md` and `index.mdx` of one locale: keep the first, the other is linted on its own page id next run.
    if (!existing) group.files.push(file);
    groups.set(page, group);
  }
  const locales = [...new Set([...files.values()].map((file) => file.locale))].sort();
  if (source && !locales.includes(source) && options.source) {
    throw new UsageError(`source locale \`${source}\` has no files under ${options.root} (found: ${locales.join(', ')})`);
  }
  if (allowed) {
    const absent = [...allowed].filter((locale) => !locales.includes(locale));
    if (absent.length > 0) throw new UsageError(`locale${absent.length > 1 ? 's' : ''} ${absent.join(', ')}: no files found under ${options.root}`);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const group of ordered) group.files.sort((a, b) => (a.locale === source ? -1 : b.locale === source ? 1 : a.locale < b.locale ? -1 : 1));
  const info: LayoutInfo = { name: layout.name, patterns: layout.patterns, source: source && locales.includes(source) ? source : undefined, locales };
  return {
    layout: info,
    groups: ordered,
    pageOf(file) {
      const path = toPosix(relative(root, resolve(options.cwd, file)));
      for (const pattern of compiled) {
        const hit = pageOf(path, pattern);
        if (hit && (!pattern.hasLocale || (hit.locale && locales.includes(hit.locale)))) return hit.page;
      }
      return undefined;
    },
    expectedPath(page, locale) {
      const sample = page.files[0];
      if (!sample) return undefined;
      const pattern = compiled.find((p) => (locale === info.source ? !p.hasLocale : p.hasLocale)) ?? compiled.find((p) => p.hasLocale);
      if (!pattern) return undefined;
      const extension = /\.mdx?$/i.exec(sample.file)?.[0] ?? '.md';
      const base = pattern.glob.startsWith('**') || pattern.pattern.includes('*.{locale}') ? undefined : pattern.pattern;
      if (!base) return undefined;
      const prefix = base.replace(/\*\*.*$/, '').replaceAll('{locale}', locale);
      return toPosix(relative(options.cwd, join(root, prefix, page.id + extension)));
    },
  };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

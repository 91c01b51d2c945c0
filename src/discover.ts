/** Find the Markdown files of a tree and group the locale copies of each page. */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from './config.js';
import type { LayoutInfo, PageFile, PageGroup } from './types.js';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** What a `{locale}` token matches: `de`, `pt-BR`, `pt_BR`, `zh-hant`, `en-US`. */
const LOCALE_SOURCE = '[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?';

const localeCodes = new Map<string, boolean>();

/** True when `code` reads as a locale code: `de`, `pt-BR`, `pt_BR`, `zh-hant`, `en-US`. */
export function isLocaleCode(code: string): boolean {
  let known = localeCodes.get(code);
  if (known === undefined) {
    known = /^[a-z]{2,3}(?:[-_](?:[A-Za-z]{2}|[A-Za-z]{4}|\d{3}))?$/i.test(code) && hasLanguageName(code);
    // Asked once per file: remember the answer, Intl is slow.
    localeCodes.set(code, known);
  }
  return known;
}

function hasLanguageName(code: string): boolean {
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

/** One `/`-separated part of a pattern: `**`, or a regex for one name. */
type Segment = { globstar: true } | { globstar: false; regex: RegExp; dot: boolean };

export interface CompiledPattern {
  pattern: string;
  /** The pattern with the implied file part added: `content/{locale}/**` → `content/{locale}/**\/*.{md,mdx}`. */
  full: string;
  /** Matches a whole relative path, capturing `locale` and the `page` part. */
  regex: RegExp;
  /** True when the locale sits inside the page part (`**\/*.{locale}.md`) and must be cut out of the page id. */
  localeInPage: boolean;
  hasLocale: boolean;
  segments: Segment[];
}

const MARKDOWN = /\.mdx?$/i;
/** Never walked: they hold no documentation and can be huge. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

function escapeRegex(text: string): string {
  return text.replace(/[.+?^$()|[\]\\]/g, '\\$&');
}

/**
 * Regex source for a glob without `**`: `*`, `?`, `{a,b}` and `{locale}`. The first `{locale}` captures; a later one
 * (`pages.{locale}/x.{locale}.md`) must repeat it.
 */
function segmentSource(glob: string, state = { locale: false }): string {
  let out = '';
  for (let i = 0; i < glob.length; ) {
    if (glob.startsWith('{locale}', i)) {
      out += state.locale ? '\\k<locale>' : `(?<locale>${LOCALE_SOURCE})`;
      state.locale = true;
      i += '{locale}'.length;
      continue;
    }
    const ch = glob[i]!;
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '{' && glob.indexOf('}', i) > i) {
      const close = glob.indexOf('}', i);
      out += `(?:${glob.slice(i + 1, close).split(',').map(escapeRegex).join('|')})`;
      i = close + 1;
      continue;
    } else out += escapeRegex(ch);
    i++;
  }
  return out;
}

/** Add the file part a directory pattern implies: `docs/**` and `docs` both mean the Markdown files below `docs`. */
function withFilePart(pattern: string): string {
  let body = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  if (body === '**' || body.endsWith('/**')) return `${body}/*.{md,mdx}`;
  if (!/\.[A-Za-z{},]+$/.test(body.split('/').pop() ?? '')) body += '/**/*.{md,mdx}';
  return body;
}

/** Compile `content/{locale}/**` into a regex capturing the locale and the page part of a path, and its segments. */
export function compilePattern(pattern: string): CompiledPattern {
  const full = withFilePart(pattern);
  const parts = full.split('/');
  let regex = '^';
  let seenWildcard = false;
  const state = { locale: false };
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (part === '**') {
      regex += (seenWildcard ? '' : '(?<page>') + '(?:[^/]+/)*';
      seenWildcard = true;
      return;
    }
    if (!seenWildcard && /[*?]/.test(part)) {
      regex += '(?<page>';
      seenWildcard = true;
    }
    regex += segmentSource(part, state);
    if (!last) regex += '/';
  });
  regex += seenWildcard ? ')$' : '$';
  const segments: Segment[] = parts.map((part) =>
    part === '**' ? { globstar: true } : { globstar: false, regex: new RegExp(`^${segmentSource(part)}$`), dot: part.startsWith('.') },
  );
  const localeInPage = regex.indexOf('(?<locale>') > regex.indexOf('(?<page>') && regex.includes('(?<page>');
  // Match indices cost time and memory on large trees: only ask for them when the locale must be cut out.
  return { pattern, full, regex: new RegExp(regex, localeInPage ? 'd' : ''), localeInPage, hasLocale: full.includes('{locale}'), segments };
}

/** Whether a directory (its path split into names) can hold a file `compiled` matches. */
function mayHoldMatches(compiled: CompiledPattern, names: string[]): boolean {
  const { segments } = compiled;
  for (let i = 0; i < names.length; i++) {
    const segment = segments[i];
    // The last segment names files, so no directory can sit there.
    if (!segment || i === segments.length - 1) return false;
    // Hidden directories are only entered when a pattern names them.
    if (segment.globstar) return names.slice(i).every((name) => !name.startsWith('.'));
    if (!segment.regex.test(names[i]!) || (names[i]!.startsWith('.') && !segment.dot)) return false;
  }
  return true;
}

/** The page id of `path` matched by `compiled`: the wildcard part with the locale taken out, extension dropped. */
function pageOf(path: string, compiled: CompiledPattern): { locale?: string; page: string } | undefined {
  const match = compiled.regex.exec(path);
  if (!match) return undefined;
  const locale = match.groups?.locale;
  if (!compiled.localeInPage) return { locale, page: (match.groups?.page ?? '').replace(MARKDOWN, '').replace(/^\/+/, '') };
  const indices = match.indices!.groups!;
  const pageRange = indices.page ?? [path.length, path.length];
  let page = path.slice(pageRange[0], pageRange[1]);
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

/** A path discovery could not fully read: reported, and the rest of the tree is still linted. */
export interface DiscoveryProblem {
  /** Path relative to the working directory, forward slashes. */
  file: string;
  message: string;
}

function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ELOOP') return 'is a symbolic link loop';
  return `cannot be read (${code ?? String(error)})`;
}

interface Walk {
  /** Paths relative to the root, forward slashes, that some pattern matches. */
  files: string[];
  /** Problems, with paths relative to the root. */
  problems: DiscoveryProblem[];
}

/**
 * Walk `root` once for every pattern, entering only directories a pattern can match below. Symbolic links are
 * followed, but a directory reached twice (tldr's `pages.en` → `pages`, a link back to a parent) is walked once,
 * under its real path when it has one.
 */
function walk(root: string, compiled: CompiledPattern[], ignored: (path: string) => boolean): Walk {
  const files: string[] = [];
  const problems: DiscoveryProblem[] = [];
  const seen = new Set<string>();
  const identity = (path: string) => {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}`;
  };
  seen.add(identity(root));
  const linked: string[] = [];
  const wanted = (path: string) => !ignored(path) && compiled.some((pattern) => pattern.regex.test(path));
  const enter = (path: string) => !ignored(path) && compiled.some((pattern) => mayHoldMatches(pattern, path.split('/')));
  const visit = (directory: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, directory), { withFileTypes: true });
    } catch (error) {
      problems.push({ file: directory, message: `Directory ${errorReason(error)}; the files in it were not checked` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirectories: string[] = [];
    for (const entry of entries) {
      const path = directory ? `${directory}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && enter(path)) subdirectories.push(path);
      } else if (entry.isSymbolicLink()) {
        let target;
        try {
          target = statSync(join(root, path));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') {
            if (wanted(path) || enter(path)) problems.push({ file: path, message: 'Broken symbolic link: its target does not exist; it was not checked' });
          } else if (wanted(path)) {
            // A Markdown name joins its page group, where reading it says what is wrong (a loop, permissions).
            files.push(path);
          } else if (enter(path)) {
            const why = code === 'ELOOP' ? 'Symbolic link loop' : `Symbolic link ${errorReason(error)}`;
            problems.push({ file: path, message: `${why}; it was not followed` });
          }
          continue;
        }
        if (target.isDirectory()) {
          if (enter(path)) linked.push(path);
        } else if (wanted(path)) files.push(path);
      } else if (wanted(path)) {
        files.push(path);
      }
    }
    for (const subdirectory of subdirectories) {
      try {
        seen.add(identity(join(root, subdirectory)));
      } catch {
        // Unreadable: visit() reports it.
      }
      visit(subdirectory);
    }
  };
  visit('');
  // Linked directories last, so a tree reached both directly and through a link counts under its own path.
  while (linked.length > 0) {
    const path = linked.shift()!;
    const absolute = join(root, path);
    const key = identity(absolute);
    if (seen.has(key)) {
      const target = realpathSync(absolute);
      const parent = realpathSync(join(absolute, '..'));
      if (parent === target || parent.startsWith(target + sep)) {
        problems.push({ file: path, message: `Symbolic link loop: it leads back to \`${toPosix(relative(root, target)) || '.'}\`; it was not followed` });
      }
      continue;
    }
    seen.add(key);
    visit(path);
  }
  return { files, problems };
}

/** Compile ignore globs; a glob without `/` matches a name at any depth, as in .gitignore. */
function ignoreMatcher(globs: string[]): (path: string) => boolean {
  const regexes = globs.map((glob) => {
    const body = glob.replace(/^\.\//, '').replace(/\/+$/, '');
    const anchored = body.includes('/') ? body : `**/${body}`;
    const parts = anchored.split('/');
    const source = parts
      .map((part, index) => (part === '**' ? (index === parts.length - 1 ? '.*' : '(?:[^/]+/)*') : segmentSource(part) + (index === parts.length - 1 ? '' : '/')))
      .join('');
    // A directory glob leaves out everything below it too.
    return new RegExp(`^${source}(?:/.*)?$`);
  });
  return (path) => regexes.some((regex) => regex.test(path));
}

/** Names of the sub-directories of `directory`, or none when it cannot be read. */
function directories(directory: string): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(join(directory, entry.name))))
      .map((entry) => entry.name);
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

/** `en` when the source locale is there, else none (copies compared as peers). */
function englishIf(locales: string[]): string | undefined {
  return locales.includes('en') ? 'en' : undefined;
}

/** Recognise the common directory layouts of localized documentation under `root`. */
export function detectLayout(root: string): Layout | undefined {
  const has = (path: string) => isDirectory(join(root, path));
  const localesIn = (path: string) => directories(join(root, path)).filter(isLocaleCode);
  if (has('docs') && localesIn('i18n').some((locale) => has(`i18n/${locale}/docusaurus-plugin-content-docs/current`))) {
    return { name: 'docusaurus', patterns: ['docs/**', 'i18n/{locale}/docusaurus-plugin-content-docs/current/**'], source: 'en' };
  }
  const top = directories(root);
  if (has('pages') && top.some((name) => name.startsWith('pages.') && isLocaleCode(name.slice('pages.'.length)))) {
    return { name: 'tldr', patterns: ['pages/**', 'pages.{locale}/**'], source: 'en' };
  }
  for (const base of ['src/content/docs', 'docs/src/content/docs']) {
    const locales = localesIn(base);
    if (locales.includes('en')) return { name: 'astro', patterns: [`${base}/{locale}/**`], source: 'en' };
    if (locales.length > 0) return { name: 'starlight', patterns: [`${base}/**`, `${base}/{locale}/**`], source: 'en' };
  }
  const content = localesIn('content');
  if (content.includes('en') || content.length > 1) return { name: 'hugo', patterns: ['content/{locale}/**'], source: englishIf(content) };
  const docs = localesIn('docs');
  if (docs.some((locale) => has(`docs/${locale}/docs`))) {
    return { name: 'mkdocs', patterns: ['docs/{locale}/docs/**'], source: englishIf(docs) };
  }
  if (docs.length > 1) return { name: 'docs-locale', patterns: ['docs/{locale}/**'], source: englishIf(docs) };
  // Sibling repositories: `experience-platform.de-DE/`, `experience-platform.fr-FR/`; the largest family wins.
  const families = new Map<string, string[]>();
  for (const name of top) {
    const match = new RegExp(`^(.+)\\.(${LOCALE_SOURCE})$`).exec(name);
    if (match && isLocaleCode(match[2]!)) families.set(match[1]!, [...(families.get(match[1]!) ?? []), match[2]!]);
  }
  const [prefix, siblings] = [...families.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (prefix && siblings && siblings.length > 1) {
    return { name: 'sibling-repositories', patterns: [`${prefix}.{locale}/**`], source: englishIf(siblings) };
  }
  const localeDirectories = top.filter(isLocaleCode);
  if (localeDirectories.length > 1) return { name: 'locale-directories', patterns: ['{locale}/**'], source: englishIf(localeDirectories) };
  return undefined;
}

const SUFFIX = new RegExp(`^(.*)\\.(${LOCALE_SOURCE})\\.mdx?$`);

/** Detect the suffix layouts from a list of files: `index.zh-CN.md` beside `index.en-US.md`, or beside `index.md`. */
export function detectSuffix(files: string[]): Layout | undefined {
  const locales = new Set<string>();
  const suffixed = new Set<string>();
  for (const file of files) {
    const match = SUFFIX.exec(file);
    if (match && isLocaleCode(match[2]!)) {
      locales.add(match[2]!);
      suffixed.add(match[1]!);
    }
  }
  if (locales.size === 0) return undefined;
  const suffixPatterns = ['**/*.{locale}.md', '**/*.{locale}.mdx'];
  // `index.md` beside `index.fr.md`: the unsuffixed copy is the source.
  const paired = files.some((file) => !SUFFIX.test(file) && suffixed.has(file.replace(MARKDOWN, '')));
  if (paired && !locales.has('en')) {
    return { name: 'suffix-with-source', patterns: ['**/*.md', '**/*.mdx', ...suffixPatterns], source: 'en' };
  }
  return { name: 'suffix', patterns: suffixPatterns, source: englishIf([...locales]) };
}

/** A file's place in the layout: its locale, its page, and the pattern that gave them. */
interface Classified {
  locale: string;
  page: string;
  pattern: CompiledPattern;
}

/** What finding copies by name gives instead of a walk: those files, plus what a walk would have told of the tree. */
interface Named extends Walk {
  /** Locales with at least one file anywhere in the tree. */
  locales: Set<string>;
  /** Patterns that match at least one file anywhere in the tree. */
  matchedBy: Set<CompiledPattern>;
}

/** Thrown when the tree has something only a walk handles the same way (a symbolic link): walk instead. */
class WalkInstead extends Error {}

/** The real path of a file, or a walk when it cannot be told (gone or unreadable meanwhile). */
function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    throw new WalkInstead();
  }
}

/** A pattern whose copies can be named: `{locale}` in at most one plain name before `**`, then `*.ext` files. */
function nameableParts(pattern: CompiledPattern): { prefix: string[]; localeIndex: number } | undefined {
  const parts = pattern.full.split('/');
  const n = parts.length;
  if (pattern.localeInPage || n < 2 || parts[n - 2] !== '**' || !/^\*\.[\w{},]+$/.test(parts[n - 1]!) || parts[n - 1]!.includes('{locale}')) return undefined;
  const prefix = parts.slice(0, n - 2);
  let localeIndex = -1;
  for (const [index, part] of prefix.entries()) {
    const plain = part.replace('{locale}', '');
    if (part === '' || part === '.' || part === '..' || /[*?{}]/.test(plain)) return undefined;
    if (plain !== part) {
      if (localeIndex >= 0) return undefined;
      localeIndex = index;
    }
  }
  return { prefix, localeIndex };
}

/**
 * Find the copies of the pages `only` names by building each locale's path from the patterns and looking at just
 * those files, instead of walking the tree: a pre-commit run on one page of a large tree. Locales come from one
 * directory listing per pattern; each is kept when it has one Markdown file, as a walk would find. Gives undefined
 * when a walk is needed to give the same answer (a pattern without a plain prefix, a symbolic link on the way).
 */
function findByName(
  root: string,
  cwd: string,
  only: string[],
  compiled: CompiledPattern[],
  source: string | undefined,
  ignored: (path: string) => boolean,
  hitOf: (path: string, pattern: CompiledPattern) => { locale: string; page: string } | undefined,
  classify: (path: string) => Classified | undefined,
): Named | undefined {
  const nameable = compiled.map(nameableParts);
  if (nameable.some((parts) => !parts)) return undefined;
  // The same tests as walk(): a directory it would enter, a file it would keep.
  const wanted = (path: string) => !ignored(path) && compiled.some((pattern) => pattern.regex.test(path));
  const enter = (path: string) => !SKIPPED_DIRECTORIES.has(path.slice(path.lastIndexOf('/') + 1)) && !ignored(path) && compiled.some((pattern) => mayHoldMatches(pattern, path.split('/')));
  const reachable = (directory: string) => {
    const names = directory ? directory.split('/') : [];
    return names.every((_, index) => enter(names.slice(0, index + 1).join('/')));
  };
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    return undefined;
  }
  /** Whether `directory` holds, at any depth, a file walk() would keep that `test` accepts; files before directories. */
  const holds = (directory: string, test: (path: string) => boolean): boolean => {
    let entries;
    try {
      entries = readdirSync(join(root, directory), { withFileTypes: true });
    } catch {
      return false;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirectories: string[] = [];
    for (const entry of entries) {
      const path = directory ? `${directory}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) throw new WalkInstead();
      if (entry.isDirectory()) subdirectories.push(path);
      else if (wanted(path) && test(path)) return true;
    }
    return subdirectories.some((path) => enter(path) && holds(path, test));
  };
  try {
    const locales = new Set<string>();
    const matchedBy = new Set<CompiledPattern>();
    // Each pattern's copies: the directory of each locale (or the source's), and the locale it stands for.
    const roots = nameable.map((parts) => {
      const { prefix, localeIndex } = parts!;
      // A pattern without {locale} is where the source lives (discover() made sure there is a source).
      if (localeIndex < 0) return [{ directory: prefix.join('/'), locale: source! }];
      const parent = prefix.slice(0, localeIndex).join('/');
      const segment = new RegExp(`^${segmentSource(prefix[localeIndex]!)}$`);
      let entries;
      try {
        entries = readdirSync(join(root, parent), { withFileTypes: true });
      } catch {
        return [];
      }
      return entries.flatMap((entry) => {
        const locale = segment.exec(entry.name)?.groups?.locale;
        if (!locale) return [];
        if (entry.isSymbolicLink()) throw new WalkInstead();
        if (!entry.isDirectory()) return [];
        return [{ directory: [...prefix.slice(0, localeIndex), entry.name, ...prefix.slice(localeIndex + 1)].join('/'), locale }];
      });
    });
    compiled.forEach((pattern, index) => {
      for (const { directory, locale } of roots[index]!) {
        if (!reachable(directory)) continue;
        // As in a walk: a pattern counts when it matches a file, a locale when a file ends up in it.
        if (!matchedBy.has(pattern) && holds(directory, (path) => hitOf(path, pattern)?.locale === locale)) matchedBy.add(pattern);
        if (!locales.has(locale) && holds(directory, (path) => classify(path)?.locale === locale)) locales.add(locale);
      }
    });
    // The pages the named files belong to, present or deleted.
    const pages = new Set<string>();
    for (const file of only) {
      const path = toPosix(relative(root, resolve(cwd, file)));
      if (path.startsWith('../') || path === '..' || /^[A-Za-z]:|^\//.test(path)) continue;
      const classified = classify(path);
      // As Discovery.pageOf: a path in a locale the tree does not have selects no page.
      if (classified && locales.has(classified.locale)) pages.add(classified.page);
    }
    const files = new Set<string>();
    for (const page of pages) {
      roots.forEach((copies) => {
        for (const { directory } of copies) {
          for (const extension of ['.md', '.mdx']) {
            const path = `${directory ? `${directory}/` : ''}${page}${extension}`;
            if (files.has(path) || !wanted(path) || classify(path)?.page !== page || !reachable(path.slice(0, Math.max(0, path.lastIndexOf('/'))))) continue;
            const absolute = join(root, path);
            let stats;
            try {
              stats = lstatSync(absolute);
            } catch {
              continue;
            }
            if (stats.isSymbolicLink() || realPath(absolute) !== join(realRoot, path)) throw new WalkInstead();
            if (!stats.isDirectory()) files.add(path);
          }
        }
      });
    }
    return { files: [...files].sort(), problems: [], locales, matchedBy };
  } catch (error) {
    if (error instanceof WalkInstead) return undefined;
    throw error;
  }
}

export interface DiscoverOptions {
  root: string;
  cwd: string;
  patterns?: string[];
  source?: string;
  locales?: string[];
  ignore?: string[];
  /**
   * Only the page groups of these files (relative to cwd, present or deleted) are wanted: when the layout allows,
   * their copies are found by name instead of by walking the whole tree (a pre-commit run on one page).
   */
  only?: string[];
}

export interface Discovery {
  layout: LayoutInfo;
  groups: PageGroup[];
  /** Directories and links that could not be walked. */
  problems: DiscoveryProblem[];
  /** Expected path of a page's copy in a locale, for messages. */
  expectedPath(page: PageGroup, locale: string): string | undefined;
  /** The page id a path (relative to cwd, present or deleted) would have, if the patterns match it. */
  pageOf(file: string): string | undefined;
}

const LAYOUT_HINT =
  'looked for {locale}/**, docs/{locale}/**, content/{locale}/**, docs/{locale}/docs/**, pages.{locale}/**, i18n/{locale}/…, src/content/docs/{locale}/**, name.{locale}/**, *.{locale}.md';

/** Find every Markdown file under `root`, tell its locale and page, and group copies of the same page. */
export async function discover(options: DiscoverOptions): Promise<Discovery> {
  const root = resolve(options.cwd, options.root);
  if (!isDirectory(root)) throw new UsageError(`${options.root}: no such directory`);
  const ignored = ignoreMatcher(options.ignore ?? []);
  const configured = Boolean(options.patterns?.length);
  let layout: Layout | undefined = configured ? { name: 'configured', patterns: options.patterns!, source: options.source } : detectLayout(root);
  let walked: Walk | undefined;
  if (!layout) {
    // No directory layout: look for locale suffixes among all Markdown files (one walk, reused below).
    walked = walk(root, [compilePattern('**/*.{md,mdx}')], ignored);
    layout = detectSuffix(walked.files);
    if (!layout) throw new UsageError(`${options.root}: no localized layout found (${LAYOUT_HINT}); name one with --pattern`);
  }
  const source = options.source ?? layout.source;
  const compiled = layout.patterns.map(compilePattern);
  const tokenless = compiled.find((pattern) => !pattern.hasLocale);
  if (tokenless && !source) throw new UsageError(`pattern \`${tokenless.pattern}\` has no {locale} token, so it needs --source <locale>`);
  // The source is always linted: --locales names the translations to check against it.
  const allowed = options.locales?.length ? new Set([...options.locales, ...(source ? [source] : [])]) : undefined;
  /** The locale and page a pattern gives `path`, when it matches and the locale is one to lint. */
  const hitOf = (path: string, pattern: CompiledPattern): { locale: string; page: string } | undefined => {
    const hit = pageOf(path, pattern);
    if (!hit) return undefined;
    if (!pattern.hasLocale) return { locale: source!, page: hit.page };
    const { locale } = hit;
    return locale && (allowed ? allowed.has(locale) : isLocaleCode(locale)) ? { locale, page: hit.page } : undefined;
  };
  /** Which locale and page `path` belongs to: a file a {locale} pattern claims is that locale's, not the source's. */
  const classify = (path: string): Classified | undefined => {
    let chosen: Classified | undefined;
    for (const pattern of compiled) {
      const hit = hitOf(path, pattern);
      if (!hit) continue;
      if (chosen && (!pattern.hasLocale || chosen.pattern.hasLocale)) continue;
      chosen = { ...hit, pattern };
    }
    return chosen;
  };
  const named = options.only && !walked ? findByName(root, options.cwd, options.only, compiled, source, ignored, hitOf, classify) : undefined;
  const { files: paths, problems } = named ?? walked ?? walk(root, compiled, ignored);
  const files = new Map<string, Classified>();
  const matchedBy = new Set<CompiledPattern>(named?.matchedBy);
  for (const path of paths) {
    const classified = classify(path);
    if (!classified) continue;
    files.set(path, classified);
    // Which patterns match some file (a configured one that matches none is an error): each needs one match only.
    if (!named && matchedBy.size < compiled.length) for (const pattern of compiled) if (!matchedBy.has(pattern) && hitOf(path, pattern)) matchedBy.add(pattern);
  }
  if (matchedBy.size === 0) {
    throw new UsageError(`${options.root}: the pattern${compiled.length > 1 ? 's' : ''} ${layout.patterns.map((p) => `\`${p}\``).join(', ')} match no Markdown file`);
  }
  if (configured) {
    const unmatched = compiled.filter((pattern) => !matchedBy.has(pattern));
    if (unmatched.length > 0) {
      throw new UsageError(`${options.root}: the pattern${unmatched.length > 1 ? 's' : ''} ${unmatched.map((p) => `\`${p.pattern}\``).join(', ')} match${unmatched.length > 1 ? '' : 'es'} no Markdown file`);
    }
  }
  const groups = new Map<string, PageGroup>();
  const cwdRelative = (path: string) => toPosix(relative(options.cwd, join(root, path))) || '.';
  const rootPrefix = cwdRelative('') === '.' ? '' : `${cwdRelative('')}/`;
  // A plain path below the root needs no path arithmetic (expected paths are asked for every locale of every page).
  const belowRoot = (path: string) => (path !== '' && !/(?:^|\/)\.\.?(?:\/|$)|^\//.test(path) ? rootPrefix + path : cwdRelative(path));
  for (const [path, { locale, page }] of files) {
    let group = groups.get(page);
    if (!group) groups.set(page, (group = { id: page, files: [] }));
    // `index.md` and `index.mdx` of one locale: keep the first in path order.
    const existing = group.files.findIndex((candidate) => candidate.locale === locale);
    const file: PageFile = { locale, path: root + sep + (sep === '/' ? path : path.split('/').join(sep)), file: rootPrefix + path };
    if (existing === -1) group.files.push(file);
    else if (file.file < group.files[existing]!.file) group.files[existing] = file;
  }
  const locales = [...(named?.locales ?? new Set([...files.values()].map((file) => file.locale)))].sort();
  if (source && !locales.includes(source) && options.source) {
    throw new UsageError(`source locale \`${source}\` has no files under ${options.root} (found: ${locales.join(', ')})`);
  }
  if (options.locales?.length) {
    const absent = options.locales.filter((locale) => !locales.includes(locale));
    if (absent.length > 0) {
      throw new UsageError(`locale${absent.length > 1 ? 's' : ''} ${absent.join(', ')}: no files found under ${options.root} (found: ${locales.join(', ')})`);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const group of ordered) group.files.sort((a, b) => (a.locale === source ? -1 : b.locale === source ? 1 : a.locale < b.locale ? -1 : 1));
  const info: LayoutInfo = { name: layout.name, root: cwdRelative(''), patterns: layout.patterns, source: source && locales.includes(source) ? source : undefined, locales };
  return {
    layout: info,
    groups: ordered,
    problems: problems.map((problem) => ({ ...problem, file: cwdRelative(problem.file) })),
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
      const extension = MARKDOWN.exec(sample.file)?.[0] ?? '.md';
      if (pattern.full.startsWith('**/') && /\*\.\{locale\}\.mdx?$/.test(pattern.full)) return belowRoot(`${page.id}.${locale}${extension}`);
      if (pattern.full.startsWith('**/')) return belowRoot(`${page.id}${extension}`);
      const prefix = pattern.full.replace(/\*\*.*$/, '').replaceAll('{locale}', locale);
      return belowRoot(`${prefix}${page.id}${extension}`);
    },
  };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The corpora of ../shared/corpus, how to lint each, and the numbers their SOURCE.txt gives. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const corpusRoot = resolve(import.meta.dirname, '../../shared/corpus');

export interface Corpus {
  name: string;
  dir: string;
  /** Source locale to pass, when SOURCE.txt names one the layout does not imply (antd: zh-CN). */
  source?: string;
  /** The layout SOURCE.txt describes, as doc-drift names it, and its patterns. */
  layout: string;
  patterns: string[];
  /** The source locale discovery must end up with. */
  expectedSource: string;
  /** Files per locale SOURCE.txt states (the whole table, or the locales its prose names). */
  perLocale: Record<string, number>;
  /** Total Markdown files SOURCE.txt states, when it states it exactly. */
  files?: number;
  /** Pages of the source locale (`source pages:`), when stated. */
  sourcePages?: number;
  /** Translations with no source page (the `orphan` column), when stated. */
  orphans?: number;
  /** Number of locales, source included, when known. */
  locales?: number;
}

/** Files per locale from a SOURCE.txt table (`locale files MB w/ src ...`), and its `source pages:` line. */
export function sourceTable(text: string): { perLocale: Record<string, number>; sourcePages?: number; orphans?: number } {
  const perLocale: Record<string, number> = {};
  let orphans = 0;
  for (const match of text.matchAll(/^([a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\s+(\d+)\s+[\d.]+\s+(?:\d+|-)\s+(\d+)/gm)) {
    perLocale[match[1]!] = Number(match[2]);
    orphans += Number(match[3]);
  }
  const pages = /^source pages: (\d+)/m.exec(text);
  return { perLocale, sourcePages: pages ? Number(pages[1]) : undefined, orphans: pages ? orphans : undefined };
}

/** SOURCE.txt states these in prose rather than in a table; the numbers are copied from it, with its wording. */
const prose: Record<string, Pick<Corpus, 'perLocale' | 'files' | 'sourcePages' | 'locales' | 'orphans'>> = {
  // "source locale: en (155 pages); 125 pages in each translation; size: 1,643 files". 155 + 12 × 124 = 1,643: the
  // tree holds 124 pages per translation, so "125" is off by one; the total and the English count are checked.
  fastapi: { perLocale: { en: 155 }, files: 1643, sourcePages: 155, locales: 13 },
  // "source locale: en (768 pages); ja 432, zh 198, pt 159, es 137, fr 66, ...; size: 1,812 files"
  otel: { perLocale: { en: 768, ja: 432, zh: 198, pt: 159, es: 137, fr: 66 }, files: 1812, sourcePages: 768, locales: 11 },
  // "size: 338 files"; 16 translations listed under layout.
  starlight: { perLocale: {}, files: 338, locales: 17 },
  // "~38,000 files"; the exact numbers are checked against the tree itself in the tests.
  tldr: { perLocale: {}, locales: 39 },
};

const how: Record<string, Pick<Corpus, 'layout' | 'patterns' | 'expectedSource' | 'source'>> = {
  antd: { layout: 'suffix', patterns: ['**/*.{locale}.md', '**/*.{locale}.mdx'], expectedSource: 'zh-CN', source: 'zh-CN' },
  'astro-docs': { layout: 'astro', patterns: ['src/content/docs/{locale}/**'], expectedSource: 'en' },
  fastapi: { layout: 'mkdocs', patterns: ['docs/{locale}/docs/**'], expectedSource: 'en' },
  otel: { layout: 'hugo', patterns: ['content/{locale}/**'], expectedSource: 'en' },
  starlight: { layout: 'starlight', patterns: ['docs/src/content/docs/**', 'docs/src/content/docs/{locale}/**'], expectedSource: 'en' },
  tldr: { layout: 'tldr', patterns: ['pages/**', 'pages.{locale}/**'], expectedSource: 'en' },
  uid2docs: { layout: 'docusaurus', patterns: ['docs/**', 'i18n/{locale}/docusaurus-plugin-content-docs/current/**'], expectedSource: 'en' },
};

/** The corpora present on this machine, in name order; none when ../shared is absent. */
export function corpora(): Corpus[] {
  if (!existsSync(corpusRoot)) return [];
  return Object.keys(how)
    .filter((name) => existsSync(join(corpusRoot, name, 'SOURCE.txt')))
    .map((name) => {
      const table = sourceTable(readFileSync(join(corpusRoot, name, 'SOURCE.txt'), 'utf8'));
      const stated = prose[name] ?? { perLocale: table.perLocale, sourcePages: table.sourcePages, orphans: table.orphans };
      const files = stated.files ?? (Object.keys(table.perLocale).length ? Object.values(table.perLocale).reduce((a, b) => a + b, 0) : undefined);
      const locales = stated.locales ?? (Object.keys(table.perLocale).length || undefined);
      return { name, dir: join(corpusRoot, name), ...how[name]!, ...stated, files, locales };
    });
}

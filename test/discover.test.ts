import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import { compilePattern, detectSuffix, discover, isLocaleCode, type Discovery } from '../src/discover.js';
import { runCli } from './run-cli.js';

const layouts = resolve(import.meta.dirname, '../fixtures/layouts');
const seeds = resolve(import.meta.dirname, '../../shared/seeds');

interface Expected {
  detected: { name: string; source: string | null };
  explicit: { patterns: string[]; source?: string };
  /** Page id → locales of its copies, source first. */
  groups: Record<string, string[]>;
}

function expectedOf(name: string): Expected {
  return JSON.parse(readFileSync(join(layouts, name, 'expected.json'), 'utf8')) as Expected;
}

/** Page id → locales, in the order discovery gives them. */
function groupsOf(discovery: Discovery): Record<string, string[]> {
  return Object.fromEntries(discovery.groups.map((group) => [group.id, group.files.map((file) => file.locale)]));
}

/** The files of each group, without page ids: layouts given differently may name pages differently. */
function fileSets(discovery: Discovery): string[][] {
  return discovery.groups.map((group) => group.files.map((file) => file.file).sort()).sort();
}

function run(args: string[], cwd: string) {
  return runCli(args, cwd);
}

function tempCopy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `doc-drift-layout-${name}-`));
  cpSync(join(layouts, name), dir, { recursive: true });
  return dir;
}

const names = readdirSync(layouts).sort();

describe('layouts', () => {
  it('has a fixture for every layout the design names', () => {
    expect(names).toEqual(
      ['astro', 'docs-locale', 'docusaurus', 'hugo', 'locale-directories', 'mkdocs', 'sibling-repositories', 'starlight', 'suffix', 'suffix-with-source', 'tldr'].sort(),
    );
  });

  describe.each(names)('%s', (name) => {
    const expected = expectedOf(name);
    const root = join(layouts, name);

    it('is detected, with the right source locale and page groups', async () => {
      const discovery = await discover({ root, cwd: root });
      expect(discovery.layout.name).toBe(expected.detected.name);
      expect(discovery.layout.source ?? null).toBe(expected.detected.source);
      const groups = groupsOf(discovery);
      expect(Object.keys(groups).sort()).toEqual(Object.keys(expected.groups).sort());
      for (const [id, locales] of Object.entries(expected.groups)) {
        // Source first when there is one; the rest in locale order.
        expect(groups[id], id).toEqual(expected.detected.source ? locales : [...locales].sort());
      }
      expect(discovery.problems).toEqual([]);
    });

    it('groups the same files when the patterns and source are given', async () => {
      const detected = await discover({ root, cwd: root });
      const given = await discover({ root, cwd: root, patterns: expected.explicit.patterns, source: expected.explicit.source });
      expect(given.layout.name).toBe('configured');
      expect(given.layout.source).toBe(expected.explicit.source);
      expect(fileSets(given)).toEqual(fileSets(detected));
    });

    it('prints the detected layout in the stylish summary, and on stderr for other formats', async () => {
      const stylish = await run([root, '--no-color', '--no-config'], root);
      expect(stylish.code, stylish.stderr).toBeLessThan(2);
      const summary = stylish.stdout.trim().split('\n').pop()!;
      expect(summary).toContain(`${expected.detected.name} layout`);
      expect(summary).toContain(expected.detected.source ? `source ${expected.detected.source}` : 'no source locale');
      const json = await run([root, '--format', 'json', '--no-config'], root);
      expect(json.stderr).toContain(`${expected.detected.name} layout`);
      expect(JSON.parse(json.stdout).summary.files).toBe(Object.values(expected.groups).flat().length);
    });

    it('takes --pattern (repeatable), --source and a positional root on the command line', async () => {
      const args = [...expected.explicit.patterns.flatMap((pattern) => ['--pattern', pattern]), ...(expected.explicit.source ? ['--source', expected.explicit.source] : [])];
      const result = await run([name, ...args, '--format', 'json', '--no-config'], layouts);
      expect(result.code, result.stderr).toBeLessThan(2);
      const parsed = JSON.parse(result.stdout);
      expect(parsed.summary.files).toBe(Object.values(expected.groups).flat().length);
      expect(parsed.summary.pages).toBe(Object.keys(expected.groups).length);
      // Configured, so no note about a detected layout.
      expect(result.stderr).toBe('');
    });
  });
});

describe('patterns', () => {
  const page = (pattern: string, path: string) => {
    const compiled = compilePattern(pattern);
    const match = compiled.regex.exec(path);
    return match ? { locale: match.groups?.locale, matched: true } : { matched: false };
  };

  it('adds the Markdown file part to a directory pattern', () => {
    expect(compilePattern('content/{locale}/**').full).toBe('content/{locale}/**/*.{md,mdx}');
    expect(compilePattern('docs').full).toBe('docs/**/*.{md,mdx}');
    expect(compilePattern('./pages/').full).toBe('pages/**/*.{md,mdx}');
    expect(compilePattern('**/*.{locale}.md').full).toBe('**/*.{locale}.md');
  });

  it('captures locale codes with hyphens, underscores and scripts', () => {
    expect(page('pages.{locale}/**', 'pages.pt_BR/common/tar.md')).toMatchObject({ locale: 'pt_BR' });
    expect(page('docs/{locale}/docs/**', 'docs/zh-hant/docs/index.md')).toMatchObject({ locale: 'zh-hant' });
    expect(page('**/*.{locale}.md', 'components/button/index.zh-CN.md')).toMatchObject({ locale: 'zh-CN' });
    expect(page('content/{locale}/**', 'content/en/docs/a.mdx')).toMatchObject({ locale: 'en' });
  });

  it('matches .md and .mdx by default, only what a pattern names otherwise', () => {
    expect(page('docs/**', 'docs/a.mdx').matched).toBe(true);
    expect(page('docs/**', 'docs/a.json').matched).toBe(false);
    expect(page('{locale}/**/*.md', 'de/a.mdx').matched).toBe(false);
    expect(page('{locale}/**/*.md', 'de/a.md').matched).toBe(true);
  });

  it('tells locale codes from other names', () => {
    for (const code of ['de', 'pt-BR', 'pt_BR', 'zh-hant', 'en-US', 'zh-cn']) expect(isLocaleCode(code), code).toBe(true);
    for (const name of ['docs', 'api', 'react', 'guides', 'xx', 'common']) expect(isLocaleCode(name), name).toBe(false);
  });

  it('takes an unsuffixed page as the source only when it has a suffixed sibling', () => {
    expect(detectSuffix(['a.md', 'a.fr.md'])?.name).toBe('suffix-with-source');
    expect(detectSuffix(['README.md', 'a.en-US.md', 'a.zh-CN.md'])?.name).toBe('suffix');
    expect(detectSuffix(['a.md', 'b.md'])).toBeUndefined();
  });
});

describe('discovery', () => {
  it('does not count the pages twice through a link to the source tree (tldr pages.en → pages)', async () => {
    const dir = tempCopy('tldr');
    symlinkSync('pages', join(dir, 'pages.en'));
    const discovery = await discover({ root: dir, cwd: dir });
    expect(groupsOf(discovery)).toEqual(groupsOf(await discover({ root: join(layouts, 'tldr'), cwd: join(layouts, 'tldr') })));
    expect(discovery.groups.flatMap((group) => group.files.map((file) => file.file))).not.toContain('pages.en/common/tar.md');
    expect(discovery.problems).toEqual([]);
  });

  it('follows a linked locale directory (a locale repository checked out elsewhere)', async () => {
    const dir = tempCopy('hugo');
    const elsewhere = mkdtempSync(join(tmpdir(), 'doc-drift-elsewhere-'));
    mkdirSync(join(elsewhere, 'docs'));
    writeFileSync(join(elsewhere, 'docs/_index.md'), '# Premiers pas\n');
    symlinkSync(elsewhere, join(dir, 'content/fr'));
    const discovery = await discover({ root: dir, cwd: dir });
    expect(groupsOf(discovery)['docs/_index']).toEqual(['en', 'fr', 'ja']);
  });

  it('keeps the source locale when --locales names only translations', async () => {
    const root = join(layouts, 'hugo');
    const discovery = await discover({ root, cwd: root, locales: ['ja'] });
    expect(discovery.layout.locales).toEqual(['en', 'ja']);
    expect(groupsOf(discovery)['docs/_index']).toEqual(['en', 'ja']);
    expect(groupsOf(discovery)['docs/concepts/signals']).toEqual(['en']);
  });

  it('leaves out ignored files and directories', async () => {
    const root = join(layouts, 'hugo');
    const discovery = await discover({ root, cwd: root, ignore: ['content/*/blog/**', '_index.md'] });
    expect(Object.keys(groupsOf(discovery))).toEqual(['docs/concepts/signals']);
  });

  it('tells where a missing copy is expected, for each kind of pattern', async () => {
    const expectedPath = async (name: string, page: string, locale: string) => {
      const root = join(layouts, name);
      const discovery = await discover({ root, cwd: root });
      return discovery.expectedPath(discovery.groups.find((group) => group.id === page)!, locale);
    };
    expect(await expectedPath('suffix-with-source', 'about', 'de')).toBe('about.de.md');
    expect(await expectedPath('tldr', 'linux/apt', 'de')).toBe('pages.de/linux/apt.md');
    expect(await expectedPath('starlight', 'index', 'pt-br')).toBe('src/content/docs/pt-br/index.mdx');
    expect(await expectedPath('docusaurus', 'api/only-english', 'ja')).toBe('i18n/ja/docusaurus-plugin-content-docs/current/api/only-english.md');
  });

  it('lints only the page groups of the files named, however their paths are written', async () => {
    const root = join(layouts, 'hugo');
    for (const only of [['content/ja/docs/_index.md'], ['./content/ja/docs/_index.md'], [join(root, 'content/ja/docs/_index.md')]]) {
      const result = await lint({ root, cwd: root, only });
      expect(result.summary, only[0]).toMatchObject({ pages: 1, files: 2 });
    }
  });

  it('names files relative to the working directory', async () => {
    const discovery = await discover({ root: 'hugo', cwd: layouts });
    expect(discovery.groups[0]!.files[0]!.file).toBe('hugo/content/en/blog/post.md');
  });

  it('reads the patterns and source from a configuration file', async () => {
    const dir = tempCopy('suffix');
    writeFileSync(join(dir, 'doc-drift.config.json'), JSON.stringify({ patterns: ['**/*.{locale}.md'], source: 'en-US' }));
    const result = await run(['--format', 'json'], dir);
    expect(result.code, result.stderr).toBeLessThan(2);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.summary).toMatchObject({ pages: 3, files: 6 });
    expect(parsed.findings.every((finding: { locale: string }) => finding.locale !== 'en-US')).toBe(true);
  });

  it.skipIf(!existsSync(seeds))('detects the seeds as locale directories with no source locale', async () => {
    const discovery = await discover({ root: seeds, cwd: seeds });
    expect(discovery.layout).toMatchObject({ name: 'locale-directories', patterns: ['{locale}/**'], source: undefined });
    expect(groupsOf(discovery)).toEqual({ 'help/catalog/api/create-batch': ['de-DE', 'fr-FR', 'it-IT', 'pt-BR', 'sv-SE'] });
  });
});

/** Finding a page's copies by name (a pre-commit run on a few files) must give what walking the whole tree gives. */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, type DiscoverOptions } from '../src/discover.js';
import type { PageGroup } from '../src/types.js';
import { corpora } from './corpora.js';

const layouts = resolve(import.meta.dirname, '../fixtures/layouts');

/** Every Markdown file under `dir`, relative to it. */
function markdownFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : markdownFiles(dir, path);
    return /\.mdx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Discover with `only` and check it against the whole walk, restricted to the same pages as lint() restricts them.
 * `byName` says whether the copies must have been found by name (only the wanted groups), not by a walk.
 */
async function expectSameAsWalk(options: DiscoverOptions, only: string[], byName = true) {
  const whole = await discover(options);
  const named = await discover({ ...options, only });
  const restrict = (groups: PageGroup[]) => {
    const pages = new Set(only.flatMap((file) => whole.pageOf(file) ?? []));
    return groups.filter((group) => pages.has(group.id) || group.files.some((file) => only.includes(file.file)));
  };
  const wanted = restrict(whole.groups);
  expect(named.layout, only.join(' ')).toEqual(whole.layout);
  expect(restrict(named.groups), only.join(' ')).toEqual(wanted);
  if (byName) expect(named.groups, only.join(' ')).toEqual(wanted);
  else expect(named.groups.length, only.join(' ')).toBe(whole.groups.length);
  return named;
}

/** Suffix layouts are found from a walk of every file, so their copies never come by name. */
const walked = (layout: string) => layout.startsWith('suffix');

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('discover({ only }) finds copies by name', () => {
  it('gives the groups a walk gives, for every file of every layout fixture', async () => {
    for (const layout of readdirSync(layouts)) {
      const root = join(layouts, layout);
      for (const file of markdownFiles(root)) await expectSameAsWalk({ root, cwd: root }, [file], !walked(layout));
    }
  });

  it('gives the groups a walk gives on a sample of each corpus, from the source and from a translation', async () => {
    for (const corpus of corpora()) {
      const files = markdownFiles(corpus.dir);
      const sample = [0.1, 0.35, 0.6, 0.85].map((at) => files[Math.floor(files.length * at)]!);
      const named = await expectSameAsWalk({ root: corpus.dir, cwd: corpus.dir, source: corpus.source }, sample, !walked(corpus.layout));
      expect(named.groups.length, corpus.name).toBeGreaterThan(0);
    }
  });

  it('selects the page of a deleted file, leaves out what --ignore and --locales leave out, and takes configured patterns', async () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-drift-named-'));
    write(root, {
      'content/en/a.md': '# A\n',
      'content/de/a.md': '# A\n',
      'content/fr/a.mdx': '# A\n',
      'content/ja/guide/b.md': '# B\n',
      'content/en/guide/b.md': '# B\n',
      'content/de/.hidden/a.md': '# hidden\n',
      'content/de/drafts/a.md': '# draft\n',
      'content/en/drafts/a.md': '# draft\n',
    });
    await expectSameAsWalk({ root, cwd: root }, ['content/ja/a.md']);
    // --changed with nothing changed: no page, and no walk either.
    expect((await expectSameAsWalk({ root, cwd: root }, [])).groups).toEqual([]);
    await expectSameAsWalk({ root, cwd: root }, ['content/en/a.md', 'content/ja/guide/b.md']);
    await expectSameAsWalk({ root, cwd: root, ignore: ['drafts'] }, ['content/de/drafts/a.md', 'content/de/a.md']);
    await expectSameAsWalk({ root, cwd: root, locales: ['de'] }, ['content/fr/a.mdx']);
    await expectSameAsWalk({ root, cwd: root, patterns: ['content/{locale}/**'], source: 'en' }, ['content/fr/a.mdx']);
    const named = await expectSameAsWalk({ root: 'content', cwd: root, patterns: ['en/**', '{locale}/**'], source: 'en' }, ['content/de/a.md']);
    expect(named.groups.map((group) => group.files.map((file) => file.file))).toEqual([['content/en/a.md', 'content/de/a.md', 'content/fr/a.mdx']]);
  });

  it('walks instead when a symbolic link is on the way, and still gives the same groups', async () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-drift-named-'));
    write(root, { 'pages/common/tar.md': '# tar\n', 'pages.de/common/tar.md': '# tar\n', 'pages.fr/common/ls.md': '# ls\n' });
    symlinkSync('pages', join(root, 'pages.en'));
    await expectSameAsWalk({ root, cwd: root }, ['pages/common/tar.md'], false);
    await expectSameAsWalk({ root, cwd: root }, ['pages.de/common/tar.md'], false);
  });
});

import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/schema.js';
import { runCli } from './run-cli.js';

const seeds = resolve(import.meta.dirname, '../../shared/seeds');

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'doc-drift-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function run(args: string[], cwd: string) {
  return runCli(args, cwd);
}

// de has drift at error severity (a changed code block); fr has none.
const PAGES = { 'docs/en/a.md': '# A\n\n```sh\nrun x\n```\n', 'docs/de/a.md': '# A\n\n```sh\nrun y\n```\n', 'docs/fr/a.md': '# A\n\n```sh\nrun x\n```\n' };

describe('configuration files', () => {
  it('is found from the working directory upward, in every supported form', async () => {
    const forms: Record<string, string> = {
      'doc-drift.config.json': JSON.stringify({ locales: ['en', 'fr'] }),
      'doc-drift.config.yaml': 'locales: [en, fr]\n',
      'doc-drift.config.mjs': 'export default { locales: ["en", "fr"] };\n',
      '.doc-driftrc': 'locales:\n  - en\n  - fr\n',
      '.doc-driftrc.json': '{"locales": ["en", "fr"]}',
      'package.json': JSON.stringify({ name: 'site', 'doc-drift': { locales: ['en', 'fr'] } }),
    };
    for (const [name, text] of Object.entries(forms)) {
      const root = tree({ ...PAGES, [name]: text });
      const printed = await run(['--print-config'], join(root, 'docs'));
      expect(printed.code, name).toBe(0);
      expect(JSON.parse(printed.stdout)).toMatchObject({ configFile: join(root, name), locales: ['en', 'fr'] });
      // With only en and fr the drift in de is out of scope: the config took effect.
      expect((await run(['--no-config'], root)).code, name).toBe(1);
      expect((await run([], root)).code, name).toBe(0);
    }
  });

  it('names the key and the file of an unknown key or a bad value', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['doc-drift.config.json', { sauce: 'en' }, 'unknown key `sauce`'],
      ['doc-drift.config.json', { rules: { 'code-block-content': 'fatal' } }, '`rules.code-block-content` must be one of error, warning, info, off'],
      ['doc-drift.config.json', { rules: { 'no-such-rule': 'off' } }, 'unknown rule `rules.no-such-rule`'],
      ['doc-drift.config.json', { locales: 'de' }, '`locales` must be a list'],
      ['doc-drift.config.json', { locales: ['de', 3] }, '`locales[1]` must be a string'],
      ['doc-drift.config.json', { strictCode: 'yes' }, '`strictCode` must be true or false'],
      ['doc-drift.config.json', { preset: 'jekyll' }, '`preset` must be one of tldr, docusaurus, hugo, starlight, adobe'],
    ];
    for (const [name, value, message] of cases) {
      const root = tree({ ...PAGES, [name]: JSON.stringify(value) });
      const result = await run([], root);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(join(root, name));
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('    at ');
    }
    const yaml = tree({ ...PAGES, '.doc-driftrc.yaml': 'source: [en\n' });
    expect(await run([], yaml)).toMatchObject({ code: 2, stderr: expect.stringContaining('not valid YAML') });
    const module = tree({ ...PAGES, 'doc-drift.config.mjs': 'export const x = 1;\n' });
    expect(await run([], module)).toMatchObject({ code: 2, stderr: expect.stringContaining('no default export') });
  });

  it('--config names a file, --no-config ignores them, a missing --config is an error', async () => {
    const root = tree({ ...PAGES, 'doc-drift.config.json': JSON.stringify({ locales: ['en', 'fr'] }), 'other.yaml': 'locales: [en, de]\n' });
    expect((await run([], root)).code).toBe(0);
    expect((await run(['--config', 'other.yaml'], root)).code).toBe(1);
    expect((await run(['--no-config'], root)).code).toBe(1);
    expect(await run(['--config', 'nope.json'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('nope.json') });
  });

  it('--print-config shows the preset, the file and every rule severity', async () => {
    const root = tree({ ...PAGES, 'doc-drift.config.yaml': 'preset: hugo\nrules:\n  link-target: off\n' });
    const printed = JSON.parse((await run(['--print-config'], root)).stdout);
    expect(printed).toMatchObject({ preset: 'hugo', source: 'en', patterns: ['content/{locale}/**'] });
    expect(printed.rules['link-target']).toBe('off');
    expect(printed.rules['code-block-content']).toBe('error');
    expect(printed.identicalKeys).toContain('exl-id');
    const overridden = JSON.parse((await run(['--print-config', '--preset', 'tldr'], root)).stdout);
    expect(overridden).toMatchObject({ preset: 'tldr', translatablePlaceholders: true });
    expect(await run(['--preset', 'jekyll'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown preset `jekyll`') });
  });
});

describe('presets', () => {
  const page = '# Page\n\n```sh\nrun --flag\n```\n';
  const drifted = '# Seite\n\n```sh\nrun --flagge\n```\n';
  const layouts: Record<string, Record<string, string>> = {
    tldr: { 'pages/common/run.md': page, 'pages.de/common/run.md': drifted },
    docusaurus: { 'docs/intro.md': page, 'i18n/de/docusaurus-plugin-content-docs/current/intro.md': drifted },
    hugo: { 'content/en/intro.md': page, 'content/de/intro.md': drifted },
    starlight: { 'src/content/docs/intro.md': page, 'src/content/docs/de/intro.md': drifted },
    adobe: { 'experience-platform.en/help/intro.md': page, 'experience-platform.de/help/intro.md': drifted },
  };
  for (const [preset, files] of Object.entries(layouts)) {
    it(`${preset}: one line finds the pages and their drift`, async () => {
      // A decoy Markdown file outside the layout must not be picked up.
      const root = tree({ ...files, 'README.md': '# Readme\n' });
      const { code, stdout } = await run(['--preset', preset, '-f', 'json', '--rule', 'heading-structure=off', '--rule', 'frontmatter-keys=off'], root);
      const parsed = JSON.parse(stdout);
      expect(parsed.summary).toMatchObject({ pages: 1, files: 2 });
      expect(parsed.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('code-block-content');
      expect(code).toBe(1);
    });
  }

  it.skipIf(!existsSync(seeds))('adobe: reads the seed page in five locales as peers, laid out as sibling repositories', async () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-drift-adobe-'));
    for (const locale of readdirSync(seeds)) {
      if (!statSync(join(seeds, locale)).isDirectory()) continue;
      const target = join(root, `experience-platform.${locale}`, 'help/catalog/api/create-batch.md');
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(seeds, locale, 'help/catalog/api/create-batch.md'), target);
    }
    const { stdout } = await run(['--preset', 'adobe', '-f', 'json'], root);
    const parsed = JSON.parse(stdout);
    expect(parsed.summary).toMatchObject({ pages: 1, files: 5 });
    expect(parsed.layout.source).toBeUndefined();
    expect(parsed.findings.some((f: { ruleId: string; file: string }) => f.ruleId === 'code-block-content' && f.file.startsWith('experience-platform.de-DE/'))).toBe(true);
  });
});

describe('shipped JSON Schema', () => {
  it('is up to date with the code (npm run build:schema) and is a valid draft-07 schema', () => {
    const shipped = JSON.parse(readFileSync(resolve(import.meta.dirname, '../docs/doc-drift.schema.json'), 'utf8'));
    expect(shipped).toEqual(configSchema());
    const validate = new Ajv({ strict: true }).compile(shipped);
    expect(validate({ preset: 'hugo', rules: { 'link-target': 'off' }, locales: ['de'] })).toBe(true);
    expect(validate({ rules: { 'link-target': 'never' } })).toBe(false);
  });
});

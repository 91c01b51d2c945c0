/**
 * Property-based tests of `--fix` with fast-check. A generated page model is rendered as an English source and as a
 * faithful German translation (prose translated, code, anchors, links and ids kept); generated drift damages the
 * translation. Fixing the damaged copy must (1) change no byte outside the fixed ranges, (2) be idempotent, (3) leave
 * no fixable finding, and, since every generated kind of drift has one right answer, give back the faithful copy.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../src/fix.js';
import { checkFix } from './fix-properties.js';

const WORDS: Record<string, string> = {
  batch: 'Stapel', data: 'Daten', create: 'erstellen', send: 'senden', request: 'Anfrage', value: 'Wert',
  service: 'Dienst', field: 'Feld', every: 'jeder', response: 'Antwort', returns: 'liefert', name: 'Name',
};
const ENGLISH = Object.keys(WORDS);
const HEADERS = ['x-api-key', 'x-gw-ims-org-id', 'x-sandbox-name', 'Authorization'];
const PLACEHOLDERS = ['{API_KEY}', '{IMS_ORG}', '{SANDBOX_NAME}', '{ACCESS_TOKEN}', '{DATASET_ID}'];
const STRINGS = ['"fast"', '"slow"', '"draft"', '"final"', '"{IMS_ORG}"', '"{ORG_ID}"'];
const ADMONITIONS: Record<string, string> = { NOTE: 'HINWEIS', TIP: 'TIPP', WARNING: 'WARNUNG' };
const KEYWORDS = Object.keys(ADMONITIONS);

const words = (min: number, max: number) => fc.array(fc.constantFrom(...ENGLISH), { minLength: min, maxLength: max });
const slug = fc.stringMatching(/^[a-z]{3,8}(-[a-z]{3,8})?$/);

const section = fc.record({
  title: words(1, 3),
  anchor: slug,
  sentence: words(2, 6),
  code: fc.stringMatching(/^[a-z][a-zA-Z]{1,8}$/),
  after: fc.constantFrom(...ENGLISH),
  links: fc.uniqueArray(slug, { minLength: 2, maxLength: 3 }),
  block: fc.option(
    fc.oneof(
      fc.record({ kind: fc.constant('curl' as const), path: slug, headers: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('json' as const), entries: fc.uniqueArray(fc.tuple(slug, fc.integer({ min: 0, max: 5 })), { minLength: 2, maxLength: 4, selector: ([key, value]) => `${key}` + '|' + String(value) }) }),
    ),
    { nil: undefined },
  ),
  admonition: fc.boolean(),
  marker: fc.boolean(),
});

/** What generated drift does to one section of the translation. */
const drift = fc.record({
  placeholder: fc.boolean(),
  spacing: fc.boolean(),
  glue: fc.boolean(),
  anchor: fc.boolean(),
  link: fc.boolean(),
  admonition: fc.boolean(),
  json: fc.boolean(),
  moveMarker: fc.boolean(),
});

const page = fc.record({
  exlId: fc.uuid(),
  sections: fc.array(fc.tuple(section, drift), { minLength: 1, maxLength: 4 }),
  dropExlId: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

type Page = typeof page extends fc.Arbitrary<infer T> ? T : never;
type Drift = typeof drift extends fc.Arbitrary<infer T> ? T : never;
const NONE: Drift = { placeholder: false, spacing: false, glue: false, anchor: false, link: false, admonition: false, json: false, moveMarker: false };

/** Render the page in `locale` ('en' or 'de'), with `damaged` drift applied to the German copy. */
function render(model: Page, locale: 'en' | 'de', damaged: boolean): string {
  const de = locale === 'de';
  const say = (list: string[]) => list.map((word) => (de ? WORDS[word]! : word)).join(' ');
  const out: string[] = ['---', `title: ${de ? 'Stapel erstellen' : 'Create a batch'}`];
  if (!(de && damaged && model.dropExlId)) out.push(`exl-id: ${model.exlId}`);
  out.push('feature: Catalog', '---', '');
  model.sections.forEach(([s, d0], index) => {
    const d = de && damaged ? d0 : NONE;
    const anchor = d.anchor ? `${s.anchor}-de` : s.anchor;
    out.push(`## ${say(s.title)} ${index + 1} { #${anchor}-${index} }`, '');
    const links = s.links.map((target, k) => `[${say([ENGLISH[k]!])}](/${locale}/ref/${d.link && k === 0 ? `${target}-x` : target})`);
    out.push(`${say(s.sentence)} \`${s.code}\`${d.glue ? '' : ' '}${say([s.after])} ${links.join(' ')}.`, '');
    if (s.marker) {
      out.push(d.moveMarker ? `${say(s.sentence)} Service API.[!DNL Catalog]` : `${say(s.sentence)} [!DNL Catalog] Service API.`, '');
    }
    if (s.block?.kind === 'curl') {
      out.push('```shell', `curl -X POST 'https://platform.example.com/${s.block.path}' \\`);
      s.block.headers.forEach((h, k) => {
        const placeholder = d.placeholder && k === 0 ? '{RENAMED_ID}' : PLACEHOLDERS[h]!;
        out.push(`  -H '${HEADERS[h]}${d.spacing && k === s.block!.headers.length - 1 ? ' : ' : ': '}${placeholder}' \\`);
      });
      out.push(`  -d '{}'`, '```', '');
    }
    if (s.block?.kind === 'json') {
      const entries = s.block.entries.map(([key, v], k) => `  "${key}": ${d.json && k === 0 ? (STRINGS[v]!.includes('{') ? '"{RENAMED_ID}"' : '"changed"') : STRINGS[v]}`);
      out.push('```json', '{', entries.join(',\n'), '}', '```', '');
    }
    // admonition-keyword pairs admonitions by keyword, so a page repeating one keyword pairs a translated one
    // ambiguously (reported as missing, not fixable): each section gets its own keyword.
    const keyword = s.admonition && index < 3 ? KEYWORDS[index]! : undefined;
    if (keyword) {
      out.push(`> [!${d.admonition ? ADMONITIONS[keyword] : keyword}]`, `> ${say(s.sentence)}.`, '');
    }
  });
  return out.join('\n');
}

function write(dir: string, model: Page, locale: 'en' | 'de', damaged: boolean): void {
  mkdirSync(join(dir, locale), { recursive: true });
  let text = render(model, locale, damaged);
  if (locale === 'de' && model.crlf) text = text.replace(/\n/g, '\r\n');
  writeFileSync(join(dir, locale, 'page.md'), (locale === 'de' && model.bom ? '\ufeff' : '') + text);
}

describe('fix properties over generated pages and drift', () => {
  it('fixing keeps bytes outside the fixed ranges, is idempotent, leaves nothing fixable, and undoes the drift', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (model) => {
        const damaged = mkdtempSync(join(tmpdir(), 'doc-drift-prop-'));
        write(damaged, model, 'en', false);
        write(damaged, model, 'de', true);
        const faithful = mkdtempSync(join(tmpdir(), 'doc-drift-prop-'));
        write(faithful, model, 'de', false);
        const result = await checkFix(damaged, { source: 'en' });
        const fixed = result.files.find((file) => file.file === 'de/page.md');
        const after = fixed ? (fixed.after.bom ? '\ufeff' : '') + fixed.after.text : readFileSync(join(damaged, 'de', 'page.md'), 'utf8');
        expect(after).toBe(readFileSync(join(faithful, 'de', 'page.md'), 'utf8'));
      }),
      { numRuns: Number(process.env.FIX_PROPERTY_RUNS ?? 25) },
    );
  });

  it('applyFixes changes nothing outside the edits it reports, and never applies overlapping edits', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r\n', 'é', '😀'), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.array(fc.array(fc.tuple(fc.nat(45), fc.nat(6), fc.constantFrom('', 'x', 'y\nz')), { minLength: 1, maxLength: 2 }), { maxLength: 6 }), fc.boolean(), (input, raw, crlf) => {
        const groups = raw.map((group) => group.map(([start, length, replacement]) => ({ range: [start, start + length] as [number, number], text: replacement })));
        const out = applyFixes(input, groups, crlf ? '\r\n' : '\n');
        let rebuilt = '';
        let at = 0;
        let previousEnd = -1;
        for (const edit of out.edits) {
          expect(edit.range[0], 'edits neither overlap nor touch').toBeGreaterThan(previousEnd);
          previousEnd = edit.range[1];
          rebuilt += input.slice(at, edit.range[0]) + edit.text;
          at = edit.range[1];
          expect(edit.range[1]).toBeLessThanOrEqual(input.length);
          if (crlf) expect(edit.text.replace(/\r\n/g, '')).not.toContain('\n');
        }
        expect(out.text).toBe(rebuilt + input.slice(at));
        expect(out.edits.length).toBe(out.applied.reduce((n, index) => n + groups[index]!.length, 0));
      }),
      { numRuns: 300 },
    );
  });
});

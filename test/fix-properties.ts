/**
 * The three properties every `--fix` run must have, checked on a copy of a tree:
 * 1. every byte outside the fixed ranges is unchanged (BOM and line endings included);
 * 2. fixing twice equals fixing once;
 * 3. the fixed tree has no fixable finding left.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { discover } from '../src/discover.js';
import { fix, fixTypesOf, type FixOptions, type FixResult } from '../src/fix.js';
import { lint } from '../src/lint.js';
import { applyInlineConfig } from '../src/suppress.js';

/** Every file under `dir`, relative, with its bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

/** A fresh temporary copy of `dir`. */
export function copyTree(dir: string): string {
  const target = mkdtempSync(join(tmpdir(), 'doc-drift-fix-'));
  cpSync(dir, target, { recursive: true });
  return target;
}

/** Apply each pass's edits to the original bytes, copying every byte outside them: what the file must now hold. */
export function expectedBytes(original: Buffer, passes: FixResult['files'][number]['passes']): Buffer {
  let bytes = original;
  const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf ? 3 : 0;
  let text = original.subarray(bom).toString('utf8');
  for (const edits of passes) {
    for (let i = 1; i < edits.length; i++) expect(edits[i]!.range[0], 'edits of a pass are sorted and disjoint').toBeGreaterThan(edits[i - 1]!.range[1]);
    for (const edit of [...edits].reverse()) {
      const start = bom + Buffer.byteLength(text.slice(0, edit.range[0]));
      const end = bom + Buffer.byteLength(text.slice(0, edit.range[1]));
      bytes = Buffer.concat([bytes.subarray(0, start), Buffer.from(edit.text, 'utf8'), bytes.subarray(end)]);
      text = text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
    }
  }
  return bytes;
}

function bareLineFeeds(bytes: Buffer): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && bytes[i - 1] !== 0x0d) n++;
  return n;
}

/** Fix a copy of `dir` twice and check the three properties; returns the first run's result. */
export async function checkFix(dir: string, options: Omit<FixOptions, 'cwd'> = {}): Promise<FixResult> {
  const copy = copyTree(dir);
  const before = snapshot(copy);
  const first = await fix({ ...options, cwd: copy });
  const after = snapshot(copy);
  expect([...after.keys()].sort(), 'no file added or removed (no temporary file left behind)').toEqual([...before.keys()].sort());
  const changed = new Map(first.files.map((file) => [relative(copy, file.path).split('\\').join('/'), file]));
  for (const [path, bytes] of before) {
    const now = after.get(path)!;
    const fixed = changed.get(path);
    if (!fixed || fixed.notWritten) {
      expect(now.equals(bytes), `${path} untouched`).toBe(true);
      continue;
    }
    expect(now.equals(expectedBytes(bytes, fixed.passes)), `${path}: only the fixed ranges changed`).toBe(true);
    expect(now.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${path}: BOM kept`).toBe(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    if (bareLineFeeds(bytes) === 0) expect(bareLineFeeds(now), `${path}: CRLF kept`).toBe(0);
  }
  if (first.refused) return first;

  const second = await fix({ ...options, cwd: copy });
  expect(second.files.map((file) => file.file), 'fixing twice equals fixing once').toEqual([]);
  const again = snapshot(copy);
  for (const [path, bytes] of after) expect(again.get(path)!.equals(bytes), `${path} unchanged by a second fix`).toBe(true);

  const wanted = options.types ? new Set(options.types) : undefined;
  // As the command line reports it: inline directives applied.
  const result = applyInlineConfig(await lint({ ...options, source: first.reference, cwd: copy }), { cwd: copy, inlineConfig: true });
  const fixable = result.findings.filter(
    (finding) => finding.fix && finding.locale !== first.reference && (!wanted || fixTypesOf(finding).some((type) => wanted.has(type))),
  );
  expect(fixable.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.message}`), 'no fixable finding left').toEqual([]);
  return first;
}

/** A temporary copy of `count` page groups of a corpus, spread evenly over it, paths kept (empty when absent). */
export async function sampleCorpus(corpus: string, count: number, maxBytes = 60_000): Promise<string | undefined> {
  if (!existsSync(corpus)) return undefined;
  const { groups } = await discover({ root: corpus, cwd: corpus });
  // Small pages only, to keep `npm test` quick: the whole corpora are for the corpus suite.
  const size = (group: (typeof groups)[number]) => group.files.reduce((total, file) => total + statSync(file.path).size, 0);
  const several = groups.filter((group) => group.files.length > 1 && size(group) < maxBytes);
  const picked = Array.from({ length: Math.min(count, several.length) }, (_, i) => several[Math.floor((i * several.length) / Math.min(count, several.length))]!);
  const target = mkdtempSync(join(tmpdir(), 'doc-drift-corpus-'));
  for (const file of picked.flatMap((group) => group.files)) {
    mkdirSync(dirname(join(target, file.file)), { recursive: true });
    copyFileSync(file.path, join(target, file.file));
  }
  return target;
}

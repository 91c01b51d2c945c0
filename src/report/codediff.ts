/** Line and word diffs between a code block of the reference and the matching code block of a translation. */
import { diffArrays, diffWordsWithSpace } from 'diff';

/** A piece of a line: unchanged (0), only in the reference (-1), only in the translation (1). */
export type DiffPart = [op: -1 | 0 | 1, text: string];

/** One row of a side-by-side diff; a side is absent where a line was added or removed. */
export interface DiffRow {
  /** Reference line number and its parts. */
  a?: [line: number, parts: DiffPart[]];
  /** Translation line number and its parts. */
  b?: [line: number, parts: DiffPart[]];
}

/** A side-by-side diff; `null` marks unchanged lines left out. */
export type CodeDiff = Array<DiffRow | null>;

/** Where a fenced code block's body sits: 1-based line numbers, fences excluded. */
export interface FenceBody {
  from: number;
  to: number;
}

const FENCE = /^\s*(`{3,}|~{3,})/;

/** The bodies of the fenced code blocks of a file, in order. */
export function fencedBlocks(lines: readonly string[]): FenceBody[] {
  const blocks: FenceBody[] = [];
  let open: { marker: string; line: number } | undefined;
  lines.forEach((text, index) => {
    const match = FENCE.exec(text);
    if (!match) return;
    const marker = match[1]!;
    if (!open) open = { marker, line: index + 1 };
    else if (marker[0] === open.marker[0] && marker.length >= open.marker.length && text.trim() === marker) {
      blocks.push({ from: open.line + 1, to: index });
      open = undefined;
    }
  });
  return blocks;
}

/** The code block whose fences or body contain `line`. */
export function blockAt(blocks: readonly FenceBody[], line: number): FenceBody | undefined {
  return blocks.find((block) => line >= block.from - 1 && line <= block.to + 1);
}

/**
 * Diff two code bodies line by line, then word by word inside each changed line pair; unchanged lines further than
 * `context` from a change are left out. Returns undefined when the bodies are identical.
 */
export function codeDiff(reference: readonly string[], referenceStart: number, translation: readonly string[], translationStart: number, context = 2): CodeDiff | undefined {
  const rows: DiffRow[] = [];
  let a = 0;
  let b = 0;
  let removed: string[] = [];
  const flushRemoved = (added: string[]) => {
    const pairs = Math.max(removed.length, added.length);
    for (let index = 0; index < pairs; index++) {
      const old = removed[index];
      const now = added[index];
      const row: DiffRow = {};
      if (old !== undefined && now !== undefined) {
        const words = diffWordsWithSpace(old, now);
        row.a = [referenceStart + a, words.filter((w) => !w.added).map((w): DiffPart => [w.removed ? -1 : 0, w.value])];
        row.b = [translationStart + b, words.filter((w) => !w.removed).map((w): DiffPart => [w.added ? 1 : 0, w.value])];
      } else if (old !== undefined) row.a = [referenceStart + a, [[-1, old]]];
      else row.b = [translationStart + b, [[1, now!]]];
      if (old !== undefined) a++;
      if (now !== undefined) b++;
      rows.push(row);
    }
    removed = [];
  };
  for (const change of diffArrays([...reference], [...translation])) {
    if (change.removed) {
      removed.push(...change.value);
    } else if (change.added) {
      flushRemoved(change.value);
    } else {
      flushRemoved([]);
      for (const text of change.value) {
        rows.push({ a: [referenceStart + a, [[0, text]]], b: [translationStart + b, [[0, text]]] });
        a++;
        b++;
      }
    }
  }
  flushRemoved([]);
  const changed = rows.map((row) => !row.a || !row.b || row.a[1].some((part) => part[0] !== 0) || row.b[1].some((part) => part[0] !== 0));
  if (!changed.includes(true)) return undefined;
  const near = (index: number) => changed.slice(Math.max(0, index - context), index + context + 1).includes(true);
  const result: CodeDiff = [];
  rows.forEach((row, index) => {
    if (near(index)) result.push(row);
    else if (result[result.length - 1] !== null) result.push(null);
  });
  return result;
}

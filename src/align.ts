/** Pair the elements of two copies by order with a longest-common-subsequence diff, so one gap is one gap. */
import { diffArrays } from 'diff';

export interface Pair<T> {
  reference?: T;
  translation?: T;
  referenceIndex: number;
  translationIndex: number;
}

/**
 * Align `reference` and `translation`. Elements for which `same` holds anchor the alignment; between anchors, a run
 * of removed and a run of added elements of equal length are paired in order (changed elements), and otherwise paired
 * in order where `similar` says they belong together. What stays unpaired is missing or extra.
 */
export function align<T>(
  reference: readonly T[],
  translation: readonly T[],
  same: (a: T, b: T) => boolean,
  similar: (a: T, b: T) => boolean = () => false,
): Pair<T>[] {
  const pairs: Pair<T>[] = [];
  const changes = diffArrays(reference as T[], translation as T[], { comparator: same });
  let r = 0;
  let t = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    if (removed.length === added.length) {
      removed.forEach((ri, k) => pairs.push(pair(reference, translation, ri, added[k]!)));
    } else {
      let next = 0;
      for (const ri of removed) {
        let found = -1;
        for (let k = next; k < added.length; k++) {
          if (similar(reference[ri]!, translation[added[k]!]!)) {
            found = k;
            break;
          }
        }
        if (found === -1) {
          pairs.push(pair(reference, translation, ri, -1));
          continue;
        }
        for (let k = next; k < found; k++) pairs.push(pair(reference, translation, -1, added[k]!));
        pairs.push(pair(reference, translation, ri, added[found]!));
        next = found + 1;
      }
      for (let k = next; k < added.length; k++) pairs.push(pair(reference, translation, -1, added[k]!));
    }
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      for (let k = 0; k < count; k++) removed.push(r++);
    } else if (change.added) {
      for (let k = 0; k < count; k++) added.push(t++);
    } else {
      flush();
      for (let k = 0; k < count; k++) pairs.push(pair(reference, translation, r++, t++));
    }
  }
  flush();
  return pairs;
}

function pair<T>(reference: readonly T[], translation: readonly T[], ri: number, ti: number): Pair<T> {
  return {
    reference: ri === -1 ? undefined : reference[ri],
    translation: ti === -1 ? undefined : translation[ti],
    referenceIndex: ri,
    translationIndex: ti,
  };
}

/** Dice coefficient of two token lists, 0 (nothing shared) to 1 (same multiset). */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const token of a) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of b) {
    const count = counts.get(token) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(token, count - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Above this many candidate pairs, `alignBest` first anchors on strong pairs so that its table stays small. */
const MAX_CELLS = 250_000;

/**
 * Align `reference` and `translation` so that the paired elements score highest in total, keeping their order.
 * `score` is how well two elements belong together; 0 or less means they never pair. Ties go to the pairing that
 * keeps elements at the same relative place. Unpaired elements come out where they sit: missing before extra.
 * Unlike `align`, a run of dropped elements does not shift every later pairing: a `js` block is never taken for a
 * `sh` block just because both runs have the same length.
 */
export function alignBest<T>(
  reference: readonly T[],
  translation: readonly T[],
  score: (a: T, b: T) => number,
  options: BestOptions<T> = {},
): Pair<T>[] {
  const strong = options.strong ?? ((a: T, b: T) => score(a, b) >= 1);
  const referencePlace = options.referencePlace ?? ((_: T, index: number) => (index + 0.5) / reference.length);
  const translationPlace = options.translationPlace ?? ((_: T, index: number) => (index + 0.5) / translation.length);
  const places = [reference.map(referencePlace), translation.map(translationPlace)] as const;
  const leftovers = options.leftovers ?? (() => false);
  const bestRange = (r0: number, r1: number, t0: number, t1: number) => bestIn(reference, translation, score, places, leftovers, r0, r1, t0, t1);
  if (reference.length * translation.length <= MAX_CELLS) return bestRange(0, reference.length, 0, translation.length);
  // Too large for one table: anchor on strong pairs (an LCS), then score each gap between anchors.
  const pairs: Pair<T>[] = [];
  const changes = diffArrays(reference as T[], translation as T[], { comparator: strong });
  let r = 0;
  let t = 0;
  let gapR = 0;
  let gapT = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) r += count;
    else if (change.added) t += count;
    else {
      pairs.push(...bestRange(gapR, r, gapT, t));
      for (let k = 0; k < count; k++) pairs.push(pair(reference, translation, r++, t++));
      gapR = r;
      gapT = t;
    }
  }
  pairs.push(...bestRange(gapR, r, gapT, t));
  return pairs;
}

/** How `alignBest` anchors large inputs and breaks ties. */
export interface BestOptions<T> {
  /** Pairs sure enough to anchor the alignment of large inputs (default: a score of 1 or more). */
  strong?: (a: T, b: T) => boolean;
  /**
   * Where an element sits in its copy (default: its index as a fraction of the list); between equal scores, the pair
   * whose places are closest wins. Translations mostly keep the reference's lines, so line numbers work well.
   */
  referencePlace?: (item: T, index: number) => number;
  translationPlace?: (item: T, index: number) => number;
  /**
   * Between two pairs, as many unpaired reference elements as translation elements are paired in order when this
   * holds for each (elements rewritten in place), as `align` does.
   */
  leftovers?: (a: T, b: T) => boolean;
}

/** `alignBest` on `reference[r0, r1)` and `translation[t0, t1)`, by dynamic programming. */
function bestIn<T>(
  reference: readonly T[],
  translation: readonly T[],
  score: (a: T, b: T) => number,
  places: readonly [number[], number[]],
  leftovers: (a: T, b: T) => boolean,
  r0: number,
  r1: number,
  t0: number,
  t1: number,
): Pair<T>[] {
  const n = r1 - r0;
  const m = t1 - t0;
  const out: Pair<T>[] = [];
  if (n * m > MAX_CELLS && n === m && reference.slice(r0, r1).every((a, k) => leftovers(a, translation[t0 + k]!))) {
    for (let k = 0; k < n; k++) out.push(pair(reference, translation, r0 + k, t0 + k));
    return out;
  }
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    for (let i = r0; i < r1; i++) out.push(pair(reference, translation, i, -1));
    for (let j = t0; j < t1; j++) out.push(pair(reference, translation, -1, j));
    return out;
  }
  // best[i][j]: highest total for reference[i..] and translation[j..]; filled from the end so the walk goes forward.
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const gain = new Float64Array(n * m);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(reference[r0 + i]!, translation[t0 + j]!);
      // A tie-break far below any real score difference: keep elements at the same relative place.
      const g = s > 0 ? s + 1e-4 / (1 + Math.abs(places[0][r0 + i]! - places[1][t0 + j]!)) : 0;
      gain[i * m + j] = g;
      const skip = Math.max(best[(i + 1) * width + j]!, best[i * width + j + 1]!);
      best[i * width + j] = g > 0 ? Math.max(skip, g + best[(i + 1) * width + j + 1]!) : skip;
    }
  }
  let i = 0;
  let j = 0;
  const missing: number[] = [];
  const extra: number[] = [];
  const flush = () => {
    if (missing.length === extra.length && missing.every((k, index) => leftovers(reference[r0 + k]!, translation[t0 + extra[index]!]!))) {
      missing.forEach((k, index) => out.push(pair(reference, translation, r0 + k, t0 + extra[index]!)));
      missing.length = 0;
      extra.length = 0;
      return;
    }
    for (const k of missing) out.push(pair(reference, translation, r0 + k, -1));
    for (const k of extra) out.push(pair(reference, translation, -1, t0 + k));
    missing.length = 0;
    extra.length = 0;
  };
  while (i < n && j < m) {
    const here = best[i * width + j]!;
    const g = gain[i * m + j]!;
    if (g > 0 && here === g + best[(i + 1) * width + j + 1]!) {
      flush();
      out.push(pair(reference, translation, r0 + i, t0 + j));
      i++;
      j++;
    } else if (here === best[(i + 1) * width + j]!) {
      missing.push(i++);
    } else {
      extra.push(j++);
    }
  }
  while (i < n) missing.push(i++);
  while (j < m) extra.push(j++);
  flush();
  return out;
}

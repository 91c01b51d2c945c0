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

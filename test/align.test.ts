/** alignBest: pairs in order where the summed scores are highest; what it pairs and what it leaves alone. */
import { describe, expect, it } from 'vitest';
import { alignBest } from '../src/align.js';

const exact = (a: string, b: string) => (a === b ? 1 : 0);
const pairsOf = (reference: string[], translation: string[], score = exact, options = {}) =>
  alignBest(reference, translation, score, options).map((pair) => [pair.reference ?? null, pair.translation ?? null]);

describe('alignBest', () => {
  it('leaves one dropped element unpaired and pairs the rest with their own', () => {
    expect(pairsOf(['npm', 'pnpm', 'yarn'], ['npm', 'yarn'])).toEqual([
      ['npm', 'npm'],
      ['pnpm', null],
      ['yarn', 'yarn'],
    ]);
  });

  it('prefers two good pairs over one shifted pair', () => {
    // `b` is a little like `c`, but pairing it would leave `c` alone.
    const score = (a: string, b: string) => (a === b ? 2 : a[0] === b[0] ? 0.5 : 0);
    expect(pairsOf(['a1', 'b1', 'c1'], ['a1', 'c1'], score)).toEqual([
      ['a1', 'a1'],
      ['b1', null],
      ['c1', 'c1'],
    ]);
  });

  it('never pairs elements that score 0, and puts missing before extra', () => {
    expect(pairsOf(['x'], ['y'])).toEqual([
      ['x', null],
      [null, 'y'],
    ]);
  });

  it('pairs equal runs of leftovers in order when asked to', () => {
    expect(pairsOf(['a', 'x', 'b'], ['a', 'y', 'b'], exact, { leftovers: () => true })).toEqual([
      ['a', 'a'],
      ['x', 'y'],
      ['b', 'b'],
    ]);
  });

  it('breaks ties by place', () => {
    const at = (line: number) => ({ line });
    const reference = [at(10), at(20)];
    const translation = [at(19)];
    const pairs = alignBest(reference, translation, () => 1, { referencePlace: (item) => item.line, translationPlace: (item) => item.line });
    expect(pairs.find((pair) => pair.translation)?.reference).toBe(reference[1]);
  });

  it('aligns inputs too large for one table by anchoring on strong pairs', () => {
    const reference = Array.from({ length: 600 }, (_, k) => `line ${k}`);
    const translation = reference.filter((_, k) => k !== 300);
    const pairs = alignBest(reference, translation, exact);
    expect(pairs.filter((pair) => pair.reference && !pair.translation).map((pair) => pair.reference)).toEqual(['line 300']);
    expect(pairs.filter((pair) => pair.reference && pair.translation).every((pair) => pair.reference === pair.translation)).toBe(true);
  });
});

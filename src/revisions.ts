/** Find the source revision a copy was translated from, and the drift status a translation tool recorded, in its front matter. */
import type { FileSummary, Span } from './types.js';

export interface Revision {
  key: string;
  value: string;
  span: Span;
}

/** A copy its own project marked as behind the source (OTel's `drifted_from_default`). */
export interface DriftMark {
  key: string;
  /** The reason given, when the value is text rather than `true`. */
  reason?: string;
  span: Span;
}

/** Front matter keys with which translation tools mark a copy as out of date; `true` or a reason mean drifted. */
export const DRIFT_KEYS = ['drifted_from_default'];

/** The first of `keys` found in the front matter (dotted keys such as `l10n.sourceCommit` reach into mappings). */
export function revisionOf(summary: FileSummary, keys: string[]): Revision | undefined {
  const entries = summary.frontMatter?.entries ?? [];
  for (const key of keys) {
    const [head, ...rest] = key.split('.');
    const entry = entries.find((candidate) => candidate.key === head);
    if (!entry) continue;
    let value: unknown = entry.value;
    for (const part of rest) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    if (typeof value === 'string' || typeof value === 'number') return { key, value: String(value), span: entry.span };
  }
  return undefined;
}

/** The drift mark in the front matter, if the copy carries one that says drifted (`false` and empty values do not). */
export function driftMarkOf(summary: FileSummary, keys: string[] = DRIFT_KEYS): DriftMark | undefined {
  for (const entry of summary.frontMatter?.entries ?? []) {
    if (!keys.includes(entry.key)) continue;
    if (entry.value === true) return { key: entry.key, span: entry.span };
    if (typeof entry.value === 'string' && entry.value.trim() !== '' && !/^(false|no)$/i.test(entry.value.trim())) {
      return { key: entry.key, reason: entry.value.trim(), span: entry.span };
    }
  }
  return undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^\d+(\.\d+)*$/;

/**
 * The newest of some revision values, when they can be ordered from the values alone (dates, numbers or dotted
 * versions); undefined for opaque ids such as commit hashes, whose order only the repository's history knows.
 */
export function newestRevision(values: string[]): string | undefined {
  if (values.length === 0) return undefined;
  if (values.every((value) => ISO_DATE.test(value))) return values.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  if (values.every((value) => NUMBER.test(value))) return values.reduce((a, b) => (compareDotted(b, a) > 0 ? b : a));
  return undefined;
}

function compareDotted(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

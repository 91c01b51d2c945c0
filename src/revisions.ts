/** Find the source revision a copy was translated from, in its front matter. */
import type { FileSummary, Span } from './types.js';

export interface Revision {
  key: string;
  value: string;
  span: Span;
}

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

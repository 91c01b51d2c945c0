/** Finding fingerprints that survive unrelated edits: no line numbers, no element indexes, an occurrence counter. */
import { createHash } from 'node:crypto';
import type { Finding } from './types.js';

export interface FingerprintParts {
  ruleId: string;
  page: string;
  locale: string;
  category?: string;
  expected?: string;
  found?: string;
  message: string;
}

/** Hash what a finding is about: rule, page, locale and the values that differ (the message only when there are none). */
export function baseFingerprint(parts: FingerprintParts): string {
  const values = parts.expected !== undefined || parts.found !== undefined;
  // Messages name reference lines ("as in en:23"): numbers go, so that a shifted line keeps the fingerprint.
  const message = values ? '' : parts.message.replace(/\d+/g, '#');
  return hash([parts.ruleId, parts.page, parts.locale, parts.category ?? '', parts.expected ?? '', parts.found ?? '', message].join('\u0000'));
}

/**
 * Make fingerprints unique in document order: the n-th finding with the same base fingerprint in a file gets `n`
 * mixed in. Findings must be sorted by file and position.
 */
export function numberFingerprints(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const base = `${finding.file}\u0000${finding.fingerprint}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    if (occurrence > 0) finding.fingerprint = hash(`${finding.fingerprint}#${occurrence}`);
  }
}

/** A short stable hash of `text`, for fingerprints. */
export function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

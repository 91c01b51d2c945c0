/** Helpers that give every rule message the same shape: what was expected, where, and what was found. */
import type { FileSummary, Report, RuleContext, Span } from './types.js';

/** Quote a value in backticks, shortened to one readable line. */
export function quote(value: string, max = 80): string {
  const line = value.replace(/\s*\n\s*/g, ' ⏎ ').trim();
  const short = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  const fence = short.includes('`') ? '``' : '`';
  const pad = short.startsWith('`') || short.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${short}${pad}${fence}`;
}

/** `it-IT:29`: where an element sits in a copy. */
export function where(summary: FileSummary, span: Span | undefined): string {
  return span ? `${summary.locale}:${span.start.line}` : summary.locale;
}

/**
 * A report saying `subject` differs: the reference has `expected`, the translation `found`. Values are shown quoted;
 * pass `undefined` for an absent element.
 */
export function differs(
  context: RuleContext,
  subject: string,
  expected: string | undefined,
  found: string | undefined,
  span: Span,
  referenceSpan: Span | undefined,
  extra: Partial<Report> = {},
): Report {
  const expectedText = expected === undefined ? 'none' : quote(expected);
  const foundText = found === undefined ? 'none' : quote(found);
  return {
    message: `${subject}: expected ${expectedText} as in ${where(context.reference, referenceSpan)}, found ${foundText}`,
    subject,
    span,
    referenceSpan,
    expected: expected ?? '(none)',
    found: found ?? '(none)',
    ...extra,
  };
}

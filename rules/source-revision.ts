import { driftMarkOf, newestRevision, revisionOf, type DriftMark, type Revision } from '../src/revisions.js';
import type { PageCopy, Rule } from '../src/types.js';

interface Recorded {
  copy: PageCopy;
  revision?: Revision;
  drift?: DriftMark;
}

/**
 * Copies translated from an older source revision than others, and copies their own project marked as drifted.
 * With a source locale only the copies behind are reported; without one the groups are listed and no copy is judged.
 */
export const sourceRevision: Rule = {
  id: 'source-revision',
  description: 'Copies of a page were translated from the newest source revision',
  fixable: false,
  defaultSeverity: 'warning',
  checkPage(context) {
    const keys = context.options.revisionKeys;
    const recorded: Recorded[] = context.copies.flatMap((copy) =>
      copy.summary ? [{ copy, revision: revisionOf(copy.summary, keys), drift: driftMarkOf(copy.summary) }] : [],
    );
    const sourceCopy = context.source ? recorded.find(({ copy }) => copy.locale === context.source) : undefined;
    // A page with no source copy is an orphan, which orphan-translation reports (OTel marks them `file not found`).
    if (context.source && !context.copies.some((copy) => copy.locale === context.source)) return;
    const translations = recorded.filter((entry) => entry !== sourceCopy);

    for (const { copy, revision, drift } of translations) {
      if (!drift) continue;
      // Copies of the same page the project did not mark are in step with the source, so their revisions are newer.
      const current = translations.filter((other) => !other.drift && other.revision && other.revision.value !== revision?.value);
      const from = revision ? `; translated from \`${short(revision.value)}\`` : '';
      const newer = current.length > 0 ? `; the copies not marked were translated from ${groups(current)}` : '';
      const reason = drift.reason ? `: "${drift.reason}"` : '';
      context.report(copy, {
        message: `This copy is marked as drifted from the source (\`${drift.key}\`${reason})${from}${newer}`,
        span: drift.span,
        category: 'drifted',
        expected: 'not drifted',
        found: drift.reason ?? 'true',
      });
    }

    const withRevision = translations.filter((entry): entry is Recorded & { revision: Revision } => entry.revision !== undefined);
    const values = new Set(withRevision.map(({ revision }) => revision.value));
    if (!context.source) {
      if (values.size < 2) return;
      for (const { copy, revision } of withRevision) {
        context.report(copy, {
          message: `Copies were translated from ${values.size} different source revisions: ${groups(withRevision)}; this copy from \`${short(revision.value)}\` (\`${revision.key}\`)`,
          span: revision.span,
          category: 'revision',
          expected: 'one revision',
          found: revision.value,
        });
      }
      return;
    }

    const sourceRevision = sourceCopy?.revision?.value;
    // Commit hashes cannot be ordered from the files alone: with no revision on the source, stay silent rather than guess.
    const newest = sourceRevision ?? newestRevision([...values]);
    if (newest === undefined) return;
    for (const { copy, revision, drift } of withRevision) {
      if (revision.value === newest || drift) continue;
      const onNewest = withRevision.filter((other) => other.revision.value === newest);
      const against = sourceRevision
        ? `the source (${context.source}) records \`${short(newest)}\``
        : `${onNewest.map(({ copy }) => copy.locale).join(', ')} used the newer \`${short(newest)}\``;
      context.report(copy, {
        message: `Translated from source revision \`${short(revision.value)}\` (\`${revision.key}\`), but ${against}: the source may have changed since`,
        span: revision.span,
        category: 'revision',
        expected: newest,
        found: revision.value,
      });
    }
  },
};

/** `value` (locales), … for copies grouped by revision. */
function groups(entries: Recorded[]): string {
  const byValue = new Map<string, string[]>();
  for (const { copy, revision } of entries) {
    if (revision) byValue.set(revision.value, [...(byValue.get(revision.value) ?? []), copy.locale]);
  }
  return [...byValue.entries()].map(([value, locales]) => `\`${short(value)}\` (${locales.join(', ')})`).join(', ');
}

function short(value: string): string {
  return /^[0-9a-f]{40}$/i.test(value) ? value.slice(0, 10) : value;
}

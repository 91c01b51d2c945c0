import { paths, placeholders, urls } from '../src/tokens.js';
import { differs } from '../src/messages.js';
import { missing } from '../src/elements.js';
import { neutralUrl } from '../src/localize.js';
import type { FileSummary, Rule } from '../src/types.js';

/** Paths, URLs and placeholders inside translated front matter text (title, description) changed or translated. */
export const frontmatterTextTokens: Rule = {
  id: 'frontmatter-text-tokens',
  description: 'Paths, URLs and placeholders inside translated front matter text stay as in the reference',
  fixable: false,
  defaultSeverity: 'warning',
  compare(context) {
    const { reference, translation, options } = context;
    const ref = reference.frontMatter;
    const tr = translation.frontMatter;
    if (!ref || !tr || ref.error || tr.error) return;
    const skip = new Set([...options.metadataKeys, ...options.identicalKeys, ...options.revisionKeys]);
    const corroborated = context.hasSource ? undefined : bodyTokens(reference);
    for (const refEntry of ref.entries) {
      if (skip.has(refEntry.key) || typeof refEntry.value !== 'string') continue;
      const trEntry = tr.entries.find((entry) => entry.key === refEntry.key);
      if (!trEntry || typeof trEntry.value !== 'string') continue;
      const refTokens = tokens(refEntry.value).filter((token) => !corroborated || corroborated.has(token));
      const trTokens = tokens(trEntry.value);
      // Localized links (`/docs/spec/buttons-cn` in zh-CN, `/de/docs/` in de) are the same token.
      const neutral = (token: string, locale: string) => neutralUrl(token, locale, options.linkLocalePatterns);
      const gone = without(refTokens, trTokens, (token) => neutral(token, reference.locale), (token) => neutral(token, translation.locale));
      if (gone.length === 0) continue;
      const added = without(trTokens, tokens(refEntry.value), (token) => neutral(token, translation.locale), (token) => neutral(token, reference.locale));
      context.report(
        differs(context, `\`${refEntry.key}\` in front matter`, gone.join(' '), added.join(' ') || undefined, trEntry.valueSpan, refEntry.span, {
          category: added.length ? 'changed' : 'missing',
          key: `${refEntry.key}:${gone.join(' ')}`,
        }),
      );
    }
  },
};

function tokens(text: string): string[] {
  return [...paths(text), ...urls(text), ...placeholders(text)];
}

/** Tokens the copy also writes as code or links: without a source locale, only these are trusted as references. */
function bodyTokens(summary: FileSummary): Set<string> {
  const set = new Set<string>();
  for (const code of summary.inlineCode) for (const token of [code.value, ...tokens(code.value)]) set.add(token);
  for (const block of summary.codeBlocks) for (const token of tokens(block.body)) set.add(token);
  for (const link of summary.links) set.add(link.url);
  return set;
}

/** Tokens of `list` missing from `other`, as written or, failing that, in their locale-neutral forms. */
function without(list: string[], other: string[], neutralOfList: (token: string) => string, neutralOfOther: (token: string) => string): string[] {
  const unmatched = missing(list, other);
  const left = missing(other, list).map(neutralOfOther);
  return unmatched.filter((token) => {
    const at = left.indexOf(neutralOfList(token));
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

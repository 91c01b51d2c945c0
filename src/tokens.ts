/** Recognise the tokens that must survive translation: placeholders, URLs, paths, HTTP headers. */

const PLACEHOLDER =
  /\{\{[^{}\n]+\}\}|\{[A-Za-z_][\w.-]*\}|<[A-Z][A-Z0-9_-]*>|\$\{[A-Za-z_]\w*\}|\$[A-Z_][A-Z0-9_]*|%(?:\d+\$)?[sdif]/g;
// A URL ends at CJK punctuation or a full-width form (`…/SKILL.md，并按`): they are never part of a written URL.
const URL = /\b(?:https?|ftp):\/\/[^\s'"<>`)\]\u3000-\u303f\uff00-\uffef]+/g;
const PATH = /(?<![\w/.:-])\/(?:[A-Za-z0-9_{}][\w.{}-]*)(?:\/[\w.{}-]+)*\/?/g;
const HEADER = /^\s*([A-Za-z][\w-]*)(\s*):(\s*)(.*)$/;

/** Placeholders such as `{IMS_ORG}`, `<ORG_ID>`, `{{name}}`, `$VAR`, `%s`, in order. */
export function placeholders(text: string): string[] {
  return text.match(PLACEHOLDER) ?? [];
}

/** URLs in order, with trailing sentence punctuation dropped. */
export function urls(text: string): string[] {
  return (text.match(URL) ?? []).map((url) => url.replace(/[.,;:!?]+$/, ''));
}

/** Absolute paths such as `/batches` or `/data/foundation/import`, outside URLs. */
export function paths(text: string): string[] {
  return (text.replace(URL, ' ').match(PATH) ?? [])
    .map((path) => path.replace(/[.,;:!?]+$/, ''))
    .filter((path) => path.length > 1 && /[A-Za-z]/.test(path));
}

export interface Header {
  name: string;
  before: string;
  after: string;
  value: string;
}

/** An HTTP header written as `Name: value`, in a line or a quoted curl `-H` argument. */
export function header(text: string): Header | undefined {
  const quoted = /(?:-H|--header)\s+(['"])(.*?)\1/.exec(text);
  const candidate = quoted ? quoted[2]! : text;
  const match = HEADER.exec(candidate);
  if (!match) return undefined;
  if (!quoted && !/^[A-Za-z][\w-]*-[\w-]*\s*:|^(?:Authorization|Accept|Host|Cookie)\s*:/i.test(candidate.trim())) {
    return undefined;
  }
  return { name: match[1]!, before: match[2]!, after: match[3]!, value: match[4]! };
}

/** Words for similarity measures: runs of letters, digits and code punctuation. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

/** True for text that reads as prose a translator may rewrite, not as an identifier or a value. */
export function isProse(text: string): boolean {
  const bare = text.replace(PLACEHOLDER, ' ').trim();
  if (bare === '' || HEADER.test(bare) || /:\/\//.test(bare)) return false;
  if (!/^[\p{L}\p{M}\p{N}\s'’.,!?¿¡:;()«»“”„"…-]+$/u.test(bare)) return false;
  // eslint-disable-next-line no-control-regex
  return /\p{L}+[\s,]+\p{L}+/u.test(bare) || /[^\u0000-\u007f]/.test(bare);
}

const VERSION = /\b\d+(?:\.\d+)+\b/g;

/** What must survive in a translated display text, sorted (word order may change): placeholders, URLs, paths, versions. */
export function textTokens(text: string): string[] {
  // `${state ? "enabled" : "disabled"}`: the expression must stay, the words quoted in it may be translated.
  const interpolations = (text.match(/\$\{[^{}]*\}/g) ?? []).map((part) => part.replace(/(["'])(?:(?!\1).)*\1/g, '""').replace(/\s+/g, ''));
  return [...placeholders(text), ...interpolations, ...urls(text), ...paths(text), ...(text.replace(URL, ' ').match(VERSION) ?? [])].sort();
}

/**
 * True for a string literal that reads as words for people (a message, a label, a name), not as a value a program
 * uses (an identifier, a key, a path, a header, a command flag).
 */
export function isDisplayString(text: string): boolean {
  // `<Public ID>`, `[your name]`: a blank for the reader to fill in, worded for people.
  const bare = text
    .replace(/\$\{[^{}]*\}/g, ' ')
    .replace(PLACEHOLDER, ' ')
    .replace(URL, ' ')
    .trim()
    .replace(/^<([^<>]+)>$|^\[([^[\]]+)\]$/, '$1$2')
    .replace(/[\s.!?¡¿:;,…]+$/u, '');
  if (bare === '') return false;
  // eslint-disable-next-line no-control-regex
  if (/\p{L}/u.test(bare) && /[^\u0000-\u007f]/.test(bare)) return true;
  if (/^-{1,2}\w/.test(bare)) return false;
  // Several words (`Bob's blog` too): a sentence or a phrase.
  if (/\p{L}[\p{L}'’-]*\p{L}[\s,]+[\p{L}\p{N}]/u.test(bare)) return true;
  // One capitalised word: a name or a label such as `Submit`, `Canada`.
  return /^[A-Z][a-z]+[.!?]?$/.test(bare);
}

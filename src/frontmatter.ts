/** Parse YAML front matter into positioned entries; invalid YAML becomes an error, never an exception. */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { LineIndex } from './positions.js';
import type { FrontMatter, FrontMatterEntry, Span } from './types.js';

// A comment such as `# DO NOT COPY the following config to non-en pages` (OpenTelemetry) marks a key of the source only.
const SOURCE_ONLY = /\b(?:do not|don't|never) (?:copy|translate)\b|\bsource[- ]only\b|\bnot (?:be )?(?:copied|translated)\b/i;

/** Parse the YAML `raw`, which starts at `rawStart` in the file indexed by `lines`. */
export function parseFrontMatter(raw: string, rawStart: number, span: Span, lines: LineIndex): FrontMatter {
  const frontMatter: FrontMatter = { span, raw, entries: [] };
  let document;
  try {
    document = parseDocument(raw, { uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    frontMatter.error = { message: error instanceof Error ? error.message : String(error), span };
    return frontMatter;
  }
  const [firstError] = document.errors;
  if (firstError) {
    const at = rawStart + (firstError.pos?.[0] ?? 0);
    const end = rawStart + (firstError.pos?.[1] ?? firstError.pos?.[0] ?? 0);
    frontMatter.error = { message: firstError.message.split('\n')[0]!, span: lines.span(at, Math.max(at, end)) };
    return frontMatter;
  }
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return frontMatter;
  }
  if (!isMap(contents)) {
    frontMatter.error = { message: 'front matter is not a mapping of keys to values', span };
    return frontMatter;
  }
  const data = (document.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  for (const pair of contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const keyRange = (keyNode as { range?: [number, number, number] } | null)?.range;
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    if (!keyRange) continue;
    const start = rawStart + keyRange[0];
    const valueStart = rawStart + (valueRange ? valueRange[0] : keyRange[2]);
    const valueEnd = rawStart + (valueRange ? valueRange[1] : keyRange[2]);
    const entry: FrontMatterEntry = {
      key,
      value: data[key],
      span: lines.span(start, Math.max(valueEnd, start + key.length)),
      valueSpan: lines.span(valueStart, valueEnd),
    };
    const comment = (keyNode as { commentBefore?: string | null } | null)?.commentBefore;
    if (comment && SOURCE_ONLY.test(comment)) entry.sourceOnly = true;
    frontMatter.entries.push(entry);
  }
  return frontMatter;
}

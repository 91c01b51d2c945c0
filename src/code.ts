/** Compare two code block bodies and say how they differ, leaving translated comments and display text alone. */
import stringify from 'fast-json-stable-stringify';
import { align } from './align.js';
import { header, isProse, placeholders, urls, words } from './tokens.js';
import { dice } from './align.js';

type CommentStyle = { line: string[]; block: Array<[string, string]> };

const HASH = ['sh', 'bash', 'shell', 'zsh', 'console', 'shellsession', 'terminal', 'python', 'py', 'python3', 'ruby',
  'rb', 'yaml', 'yml', 'toml', 'r', 'perl', 'powershell', 'ps1', 'pwsh', 'dockerfile', 'docker', 'make', 'makefile',
  'conf', 'ini', 'nginx', 'properties', 'env', 'dotenv', 'cmake', 'elixir', 'nix', 'julia', 'coffee', 'fish',
  'gitignore', 'tcl', 'awk', 'sed', 'bat', 'cmd', 'hcl', 'terraform', 'tf', 'graphql', 'gql', 'apache', 'procfile'];
const SLASH = ['js', 'javascript', 'mjs', 'cjs', 'ts', 'typescript', 'mts', 'cts', 'jsx', 'tsx', 'java', 'c', 'h', 'cpp',
  'c++', 'cc', 'hpp', 'cs', 'csharp', 'go', 'golang', 'rust', 'rs', 'swift', 'kotlin', 'kt', 'kts', 'scala', 'dart',
  'groovy', 'gradle', 'json5', 'jsonc', 'php', 'scss', 'less', 'sass', 'zig', 'proto', 'protobuf', 'solidity', 'sol',
  'astro', 'vue', 'svelte', 'mdx', 'objectivec', 'objc', 'fsharp', 'fs', 'hcl', 'terraform', 'tf', 'd', 'v', 'jsonnet'];
const MARKUP = ['html', 'xml', 'svg', 'astro', 'vue', 'svelte', 'md', 'markdown', 'mdx', 'xhtml', 'jsx', 'tsx', 'handlebars',
  'hbs', 'njk', 'liquid', 'erb', 'ejs', 'aspx', 'razor', 'twig'];
const SQL = ['sql', 'mysql', 'postgresql', 'psql', 'plsql', 'tsql', 'sqlite', 'lua', 'haskell', 'hs', 'elm', 'ada'];

function commentStyle(lang: string): CommentStyle {
  const style: CommentStyle = { line: [], block: [] };
  if (HASH.includes(lang)) style.line.push('#');
  if (SLASH.includes(lang)) {
    style.line.push('//');
    style.block.push(['/*', '*/']);
  }
  if (lang === 'css') style.block.push(['/*', '*/']);
  if (MARKUP.includes(lang)) style.block.push(['<!--', '-->']);
  if (SQL.includes(lang)) style.line.push('--');
  if (lang === 'php') style.line.push('#');
  if (['ini', 'asm', 'nasm', 'lisp', 'clojure', 'scheme', 'elisp'].includes(lang)) style.line.push(';');
  if (['tex', 'latex', 'matlab', 'erlang', 'erl'].includes(lang)) style.line.push('%');
  if (['vb', 'vbnet', 'vba'].includes(lang)) style.line.push("'");
  return style;
}

/** Canonical language name for comparison: lower case, common aliases folded. */
export function normalizeLang(lang: string): string {
  const lower = lang.trim().toLowerCase();
  const aliases: Record<string, string> = { shell: 'sh', bash: 'sh', zsh: 'sh', yml: 'yaml', js: 'javascript',
    ts: 'typescript', py: 'python', rb: 'ruby', 'c++': 'cpp', golang: 'go', md: 'markdown', rs: 'rust' };
  return aliases[lower] ?? lower;
}

/**
 * Reduce a code body to what must not be translated: comments removed, display strings and markup text reduced to the
 * placeholders they hold, trailing whitespace dropped. Identical results mean no drift.
 */
export function normalizeCode(body: string, lang: string, strict: boolean): string[] {
  const lines = body.split(/\r?\n/);
  if (strict) return lines.map((line) => line.trimEnd());
  const key = lang.trim().toLowerCase().split(/[\s{]/)[0]!;
  const style = commentStyle(key);
  const out: string[] = [];
  let inBlock: string | undefined;
  let quote: string | undefined;
  let stringStart = -1;
  for (const raw of lines) {
    let line = '';
    let i = 0;
    if (quote) stringStart = 0;
    while (i < raw.length) {
      if (inBlock !== undefined) {
        const end = raw.indexOf(inBlock, i);
        if (end === -1) {
          i = raw.length;
          break;
        }
        i = end + inBlock.length;
        inBlock = undefined;
        continue;
      }
      const ch = raw[i]!;
      if (quote) {
        if (ch === '\\') {
          i += 2;
          continue;
        }
        if (ch === quote) {
          const content = raw.slice(stringStart, i);
          line += isProse(content) ? `⟨${placeholders(content).join(' ')}⟩` : content;
          line += ch;
          quote = undefined;
        }
        i++;
        continue;
      }
      const block = style.block.find(([open]) => raw.startsWith(open, i));
      if (block) {
        inBlock = block[1];
        i += block[0].length;
        continue;
      }
      const lineComment = style.line.find(
        (open) => raw.startsWith(open, i) && (i === 0 || /\s/.test(raw[i - 1]!) || open !== '#'),
      );
      if (lineComment && !(lineComment === '//' && raw[i - 1] === ':')) break;
      if ((ch === '"' || ch === "'" || ch === '`') && !(ch === "'" && /\p{L}/u.test(raw[i - 1] ?? ''))) {
        quote = ch;
        stringStart = i + 1;
        line += ch;
        i++;
        continue;
      }
      line += ch;
      i++;
    }
    if (quote) {
      const content = raw.slice(stringStart);
      line += isProse(content) ? `⟨${placeholders(content).join(' ')}⟩` : content;
      if (quote !== '`' && quote !== '"' && quote !== "'") quote = undefined;
    }
    out.push(line.trimEnd());
  }
  const cleaned = out.join('\n');
  const text = MARKUP.includes(key) ? reduceMarkupText(cleaned) : cleaned;
  return text.split('\n').filter((line, index, all) => line.trim() !== '' || (index > 0 && all[index - 1]!.trim() !== ''));
}

function reduceMarkupText(text: string): string {
  return text.replace(/>([^<>{}]+)</g, (whole, inner: string) => (isProse(inner) ? `>⟨${placeholders(inner).join(' ')}⟩<` : whole));
}

export interface CodeDifference {
  category: string;
  /** 1-based line numbers inside the body of each copy. */
  referenceLine?: number;
  translationLine?: number;
  expected: string;
  found: string;
}

export interface CodeComparison {
  equal: boolean;
  differences: CodeDifference[];
}

/** Compare the bodies of two code blocks in language `lang`. */
export function compareCode(reference: string, translation: string, lang: string, strict: boolean): CodeComparison {
  if (reference === translation) return { equal: true, differences: [] };
  const key = normalizeLang(lang);
  const json = key === 'json' || key === 'jsonc' || key === 'json5' ? compareJson(reference, translation, strict) : undefined;
  if (json) return json;
  const referenceLines = normalizeCode(reference, lang, strict);
  const translationLines = normalizeCode(translation, lang, strict);
  if (referenceLines.join('\n') === translationLines.join('\n')) return { equal: true, differences: [] };
  const refLines = bodyLineNumbers(reference, referenceLines);
  const trLines = bodyLineNumbers(translation, translationLines);
  const differences: CodeDifference[] = [];
  const pairs = align(referenceLines, translationLines, (a, b) => a === b, (a, b) => dice(words(a), words(b)) >= 0.4);
  for (const pair of pairs) {
    if (pair.reference === pair.translation) continue;
    const at = {
      referenceLine: pair.referenceIndex >= 0 ? refLines[pair.referenceIndex] : undefined,
      translationLine: pair.translationIndex >= 0 ? trLines[pair.translationIndex] : undefined,
    };
    if (pair.reference === undefined) {
      differences.push({ category: 'line-added', ...at, expected: '', found: pair.translation!.trim() });
      continue;
    }
    if (pair.translation === undefined) {
      differences.push({ category: 'line-missing', ...at, expected: pair.reference.trim(), found: '' });
      continue;
    }
    differences.push({ ...classifyLine(pair.reference, pair.translation), ...at });
  }
  // Indentation changed throughout: one difference, not one per line.
  const whitespace = differences.filter((difference) => difference.category === 'whitespace');
  if (whitespace.length > 1 && whitespace.length === differences.length) {
    return { equal: false, differences: [{ ...whitespace[0]!, expected: `${whitespace.length} lines with the reference's spacing`, found: 'different whitespace' }] };
  }
  return { equal: false, differences };
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Map normalized lines back to 1-based body line numbers (normalization may drop blank lines). */
function bodyLineNumbers(body: string, normalized: string[]): number[] {
  const original = body.split(/\r?\n/);
  const numbers: number[] = [];
  let cursor = 0;
  for (const line of normalized) {
    const probe = line.trim().slice(0, 12);
    let found = cursor;
    for (let i = cursor; i < original.length; i++) {
      if (probe === '' || original[i]!.includes(probe)) {
        found = i;
        break;
      }
    }
    numbers.push(found + 1);
    cursor = found + 1;
  }
  return numbers;
}

function classifyLine(reference: string, translation: string): Omit<CodeDifference, 'referenceLine' | 'translationLine'> {
  const refHolders = placeholders(reference);
  const trHolders = placeholders(translation);
  if (refHolders.join(' ') !== trHolders.join(' ')) {
    const expected = refHolders.filter((p) => !trHolders.includes(p));
    const found = trHolders.filter((p) => !refHolders.includes(p));
    if (expected.length > 0 || found.length > 0) {
      return { category: 'placeholder-renamed', expected: expected.join(' ') || '(none)', found: found.join(' ') || '(none)' };
    }
  }
  const refHeader = header(reference);
  const trHeader = header(translation);
  if (refHeader && trHeader) {
    const show = (h: typeof refHeader) => `${h.name}${h.before}:${h.after}${h.value}`;
    if (refHeader.name.toLowerCase() !== trHeader.name.toLowerCase()) {
      return { category: 'header-renamed', expected: show(refHeader), found: show(trHeader) };
    }
    if (refHeader.before !== trHeader.before || (refHeader.after === '') !== (trHeader.after === '')) {
      return { category: 'header-spacing', expected: show(refHeader), found: show(trHeader) };
    }
  }
  const refUrls = urls(reference);
  const trUrls = urls(translation);
  if (refUrls.join(' ') !== trUrls.join(' ')) {
    return { category: 'url-changed', expected: refUrls.join(' ') || '(none)', found: trUrls.join(' ') || '(none)' };
  }
  if (squash(reference) === squash(translation)) {
    return { category: 'whitespace', expected: reference.trim(), found: translation.trim() };
  }
  return { category: 'changed', expected: reference.trim(), found: translation.trim() };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** JSON bodies compare as data (key order and layout aside); undefined when the reference is not JSON. */
function compareJson(reference: string, translation: string, strict: boolean): CodeComparison | undefined {
  const ref = parseJson(reference);
  if (!ref.ok) return undefined;
  const tr = parseJson(translation);
  if (!tr.ok) {
    return { equal: false, differences: [{ category: 'invalid-json', expected: 'valid JSON', found: 'JSON that does not parse' }] };
  }
  if (stringify(ref.value) === stringify(tr.value)) return { equal: true, differences: [] };
  const differences: CodeDifference[] = [];
  diffJson(ref.value, tr.value, '', strict, differences);
  return { equal: differences.length === 0, differences };
}

function diffJson(a: unknown, b: unknown, path: string, strict: boolean, out: CodeDifference[]): void {
  const show = (value: unknown) => JSON.stringify(value);
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      const length = Math.max(a.length, b.length);
      for (let i = 0; i < length; i++) diffJson(a[i], b[i], `${path}[${i}]`, strict, out);
      return;
    }
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    for (const key of Object.keys(left)) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in right)) out.push({ category: 'json-key', expected: at, found: '(missing)' });
      else diffJson(left[key], right[key], at, strict, out);
    }
    for (const key of Object.keys(right)) {
      if (!(key in left)) out.push({ category: 'json-key', expected: '(none)', found: path ? `${path}.${key}` : key });
    }
    return;
  }
  if (stringify(a) === stringify(b)) return;
  if (!strict && typeof a === 'string' && typeof b === 'string' && isProse(a) && isProse(b)) {
    if (placeholders(a).join(' ') === placeholders(b).join(' ')) return;
  }
  const category =
    typeof a === 'string' && typeof b === 'string' && placeholders(a).join(' ') !== placeholders(b).join(' ')
      ? 'placeholder-renamed'
      : 'json-value';
  out.push({ category, expected: `${path || '(root)'}: ${show(a)}`, found: `${path || '(root)'}: ${show(b)}` });
}

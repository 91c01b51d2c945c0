/**
 * Reduce a code body to lines of what must not be translated. Comments go; display text (string literals, markup
 * text, diagram labels, Markdown prose, YAML values) is cut out of the code and kept aside, so that a comparison can
 * accept a translated text and still see a renamed placeholder, URL or identifier inside it.
 */

/** A piece of display text cut out of a code line. */
export interface DisplayText {
  text: string;
  /** `label`: display by construction (markup text, diagram label, prose); `string`: a literal that may be a value. */
  kind: 'label' | 'string';
}

/** One code line, reduced for comparison. */
export interface CodeLine {
  /** 1-based line number in the body. */
  line: number;
  /**
   * The code with comments removed and quote characters unified; each string literal replaced by `⟨⟩`, each label
   * (text a translation may move, split or drop) by `⟦⟧`.
   */
  code: string;
  /** The display texts, in order. */
  texts: DisplayText[];
  /** The line as shown in messages: comments removed, texts in place. */
  shown: string;
}

const HASH = ['sh', 'bash', 'shell', 'zsh', 'console', 'shellsession', 'shell-session', 'terminal', 'python', 'py',
  'python3', 'ruby', 'rb', 'yaml', 'yml', 'toml', 'r', 'perl', 'powershell', 'ps1', 'pwsh', 'dockerfile', 'docker',
  'make', 'makefile', 'conf', 'ini', 'nginx', 'properties', 'env', 'dotenv', 'cmake', 'elixir', 'nix', 'julia',
  'coffee', 'fish', 'gitignore', 'tcl', 'awk', 'sed', 'hcl', 'terraform', 'tf', 'graphql', 'gql', 'apache',
  'procfile', 'caddyfile', 'promql', 'starlark', 'bzl', 'cue', 'jinja', 'sls'];
const SLASH = ['js', 'javascript', 'mjs', 'cjs', 'ts', 'typescript', 'mts', 'cts', 'jsx', 'tsx', 'java', 'c', 'h', 'cpp',
  'c++', 'cc', 'hpp', 'cs', 'csharp', 'go', 'golang', 'rust', 'rs', 'swift', 'kotlin', 'kt', 'kts', 'scala', 'dart',
  'groovy', 'gradle', 'json', 'json5', 'jsonc', 'php', 'scss', 'less', 'sass', 'zig', 'proto', 'protobuf', 'solidity',
  'sol', 'astro', 'vue', 'svelte', 'mdx', 'objectivec', 'objc', 'fsharp', 'fs', 'hcl', 'terraform', 'tf', 'd', 'v',
  'jsonnet', 'cue'];
const MARKUP = ['html', 'xml', 'svg', 'astro', 'vue', 'svelte', 'md', 'markdown', 'mdx', 'xhtml', 'jsx', 'tsx',
  'handlebars', 'hbs', 'njk', 'nunjucks', 'liquid', 'erb', 'ejs', 'aspx', 'razor', 'twig', 'php'];
const SQL = ['sql', 'mysql', 'postgresql', 'psql', 'plsql', 'tsql', 'sqlite', 'lua', 'haskell', 'hs', 'elm', 'ada'];
/** Languages whose code may hold JSX, where `>text<` is display text only next to a tag. */
const JSX = ['js', 'javascript', 'jsx', 'ts', 'typescript', 'tsx', 'mdx', 'astro', 'vue', 'svelte'];
/** Blocks that hold text rather than code: a whole line may be translated prose. */
const TEXT = ['', 'text', 'txt', 'plain', 'plaintext', 'output', 'log', 'none', 'console-output'];
const MARKDOWN = ['md', 'markdown', 'mdx', 'markdoc', 'mdoc'];
const YAML = ['yaml', 'yml'];
/** Configuration files: every value, quoted or not, is read by a program, so none is display text. */
const CONFIG = ['ini', 'env', 'dotenv', 'toml', 'properties'];
/** A block titled as a configuration file (```sh title=".env"), whatever its language. */
const CONFIG_TITLE = /\btitle=(["']?)[^"'\s]*\.(?:env(?:\.[\w-]+)?|ini|toml|properties)\1(?=\s|$)/;

interface CommentStyle {
  line: string[];
  block: Array<[string, string]>;
}

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
  if (lang === 'mermaid') style.line.push('%%');
  // PromQL comments are `#`, but documentation often annotates queries with `//`.
  if (lang === 'promql') style.line.push('//');
  if (['vb', 'vbnet', 'vba'].includes(lang)) style.line.push("'");
  if (['bat', 'cmd', 'batch'].includes(lang)) style.line.push('REM ', 'rem ', '::');
  return style;
}

/** The first word of an info string, lower case: `js title="x"` → `js`. */
export function langKey(lang: string): string {
  return lang.trim().toLowerCase().split(/[\s{|]/)[0] ?? '';
}

// Display texts are held out of the line by private-use markers while the rest is scanned.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const HELD = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

class Held {
  readonly texts: DisplayText[] = [];
  /** Replace `text` by a marker and remember it. */
  hold(text: string, kind: DisplayText['kind']): string {
    this.texts.push({ text, kind });
    return `${OPEN}${this.texts.length - 1}${CLOSE}`;
  }
}

/** State carried from one line to the next. */
interface ScanState {
  inBlock?: string;
  quote?: string;
  /** Inside the `---` front matter of an Astro, Markdown or MDX body. */
  frontMatter: boolean;
  /** Inside a fenced block nested in a Markdown body, or a `<script>`/`<style>` element. */
  nestedCode: boolean;
  /** The previous non-blank raw line. */
  previous: string;
  /** A line other than a comment was seen. */
  sawCode?: boolean;
  /** The previous line ended inside the text of an element (`<p>Some text`), so this one may go on with it. */
  textOpen?: boolean;
  /** Inside a tag opened on an earlier line and not yet closed (its attributes run over lines). */
  openTag?: boolean;
  /** The current line is a fence of a nested block: kept as it is, its backticks are no string. */
  fenceLine?: boolean;
  /** The language of a fenced block nested in a Markdown body, while inside it. */
  nestedLang?: string;
  /** Indentation of the key that opened a YAML block scalar (`key: |`), while its text lines run. */
  scalarIndent?: number;
  /** String literals are code (configuration files): kept in the line, never held as display text. */
  literalStrings?: boolean;
}

/** Reduce a code body to lines for comparison. With `strict`, comments and display text stay part of the code. */
export function codeLines(body: string, lang: string, strict: boolean, meta = ''): CodeLine[] {
  const raws = body.split(/\r?\n/);
  if (strict) {
    return raws
      .map((raw, index) => ({ line: index + 1, code: raw.trimEnd(), texts: [], shown: raw.trimEnd() }))
      .filter((line) => line.code.trim() !== '');
  }
  let key = langKey(lang);
  // A `diff` block (Expressive Code: ```diff lang="js") is code in another language behind a +/- column.
  const diff = key === 'diff';
  if (diff) key = langKey(/\blang=["']?([\w+#-]+)/.exec(meta)?.[1] ?? '') || 'diff';
  const style = commentStyle(key);
  const literalStrings = CONFIG.includes(key) || CONFIG_TITLE.test(meta);
  const state: ScanState = { frontMatter: false, nestedCode: false, previous: '', literalStrings };
  const out: CodeLine[] = [];
  raws.forEach((whole, index) => {
    const marker = diff && /^[-+ ]/.test(whole) ? whole[0]! : '';
    const raw = marker ? whole.slice(1) : whole;
    const held = new Held();
    const prepared = prepareLine(raw, key, state, held, index);
    // A fenced block inside a Markdown example has the comments of its own language.
    const lineStyle = state.nestedCode && state.nestedLang !== undefined ? commentStyle(state.nestedLang) : style;
    const scanned = state.fenceLine ? prepared : scanLine(prepared, lineStyle, state, held);
    state.fenceLine = false;
    const code = (marker === ' ' ? '' : marker) + scanned;
    if (raw.trim() !== '') {
      state.previous = raw;
      if (!/^\s*\/\//.test(raw)) state.sawCode = true;
    }
    const line = finishLine(code, held.texts, index + 1);
    if (line) out.push(line);
  });
  return out;
}

/** Language-specific extraction before the generic scan: markup text, diagram labels, prose lines, YAML values. */
function prepareLine(raw: string, key: string, state: ScanState, held: Held, index: number): string {
  let line = raw;
  const trimmed = line.trim();
  if (key === 'mermaid') return mermaidLabels(line, held);
  // Terminal sessions in some docs (FastAPI's termynal) write comments as `// …`.
  if ((key === 'console' || key === 'shellsession') && /^\s*\/\//.test(line)) return '';
  // A `// note` line in a shell or .env example is a comment written for people, never a command.
  if (HASH.includes(key) && /^\s*\/\/\s/.test(line)) return '';
  if (!MARKUP.includes(key) && !JSX.includes(key)) {
    // `<ID OF THE PR>`: a blank for the reader, worded for people.
    line = line.replace(/<(\p{L}[^<>=/]*\s[^<>=/]*)>/gu, (_, text: string) => `<${held.hold(text, 'label')}>`);
    // In a shell, `<database-name>` or `<filename>` is a blank too (a redirection has spaces around its `<`).
    if (HASH.includes(key) || TEXT.includes(key)) {
      line = line.replace(/<([a-z\p{L}][\p{L}\p{N}_-]*)>/gu, (whole, text: string) =>
        // Not `<ORG_ID>`: an upper-case name is a placeholder, compared as one.
        (/[-_]/.test(text) && /\p{Ll}/u.test(text)) || /^\p{Ll}+$/u.test(text) || /[^\p{ASCII}]/u.test(text) ? `<${held.hold(text, 'label')}>` : whole,
      );
    }
  }
  // A text line with a blank in it is compared around the blank; other text lines are held whole.
  if (TEXT.includes(key)) return isTextLine(trimmed) && !line.includes(OPEN) ? line.replace(/\S.*\S|\S/, (text) => held.hold(text, 'string')) : line;
  // Front matter opens on the first line, or after a comment naming the file (`// src/pages/index.astro`).
  const opening = index === 0 || state.previous === '' || (/^\s*\/\//.test(state.previous) && !state.sawCode);
  if ((key === 'astro' || MARKDOWN.includes(key)) && trimmed === '---' && (state.frontMatter || opening)) {
    state.frontMatter = !state.frontMatter;
    return line;
  }
  if (state.frontMatter) return MARKDOWN.includes(key) ? yamlValue(yamlComment(line), state, held) : line;
  if (YAML.includes(key)) return yamlValue(line, state, held);
  if (MARKDOWN.includes(key)) {
    const fence = /^(\s*(?:```|~~~)\s*)([\w+#-]*)(.*)$/.exec(line);
    if (fence) {
      const [, open, fenceLang = '', meta = ''] = fence;
      state.nestedCode = !state.nestedCode;
      const metaLang = fenceLang === 'diff' ? /\blang=["']?([\w+#-]+)/.exec(meta)?.[1] : undefined;
      state.nestedLang = state.nestedCode ? langKey(metaLang ?? fenceLang) : undefined;
      state.fenceLine = true;
      // The info string is kept, but its quoted values (a `title=`, a marked text) may be translated.
      return open + fenceLang + meta.replace(/(["'])(.*?)\1/g, (_, _quote: string, text: string) => `"${held.hold(text, 'string')}"`);
    }
    if (state.nestedCode || /^\s*(import|export)\s/.test(line)) return line;
    const inTag = state.openTag;
    state.openTag = inTag ? !/>|%\}/.test(line) : /<[A-Za-z][^<>]*$|\{%(?!.*%\})/.test(line);
    if (inTag) return line;
    if (/%\}[^{}]*\p{L}[^{}]*\{%/u.test(line)) return line.replace(/(%\})([^{}]*\p{L}[^{}]*)(?=\{%)/gu, (_, tag: string, text: string) => tag + held.hold(text, 'label'));
    if (!/^\s*[<{]/.test(line) && trimmed !== '') {
      // Markdown prose: keep the block markers, hold the text.
      return line.replace(/^(\s*(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)*)(.*)$/, (_, marks: string, text: string) =>
        text.trim() === '' ? marks : marks + held.hold(text, 'label'),
      );
    }
  }
  if (MARKUP.includes(key) || JSX.includes(key)) {
    if (/<(script|style)\b[^>]*>/i.test(line) && !/<\/(script|style)>/i.test(line)) state.nestedCode = true;
    else if (/<\/(script|style)>/i.test(line)) state.nestedCode = false;
    else if (state.nestedCode) return line;
    line = line.replace(/\{\/\*/g, '/*').replace(/\*\/\}/g, '*/');
    // A comment line keeps its text out of the markup scan: `// the <description> field`.
    if (state.inBlock === undefined && !/^\s*(\/\/|\/\*|\*)/.test(line)) line = markupText(line, key, state, held);
  }
  return line;
}

/** A line of a text block that reads as words rather than as a command or a table. */
function isTextLine(trimmed: string): boolean {
  return /\p{L}/u.test(trimmed) && !/^[|+]/.test(trimmed) && !/^[$>%#]\s/.test(trimmed);
}

const CODE_LIKE = /[;=]|&&|\|\||^\s*(const|let|var|return|import|export|if|for|while|function|class)\b.*[{}()[\]'"]|\)\s*$|[({[]\s*$/;
/** In a template language, text between tags is text unless it plainly holds an expression. */
const TEMPLATE_CODE = /=>|&&|\|\||;\s*$|[({[]\s*$/;

/** Hold the text between tags: `>text<`, and text lines between a tag and the next. */
function markupText(line: string, key: string, state: ScanState, held: Held): string {
  const jsx = JSX.includes(key) && !['astro', 'vue', 'svelte', 'mdx'].includes(key);
  const hasTag = /<\/?[A-Za-z][^<>]*>|<>|<\/>/.test(line);
  const codeLike = jsx ? CODE_LIKE : TEMPLATE_CODE;
  // Attributes of a tag written over several lines are no text. (Markdown bodies track this before their prose.)
  if (!MARKDOWN.includes(key)) {
    const inTag = state.openTag;
    state.openTag = inTag ? !/>|%\}/.test(line) : /<[A-Za-z][^<>]*$|\{%(?!.*%\})/.test(line);
    // The last attribute line of a tag may go on with the element's text: `data-action="submit"> Click me </button>`.
    if (inTag && (state.openTag || !/[^=\-\s]>[^<>]*\p{L}[^<>]*</u.test(line))) return line;
  }
  if (jsx && !hasTag && !/^\s*[^<>]+$/.test(line)) return line;
  let out = line.replace(/(^\s*>|[^=\-\s]>)([^<>]*[^\s<>][^<>]*)(?=<)/gu, (whole, tag: string, text: string) =>
    codeLike.test(text) ? whole : tag + held.hold(text, 'label'),
  );
  // Text after an opening tag at the end of the line: `<p>Content here`, continued on the next lines.
  const textOpen = state.textOpen;
  state.textOpen = false;
  out = out.replace(/(<[A-Za-z][\w.:-]*(?:\s[^<>]*)?>)([^<>\uE000\uE001]*\p{L}[^<>\uE000\uE001]*)$/u, (whole, tag: string, text: string) =>
    codeLike.test(text) || /[=-]>$/.test(tag) ? whole : ((state.textOpen = true), tag + held.hold(text, 'label')),
  );
  // A text line after a tag (the text of a multi-line element), or one that opens with text and then closes a tag.
  const previous = state.previous.trimEnd();
  const afterTag = textOpen || /(^|[^=\-])>$/.test(previous.trim()) || (!jsx && previous !== '' && !/[<>]/.test(previous));
  if (afterTag) {
    out = out.replace(/^(\s*)([^<>{/*\uE000\uE001][^<>\uE000\uE001]*?)(\s*)(<|$)/u, (whole, space: string, text: string, gap: string, end: string) =>
      codeLike.test(text) || !/\p{L}/u.test(text) ? whole : ((state.textOpen = end === '' && textOpen === true), space + held.hold(text, 'label') + gap + end),
    );
  }
  return out;
}

/** Mermaid: node labels, edge labels, message text, notes and participant aliases are display text. */
function mermaidLabels(line: string, held: Held): string {
  const label = (text: string) => (/\p{L}/u.test(text) ? held.hold(text, 'label') : text);
  let out = line.replace(/"([^"]*)"/g, (_, text: string) => `"${label(text)}"`);
  out = out.replace(/(\[\[?|\(\(?|\{\{?|>)([^[\](){}|]+)(\]\]?|\)\)?|\}\}?|\])/g, (whole, open: string, text: string, close: string) =>
    open === '>' && close !== ']' ? whole : /^"[\uE000]\d+\uE001"$/.test(text) ? whole : open + label(text) + close,
  );
  out = out.replace(/\|([^|]+)\|/g, (_, text: string) => `|${label(text)}|`);
  // Edge text written inside the arrow: `A -- Yes --> B`, `A -. maybe .-> B`, `A == sure ==> B`.
  out = out.replace(/(\s(?:--|-\.|==)\s+)([^\s>=.-][^>=]*?)(\s+(?:-->|\.->|==>|---|-\.-|===))/g, (_, open: string, text: string, close: string) =>
    open + label(text) + close,
  );
  // An alias is display text only; a translation may add one where the source has none.
  out = out.replace(/^(\s*(?:participant|actor)\s+\S+)\s+as\s+.+$/, '$1');
  out = out.replace(/^(\s*(?:Note\s+(?:over|left of|right of)\s+[^:]+|[\w-]+\s*[-=.x)>+]*[-=.]+[>x)]+[+-]?\s*[\w-]+)\s*:)(.+)$/, (_, head: string, text: string) =>
    head + label(text),
  );
  out = out.replace(/^(\s*(?:title:?|section|subgraph)\s+)([^[\]"\uE000]+)$/, (_, head: string, text: string) => head + label(text));
  out = out.replace(/^(\s*(?:loop|alt|else|opt|par|and|critical|break|rect)\s+)(.+)$/, (_, head: string, text: string) => head + label(text));
  return out;
}

/** Remove a YAML `#` comment (outside quotes, roughly: after the last quote). */
function yamlComment(line: string): string {
  const lastQuote = Math.max(line.lastIndexOf('"'), line.lastIndexOf("'"));
  const at = line.slice(lastQuote + 1).search(/(^|\s)#/);
  return at === -1 ? line : line.slice(0, lastQuote + 1 + at);
}

/**
 * YAML: an unquoted scalar value, an unquoted list item, or a line of a block scalar (`key: |`), held as a possible
 * display string.
 */
function yamlValue(line: string, state: ScanState, held: Held): string {
  const indent = line.search(/\S/);
  if (state.scalarIndent !== undefined) {
    if (indent === -1) return line;
    if (indent > state.scalarIndent) return line.replace(/\S.*$/, (text) => held.hold(text, 'label'));
    state.scalarIndent = undefined;
  }
  if (/:\s*[|>][+-]?\s*$/.test(line)) state.scalarIndent = indent;
  return line
    .replace(/^(\s*(?:-\s+)?[\w.$@/-]+(?::[\w.$@/-]+)*\s*:\s+)([^'"{[\s|>&*!#%@`][^#]*?)(\s+#.*)?$/, (_, head: string, value: string, comment = '') =>
      head + held.hold(value, 'string') + comment,
    )
    .replace(/^(\s*-\s+)([^'"{[\s|>&*!#%@`:][^:#]*?)(\s+#.*)?$/, (_, head: string, value: string, comment = '') =>
      head + held.hold(value, 'string') + comment,
    );
}

/** Remove comments and hold string literals; quote characters are unified so `'a'` and `"a"` compare equal. */
function scanLine(raw: string, style: CommentStyle, state: ScanState, held: Held): string {
  let line = '';
  let i = 0;
  let stringStart = state.quote ? 0 : -1;
  // Where the open quote sits in `line`, for a string opened on this line.
  let openedAt = -1;
  const closeString = (end: number) => {
    const content = raw.slice(stringStart, end);
    // A string already held whole (a diagram label in quotes) keeps its kind.
    line += content === '' || state.literalStrings || new RegExp(`^${OPEN}\\d+${CLOSE}$`).test(content) ? content : held.hold(content, 'string');
  };
  while (i < raw.length) {
    if (state.inBlock !== undefined) {
      const end = raw.indexOf(state.inBlock, i);
      if (end === -1) return line;
      i = end + state.inBlock.length;
      state.inBlock = undefined;
      continue;
    }
    const ch = raw[i]!;
    if (state.quote) {
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (ch === state.quote) {
        // A template literal without interpolation on one line is a plain string: `never` is "never".
        const plain = ch === '`' && openedAt >= 0 && !raw.slice(stringStart, i).includes('${');
        if (plain) line = `${line.slice(0, openedAt)}"${line.slice(openedAt + 1)}`;
        closeString(i);
        line += ch === '`' && !plain ? '`' : '"';
        state.quote = undefined;
      }
      i++;
      continue;
    }
    if (ch === OPEN) {
      const end = raw.indexOf(CLOSE, i);
      line += raw.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const block = style.block.find(([open]) => raw.startsWith(open, i));
    if (block) {
      state.inBlock = block[1];
      i += block[0].length;
      continue;
    }
    const comment = style.line.find((open) => raw.startsWith(open, i) && (i === 0 || /\s/.test(raw[i - 1]!) || (open !== '#' && open !== '--')));
    if (comment && !(comment === '//' && raw[i - 1] === ':')) break;
    if ((ch === '"' || ch === "'" || ch === '`') && !(ch === "'" && /[\p{L}\p{N}]/u.test(raw[i - 1] ?? ''))) {
      state.quote = ch;
      stringStart = i + 1;
      openedAt = line.length;
      line += ch === '`' ? '`' : '"';
      i++;
      continue;
    }
    line += ch;
    i++;
  }
  if (state.quote) {
    closeString(raw.length);
    // Only template literals and Python-style blocks run over lines; an unclosed quote ends with its line.
    if (state.quote !== '`') state.quote = undefined;
  }
  return line;
}

/** Put the held texts in order and build the shown line; undefined for a line left empty. */
function finishLine(code: string, held: DisplayText[], line: number): CodeLine | undefined {
  const texts: DisplayText[] = [];
  const reduced = code.replace(HELD, (_, index: string) => {
    const text = held[Number(index)]!;
    // A held text may itself hold texts (a string inside markup text): flatten it.
    const inner = text.text.replace(HELD, (__, k: string) => held[Number(k)]!.text);
    texts.push({ text: inner.trim(), kind: text.kind });
    return text.kind === 'label' ? '⟦⟧' : '⟨⟩';
  }).trimEnd();
  if (reduced.trim() === '' ) return undefined;
  let k = 0;
  const shown = reduced.replace(/⟨⟩|⟦⟧/g, () => texts[k++]!.text);
  return { line, code: reduced, texts, shown };
}

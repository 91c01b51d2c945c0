/** Shared data types: the summary extracted from one file, rules, findings. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A point in a file: 1-based line and column, 0-based offset into the decoded text (BOM removed). */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

/** A key of the front matter, with where it sits. */
export interface FrontMatterEntry {
  key: string;
  /** The parsed value (plain JSON-compatible data). */
  value: unknown;
  /** Span of the whole `key: value` entry. */
  span: Span;
  /** Span of the value alone, for fixes. */
  valueSpan: Span;
  /** A comment before the key says it belongs to the source only (`# DO NOT COPY … to non-en pages`). */
  sourceOnly?: true;
}

export interface FrontMatter {
  span: Span;
  /** Raw YAML between the fences. */
  raw: string;
  entries: FrontMatterEntry[];
  /** Set when the YAML does not parse, or is not a mapping. */
  error?: { message: string; span: Span };
}

export interface CodeBlock {
  lang: string;
  meta: string;
  body: string;
  fenced: boolean;
  span: Span;
  /** Span of the body alone (empty span at the body start when the body is empty). */
  bodySpan: Span;
  /** Span of the info string (lang and meta), fenced blocks only. */
  infoSpan?: Span;
  /** Start and end offsets of each body line in the file (line breaks excluded). */
  lineOffsets: Array<[number, number]>;
}

export interface TableCell {
  text: string;
  inlineCode: string[];
  span: Span;
}

export interface TableRow {
  cells: TableCell[];
  span: Span;
}

export interface Table {
  span: Span;
  columns: number;
  rows: TableRow[];
}

export interface Heading {
  depth: number;
  text: string;
  /** Explicit anchor written as `{#id}` or `{ #id }`. */
  anchor?: string;
  /** The id the heading gets on the rendered page: its explicit anchor, else its text slugged (see slug.ts). */
  id: string;
  /** Inline code inside the heading, which is not translated and so identifies it across locales. */
  code: string[];
  span: Span;
  /** Span of the explicit anchor's id, without the braces and `#`. */
  anchorSpan?: Span;
}

/** A paragraph-level container of inline content (paragraph, heading, table cell). */
export interface Block {
  kind: 'paragraph' | 'heading' | 'tableCell';
  span: Span;
  /** The block's plain text with its inline code left out (each span a space): tells a span written without backticks. */
  prose: string;
}

export interface InlineCode {
  value: string;
  span: Span;
  /** Index into `blocks`. */
  block: number;
  /** The text glued to the span before and after it, up to the nearest whitespace ('' when spaced). */
  before: string;
  after: string;
}

export interface Link {
  kind: 'link' | 'image' | 'definition';
  url: string;
  span: Span;
  /** Span of the URL inside the source text, when it can be told (for fixes). */
  urlSpan?: Span;
  /** Index into `blocks`, -1 for definitions. */
  block: number;
  /** The link text (links) or alt text (images). */
  text: string;
}

export interface Html {
  value: string;
  span: Span;
}

export interface Admonition {
  /** `hugo` is the Docsy `{{% alert %}}` shortcode, whose keyword is its `color` (empty when it has none). */
  style: 'gfm' | 'mkdocs' | 'docusaurus' | 'hugo';
  /** The keyword as written, e.g. `NOTE`, `tip`. */
  keyword: string;
  span: Span;
  keywordSpan: Span;
}

/** Adobe-style do-not-translate markers: `[!DNL Catalog]`, `[!UICONTROL Save]`. */
export interface Marker {
  kind: string;
  value: string;
  span: Span;
  block: number;
  /** The text right before the marker in its block. */
  before: string;
  /** The text right after the marker in its block. */
  after: string;
  /** True when the marker is the text of a link. */
  inLink: boolean;
}

export interface FileProblem {
  /** What went wrong, as a user-facing sentence. */
  message: string;
  /** Whether the file could still be linted (e.g. MDX fell back to Markdown). */
  fatal: boolean;
}

/** Everything a rule may look at in one file: plain, serialisable, positioned. */
export interface FileSummary {
  /** Path relative to the working directory, forward slashes. */
  file: string;
  locale: string;
  bom: boolean;
  eol: '\n' | '\r\n';
  frontMatter?: FrontMatter;
  codeBlocks: CodeBlock[];
  tables: Table[];
  headings: Heading[];
  blocks: Block[];
  inlineCode: InlineCode[];
  links: Link[];
  html: Html[];
  admonitions: Admonition[];
  markers: Marker[];
  /** Plain text of every paragraph-level block, in order; used by the do-not-translate term list. */
  text: string;
  problems: FileProblem[];
  /** Its `doc-drift-disable…` comments, when it has any. */
  directives?: FileDirectives;
  /** Only the front matter and directives were read (a page with no other copy): never to be compared with a copy. */
  partial?: boolean;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-file';

/** One inline suppression comment. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids it names; empty for every rule. */
  rules: string[];
  line: number;
  column: number;
}

/** A file's directives as plain data, kept in its summary (and the cache) so that no file is read twice for them. */
export interface FileDirectives {
  directives: Directive[];
  /** For each line that opens a fenced block, the line that closes it. */
  fenceEnds: Array<[number, number]>;
}

/** One byte-range replacement in offsets of the decoded text (see fix.ts for how it is applied). */
export interface Fix {
  range: [number, number];
  text: string;
}

/** What a rule reports; the core adds id, severity, locale and file. */
export interface Report {
  message: string;
  /** What the report is about, without values (e.g. "Header spacing in code block"); used to word peer findings. */
  subject?: string;
  /** Identity of the element within the translation, for grouping peer comparisons; defaults to rule, span and category. */
  key?: string;
  /** Where in the translation. */
  span: Span;
  /** Matching place in the reference, when there is one. */
  referenceSpan?: Span;
  /** A finer classification inside the rule, e.g. `placeholder-renamed`. */
  category?: string;
  /**
   * Short forms of the reference's and the translation's value. In a tree without a source locale the core groups
   * the locales that agree by these.
   */
  expected?: string;
  found?: string;
  fix?: Fix[];
}

export interface RuleContext {
  reference: FileSummary;
  translation: FileSummary;
  /** True when the reference is the source locale; false when copies are compared as peers. */
  hasSource: boolean;
  options: RuleOptions;
  report(report: Report): void;
}

/** Options rules read; all have defaults (see config.ts). */
export interface RuleOptions {
  /** Front matter keys that hold translation metadata: never required to match. */
  metadataKeys: string[];
  /** Front matter keys whose values must be identical in every copy. */
  identicalKeys: string[];
  /** Front matter keys naming the source revision a copy was translated from. */
  revisionKeys: string[];
  /** Compare code comments and display strings too. */
  strictCode: boolean;
  /** Text inside `{{…}}` placeholders may be translated (tldr). */
  translatablePlaceholders: boolean;
  /** Report inline code that is a plain word (`raise`, `dict`) when the translation drops or translates it. */
  strictInlineCode: boolean;
  /** Terms that must appear untranslated wherever the reference has them. */
  doNotTranslate: string[];
  /** Locales whose script uses no spaces between words. */
  noSpaceLocales: string[];
  /** Extra link localization rules: regex source strings with a `{locale}` token, stripped before comparing. */
  linkLocalePatterns: string[];
}

/** One copy of a page as page-level rules see it. */
export interface PageCopy {
  locale: string;
  file: string;
  summary?: FileSummary;
  /** Why the file could not be read, when it could not. */
  unreadable?: string;
}

export interface PageContext {
  page: string;
  copies: PageCopy[];
  /** The source locale, when there is one. */
  source?: string;
  /** Every locale of the tree. */
  locales: string[];
  options: RuleOptions;
  /** Expected path of a locale's copy, for messages. */
  expectedPath(locale: string): string | undefined;
  report(copy: { locale: string; file: string }, report: Omit<Report, 'span'> & { span?: Span }): void;
}

export interface Rule {
  /** kebab-case, names what is checked. */
  id: string;
  description: string;
  fixable: boolean;
  defaultSeverity: Severity;
  /** Compare one translation with its reference and report what differs. */
  compare?(context: RuleContext): void;
  /** Look at all copies of a page at once (missing copies, unreadable files). */
  checkPage?(context: PageContext): void;
}

export interface ReferenceLocation {
  locale: string;
  file: string;
  line: number;
}

/** A group of locales that agree on an element, when there is no source locale. */
export interface AgreementGroup {
  locales: string[];
  value?: string;
  /** Source revisions those copies were translated from, by locale. */
  revisions: Record<string, string>;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  locale: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  category?: string;
  reference?: ReferenceLocation;
  groups?: AgreementGroup[];
  fingerprint: string;
  fixable?: boolean;
  /** Fixes in offsets of the decoded text of `file`; not part of the JSON output. */
  fix?: Fix[];
  /** Stable key of the page group. */
  page: string;
}

export interface PageFile {
  locale: string;
  /** Absolute path. */
  path: string;
  /** Path relative to the working directory, forward slashes. */
  file: string;
}

/** All locale copies of one page. */
export interface PageGroup {
  /** The page's path with the locale taken out, e.g. `help/catalog/api/create-batch`. */
  id: string;
  files: PageFile[];
}

export interface LintSummary {
  pages: number;
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface LintResult {
  version: 1;
  summary: LintSummary;
  findings: Finding[];
  /** How the tree was read: layout, source locale, locales. */
  layout: LayoutInfo;
  /** Every file linted, relative to the working directory (not part of the JSON output). */
  files?: string[];
  /**
   * The inline directives of the linted files that have any, by file, as they were when linted (not part of the JSON
   * output); applyInlineConfig trusts them for the files of `files` only.
   */
  directives?: Record<string, FileDirectives>;
}

export interface LayoutInfo {
  /** Name of the detected or configured layout. */
  name: string;
  /** The linted directory, relative to the working directory (`.` for itself). */
  root?: string;
  patterns: string[];
  source?: string;
  locales: string[];
}

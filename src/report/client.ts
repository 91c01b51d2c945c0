/// <reference lib="dom" />
/**
 * The report's script, run in the browser. It is type-checked here and embedded as source text
 * (`reportClient.toString()`), so it must stay self-contained: no imports, no references to anything outside itself.
 */

/** Render the report from the JSON embedded in the page; re-render on filter changes and on navigation. */
export function reportClient(): void {
  type Severity = 'error' | 'warning' | 'info';
  type Part = [number, string];
  interface Row { a?: [number, Part[]]; b?: [number, Part[]] }
  interface Finding {
    ruleId: string; severity: Severity; locale: string; file: string; page: string; line: number; endLine: number; column: number;
    message: string; category?: string; reference?: { locale: string; file: string; line: number };
    groups?: Array<{ locales: string[]; value?: string; revisions: Record<string, string> }>;
    diff: number;
  }
  interface Counts { errors: number; warnings: number; infos: number; total: number }
  interface Data {
    title: string; excerpts: boolean; unreadable: Record<string, string>;
    texts: Record<string, { lineCount: number; slices: Array<{ start: number; lines: string[] }> }>;
    diffs: Array<Array<Row | null>>; strings: string[];
    findings: Array<[number, number, number, number, number, number, number, number, string, number, [number, number, number] | 0, Finding['groups'] | 0, number]>;
    model: {
      summary: { pages: number; files: number; errors: number; warnings: number; infos: number };
      layout: { name: string; source?: string; locales: string[] };
      locales: string[]; cleanPages: number;
      rules: Array<{ ruleId: string; description: string; docs: string }>;
    };
  }
  interface Bucket extends Counts { worst?: Severity; pages?: Set<string> }

  const data = JSON.parse(document.getElementById('report-data')!.textContent!) as Data;
  const model = data.model;
  const str = data.strings;
  // Unpack the findings (see pack() in html.ts).
  const findings: Finding[] = data.findings.map(([rule, severity, locale, file, page, line, column, endLine, message, category, reference, groups, diff]) => ({
    ruleId: str[rule]!, severity: str[severity] as Severity, locale: str[locale]!, file: str[file]!, page: str[page]!, line, column, endLine, message,
    category: category < 0 ? undefined : str[category], reference: reference ? { locale: str[reference[0]]!, file: str[reference[1]]!, line: reference[2] } : undefined,
    groups: groups || undefined, diff,
  }));
  const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
  const docs: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  for (const rule of model.rules) {
    docs[rule.ruleId] = rule.docs;
    descriptions[rule.ruleId] = rule.description;
  }
  const state = {
    locale: '', rule: '', severity: '', search: '',
    sort: { matrix: ['worst', -1], rules: ['total', -1], locales: ['total', -1] } as Record<string, [string, number]>,
    limit: 200,
  };
  const root = document.getElementById('app')!;

  // ---- DOM helpers -------------------------------------------------------------------------------------------
  type Child = Node | string | number | null | undefined | false;
  function h(tag: string, attrs: Record<string, string | number | boolean | ((event: Event) => void) | undefined> = {}, ...children: Child[]): HTMLElement {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === false) continue;
      if (typeof value === 'function') node.addEventListener(key.slice(2), value);
      else if (key === 'class') node.className = String(value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
    return node;
  }
  const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
  const pageHref = (page: string, locale?: string) => `#page=${encodeURIComponent(page)}${locale ? `&locale=${encodeURIComponent(locale)}` : ''}`;
  const ruleLink = (ruleId: string) => h('a', { href: docs[ruleId] ?? `docs/rules/${ruleId}.md`, class: 'rule', title: descriptions[ruleId] ?? '', target: '_blank', rel: 'noopener' }, ruleId);
  const badge = (severity: Severity) => h('span', { class: `badge ${severity}` }, severity);

  // ---- filtering and counting --------------------------------------------------------------------------------
  function matches(finding: Finding, ignoreSearch = false): boolean {
    if (state.locale && finding.locale !== state.locale) return false;
    if (state.rule && finding.ruleId !== state.rule) return false;
    if (state.severity && finding.severity !== state.severity) return false;
    if (state.search && !ignoreSearch) {
      const needle = state.search.toLowerCase();
      if (!finding.page.toLowerCase().includes(needle) && !finding.file.toLowerCase().includes(needle)) return false;
    }
    return true;
  }
  /** Counts by severity; `pages` is only kept where a table shows it. */
  function bucket(withPages = true): Bucket {
    return { errors: 0, warnings: 0, infos: 0, total: 0, pages: withPages ? new Set() : undefined };
  }
  function add(target: Bucket, finding: Finding): void {
    if (finding.severity === 'error') target.errors++;
    else if (finding.severity === 'warning') target.warnings++;
    else target.infos++;
    target.total++;
    target.pages?.add(finding.page);
    if (!target.worst || rank[finding.severity] > rank[target.worst]) target.worst = finding.severity;
  }
  function sortRows<T>(rows: T[], table: string, value: (row: T, key: string) => string | number): T[] {
    const [key, dir] = state.sort[table]!;
    return rows.sort((a, b) => {
      const x = value(a, key);
      const y = value(b, key);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order * dir || String(value(a, 'name')).localeCompare(String(value(b, 'name')));
    });
  }
  function header(table: string, key: string, label: string, extra: Record<string, string> = {}): HTMLElement {
    const [current, dir] = state.sort[table]!;
    const arrow = current === key ? (dir > 0 ? ' ▲' : ' ▼') : '';
    return h('th', {
      ...extra, class: `sortable ${extra.class ?? ''}`, 'data-sort': key, 'aria-sort': current === key ? (dir > 0 ? 'ascending' : 'descending') : 'none',
      onclick: () => {
        state.sort[table] = [key, current === key ? -dir : key === 'name' || key === 'page' ? 1 : -1];
        render();
      },
    }, label + arrow);
  }

  // ---- filters -----------------------------------------------------------------------------------------------
  function select(name: string, label: string, options: Array<[string, string]>, value: string): HTMLElement {
    return h('label', {}, label, ' ', h('select', {
      id: `filter-${name}`,
      onchange: (event) => {
        (state as unknown as Record<string, string>)[name] = (event.target as HTMLSelectElement).value;
        state.limit = 200;
        render();
      },
    }, ...options.map(([optionValue, text]) => h('option', { value: optionValue, selected: optionValue === value }, text))));
  }
  let searchTimer: number | undefined;
  function filters(withSearch = true): HTMLElement {
    const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
    return h('form', { class: 'filters', onsubmit: (event) => event.preventDefault() },
      select('locale', 'Locale', [['', 'all locales'], ...model.locales.map((l): [string, string] => [l, l])], state.locale),
      select('rule', 'Rule', [['', 'all rules'], ...ruleIds.map((r): [string, string] => [r, r])], state.rule),
      select('severity', 'Severity', [['', 'all severities'], ['error', 'error'], ['warning', 'warning'], ['info', 'info']], state.severity),
      withSearch && h('label', {}, 'Path ', h('input', {
        id: 'filter-search', type: 'search', placeholder: 'filter pages by path', value: state.search,
        oninput: (event) => {
          window.clearTimeout(searchTimer);
          const value = (event.target as HTMLInputElement).value;
          searchTimer = window.setTimeout(() => {
            state.search = value.trim();
            state.limit = 200;
            render();
            const input = document.getElementById('filter-search') as HTMLInputElement;
            input.focus();
            input.setSelectionRange(input.value.length, input.value.length);
          }, 150);
        },
      })),
      (state.locale || state.rule || state.severity || state.search) && h('button', {
        type: 'button', id: 'filter-clear',
        onclick: () => {
          state.locale = state.rule = state.severity = state.search = '';
          render();
        },
      }, 'Clear filters'),
    );
  }

  // ---- overview ----------------------------------------------------------------------------------------------
  const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  /** The matrix rows as one HTML string: thousands of cells render several times faster than node by node. */
  function matrixBody(rows: Array<[string, { all: Bucket; cells: Map<string, Bucket> }]>, locales: string[]): HTMLElement {
    const html: string[] = [];
    for (const [page, row] of rows) {
      const name = escapeHtml(page);
      html.push(`<tr data-page="${name}"><th class="page-col" scope="row"><a href="${escapeHtml(pageHref(page))}">${name}</a></th>`,
        `<td class="total ${row.all.worst}" data-count="${row.all.total}">${row.all.total}</td>`);
      for (const locale of locales) {
        const cell = row.cells.get(locale);
        const code = escapeHtml(locale);
        if (!cell) html.push(`<td class="cell clean" data-locale="${code}" title="${code}: no finding"></td>`);
        else html.push(`<td class="cell ${cell.worst}" data-locale="${code}" data-count="${cell.total}" title="${code}: ${plural(cell.errors, 'error')}, ${plural(cell.warnings, 'warning')}, ${cell.infos} info"><a href="${escapeHtml(pageHref(page, locale))}">${cell.total}</a></td>`);
      }
      html.push('</tr>');
    }
    const body = h('tbody');
    body.innerHTML = html.join('');
    return body;
  }
  interface Tally { shown: number; total: Bucket; pages: Map<string, { all: Bucket; cells: Map<string, Bucket> }>; byRule: Map<string, Bucket>; byLocale: Map<string, Bucket> }
  let lastTally: { key: string; tally: Tally } | undefined;
  /** Count the findings that pass the filters; kept until the filters change (sorting and navigation reuse it). */
  function tally(): Tally {
    const key = JSON.stringify([state.locale, state.rule, state.severity, state.search]);
    if (lastTally?.key === key) return lastTally.tally;
    const result: Tally = { shown: 0, total: bucket(), pages: new Map(), byRule: new Map(), byLocale: new Map() };
    for (const finding of findings) {
      if (!matches(finding)) continue;
      result.shown++;
      add(result.total, finding);
      let row = result.pages.get(finding.page);
      if (!row) result.pages.set(finding.page, (row = { all: bucket(false), cells: new Map() }));
      add(row.all, finding);
      let cell = row.cells.get(finding.locale);
      if (!cell) row.cells.set(finding.locale, (cell = bucket(false)));
      add(cell, finding);
      for (const [map, name] of [[result.byRule, finding.ruleId], [result.byLocale, finding.locale]] as const) {
        let entry = map.get(name);
        if (!entry) map.set(name, (entry = bucket()));
        add(entry, finding);
      }
    }
    lastTally = { key, tally: result };
    return result;
  }
  function overview(): HTMLElement {
    const { shown, total, pages, byRule, byLocale } = tally();
    const locales = state.locale ? [state.locale] : model.locales;
    const counts = (b: Bucket, key: string) => key === 'worst' ? (b.worst ? rank[b.worst] * 1e9 + b.total : 0) : key === 'errors' ? b.errors : key === 'warnings' ? b.warnings : key === 'infos' ? b.infos : key === 'pages' ? (b.pages?.size ?? 0) : b.total;

    const rows = sortRows([...pages.entries()], 'matrix', ([page, row], key) =>
      key === 'page' || key === 'name' ? page : key.startsWith('locale:') ? counts(row.cells.get(key.slice(7)) ?? bucket(), 'worst') : counts(row.all, key));
    const matrix = h('table', { class: 'matrix', id: 'matrix' },
      h('thead', {}, h('tr', {},
        header('matrix', 'page', 'Page', { class: 'page-col' }),
        header('matrix', 'worst', 'Findings'),
        ...locales.map((locale) => header('matrix', `locale:${locale}`, locale, { class: `locale-col${locale === model.layout.source ? ' source' : ''}`, title: locale === model.layout.source ? 'source locale' : locale })))),
      matrixBody(rows.slice(0, state.limit), locales));
    const more = rows.length > state.limit && h('p', {}, `Showing ${state.limit.toLocaleString('en')} of ${plural(rows.length, 'page')}. `,
      h('button', { type: 'button', id: 'show-all', onclick: () => { state.limit = Infinity; render(); } }, `Show all ${rows.length.toLocaleString('en')}`));

    const countCells = (b: Bucket) => [
      h('td', { class: 'num', 'data-col': 'errors' }, b.errors), h('td', { class: 'num', 'data-col': 'warnings' }, b.warnings),
      h('td', { class: 'num', 'data-col': 'infos' }, b.infos), h('td', { class: 'num', 'data-col': 'total' }, b.total), h('td', { class: 'num', 'data-col': 'pages' }, b.pages?.size ?? 0)];
    const countHeaders = (table: string) => [header(table, 'errors', 'Errors'), header(table, 'warnings', 'Warnings'), header(table, 'infos', 'Info'), header(table, 'total', 'Total'), header(table, 'pages', 'Pages')];
    const ruleTable = h('table', { class: 'counts', id: 'rule-counts' },
      h('thead', {}, h('tr', {}, header('rules', 'name', 'Rule'), ...countHeaders('rules'))),
      h('tbody', {}, ...sortRows([...byRule.entries()], 'rules', ([id, b], key) => key === 'name' ? id : counts(b, key)).map(([id, b]) =>
        h('tr', { 'data-rule': id }, h('th', { scope: 'row' }, ruleLink(id), ' ', h('button', { type: 'button', class: 'link', title: `Only ${id}`, onclick: () => { state.rule = id; render(); } }, 'filter')), ...countCells(b)))),
      h('tfoot', {}, h('tr', {}, h('th', {}, 'Total'), ...countCells(total))));
    const localeTable = h('table', { class: 'counts', id: 'locale-counts' },
      h('thead', {}, h('tr', {}, header('locales', 'name', 'Locale'), ...countHeaders('locales'))),
      h('tbody', {}, ...sortRows([...byLocale.entries()], 'locales', ([id, b], key) => key === 'name' ? id : counts(b, key)).map(([id, b]) =>
        h('tr', { 'data-locale': id }, h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', title: `Only ${id}`, onclick: () => { state.locale = id; render(); } }, id)), ...countCells(b)))),
      h('tfoot', {}, h('tr', {}, h('th', {}, 'Total'), ...countCells(total))));

    return h('main', {},
      filters(),
      h('p', { class: 'status', id: 'status' }, shown === findings.length
        ? `${plural(shown, 'finding')} on ${plural(pages.size, 'page')}; ${plural(model.cleanPages, 'page')} without drift.`
        : `Showing ${plural(shown, 'finding')} of ${findings.length.toLocaleString('en')}, on ${plural(pages.size, 'page')}.`),
      h('h2', {}, 'Pages × locales'),
      h('p', { class: 'legend' }, 'Each cell is coloured by the worst finding of that locale copy: ', badge('error'), ' ', badge('warning'), ' ', badge('info'), ' ',
        h('span', { class: 'badge clean' }, 'no finding'), '. Click a page or a cell to see the copies side by side.'),
      rows.length === 0 ? h('p', { id: 'empty' }, findings.length === 0 ? 'No drift: every locale copy agrees with its reference.' : 'No finding matches these filters.') : h('div', { class: 'scroll' }, matrix),
      more,
      h('section', { class: 'tables' },
        h('div', {}, h('h2', {}, 'By rule'), ruleTable),
        h('div', {}, h('h2', {}, 'By locale'), localeTable)));
  }

  // ---- page view ---------------------------------------------------------------------------------------------
  function lineOf(file: string, line: number): string | undefined {
    const text = data.texts[file];
    if (!text) return undefined;
    for (const slice of text.slices) if (line >= slice.start && line < slice.start + slice.lines.length) return slice.lines[line - slice.start];
    return undefined;
  }
  function excerpt(file: string, from: number, to: number, locale: string, title: string): HTMLElement {
    const context = 3;
    const body = h('tbody');
    for (let line = Math.max(1, from - context); line <= to + context; line++) {
      const text = lineOf(file, line);
      if (text === undefined) continue;
      body.append(h('tr', { class: line >= from && line <= to ? 'hit' : '' }, h('td', { class: 'ln' }, line), h('td', { class: 'code' }, text)));
    }
    const why = data.unreadable[file];
    return h('div', { class: 'side' }, h('div', { class: 'side-title' }, h('strong', {}, locale), ' ', title),
      why ? h('p', { class: 'note' }, `${file} ${why}`) : h('table', { class: 'lines' }, body));
  }
  function diffTable(rows: Array<Row | null>, finding: Finding): HTMLElement {
    const side = (cell: [number, Part[]] | undefined, kind: 'del' | 'ins') => cell
      ? [h('td', { class: 'ln' }, cell[0]), h('td', { class: `code ${cell[1].some((p) => p[0] !== 0) ? kind : ''}` }, ...cell[1].map(([op, text]) => op === 0 ? text : h(kind, {}, text)))]
      : [h('td', { class: 'ln' }), h('td', { class: 'code empty' })];
    return h('table', { class: 'diff' },
      h('colgroup', {}, h('col', { class: 'ln' }), h('col'), h('col', { class: 'ln' }), h('col')),
      h('thead', {}, h('tr', {}, h('th', { colspan: 2 }, `${finding.reference!.locale} (reference)`), h('th', { colspan: 2 }, finding.locale))),
      h('tbody', {}, ...rows.map((row) => row === null
        ? h('tr', { class: 'skip' }, h('td', { colspan: 4 }, '⋯'))
        : h('tr', { class: row.b && row.b[0] >= finding.line && row.b[0] <= finding.endLine ? 'at' : '' }, ...side(row.a, 'del'), ...side(row.b, 'ins')))));
  }
  function groupsTable(finding: Finding): HTMLElement {
    return h('table', { class: 'groups' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Value'), h('th', {}, 'Locales that agree'), h('th', {}, 'Translated from source revision'))),
      h('tbody', {}, ...finding.groups!.map((group) => h('tr', { class: group.locales.includes(finding.locale) ? 'own' : '' },
        h('td', {}, h('code', {}, group.value ?? '')), h('td', {}, group.locales.join(', ')),
        h('td', {}, ...group.locales.map((locale) => group.revisions[locale] ? h('span', { class: 'rev', title: group.revisions[locale] }, `${locale} ${group.revisions[locale]!.slice(0, 7)}`) : null))))));
  }
  /** Backticked values of a message as code elements. */
  function withCode(message: string): Child[] {
    return message.split(/(`[^`]+`)/).map((part, index) => index % 2 === 1 ? h('code', {}, part.slice(1, -1)) : part);
  }
  /** The diff of a finding; when the previous card showed the same code block, it stays folded until asked for. */
  function diffView(rows: Array<Row | null>, finding: Finding, repeated: boolean): HTMLElement {
    if (!repeated) return diffTable(rows, finding);
    const details = h('details', { class: 'same-block' }, h('summary', {}, 'Same code block as the finding above: show the diff'));
    details.addEventListener('toggle', () => {
      if (details.childElementCount === 1) details.append(diffTable(rows, finding));
    }, { once: true });
    return details;
  }
  function card(finding: Finding, index: number, previous?: Finding): HTMLElement {
    const diff = finding.diff >= 0 ? data.diffs[finding.diff] : undefined;
    const span = Math.min(finding.endLine - finding.line, 40);
    const ref = finding.reference;
    return h('article', { class: `finding ${finding.severity}`, id: `f${index}`, 'data-rule': finding.ruleId, 'data-locale': finding.locale },
      h('header', {}, badge(finding.severity), ' ', ruleLink(finding.ruleId), finding.category ? h('span', { class: 'category' }, finding.category) : null,
        ' ', h('strong', {}, finding.locale), ' ', h('span', { class: 'where' }, `${finding.file}:${finding.line}:${finding.column}`)),
      h('p', { class: 'message' }, ...withCode(finding.message)),
      finding.groups && groupsTable(finding),
      diff ? diffView(diff, finding, previous?.diff === finding.diff) : h('div', { class: 'pair' },
        ref ? excerpt(ref.file, ref.line, ref.line + span, ref.locale, `${ref.file}:${ref.line} (reference)`) : null,
        excerpt(finding.file, finding.line, finding.line + span, finding.locale, `${finding.file}:${finding.line}`)));
  }
  function copies(pageFindings: Finding[]): HTMLElement {
    const files = new Map<string, string>();
    for (const f of pageFindings) if (f.reference) files.set(f.reference.file, f.reference.locale);
    for (const f of pageFindings) files.set(f.file, f.locale);
    const hits = new Map<string, Map<number, Finding[]>>();
    for (const f of pageFindings) {
      let byLine = hits.get(f.file);
      if (!byLine) hits.set(f.file, (byLine = new Map()));
      for (let line = f.line; line <= Math.min(f.endLine, f.line + 40); line++) byLine.set(line, [...(byLine.get(line) ?? []), f]);
    }
    const columns = h('div', { class: 'copies' });
    const details = h('details', { id: 'copies' }, h('summary', {}, `The copies side by side (${files.size} files${data.excerpts ? ', excerpts around findings' : ''})`), columns);
    details.addEventListener('toggle', () => {
      if (columns.childElementCount > 0) return;
      for (const [file, locale] of files) {
        const text = data.texts[file];
        const body = h('tbody');
        for (const slice of text?.slices ?? []) {
          if (slice.start > 1 || body.childElementCount > 0) body.append(h('tr', { class: 'skip' }, h('td', { colspan: 2 }, '⋯')));
          slice.lines.forEach((line, offset) => {
            const found = hits.get(file)?.get(slice.start + offset);
            body.append(h('tr', { class: found ? `hit ${found.reduce((w, f) => rank[f.severity] > rank[w] ? f.severity : w, 'info' as Severity)}` : '', title: found ? found.map((f) => f.message).join('\n') : undefined },
              h('td', { class: 'ln' }, slice.start + offset), h('td', { class: 'code' }, line)));
          });
        }
        columns.append(h('div', { class: 'copy' }, h('div', { class: 'side-title' }, h('strong', {}, locale), ' ', file),
          text ? h('table', { class: 'lines' }, body) : h('p', { class: 'note' }, `${file} ${data.unreadable[file] ?? 'has no text in this report'}`)));
      }
    });
    return details;
  }
  function pageView(page: string): HTMLElement {
    const all = findings.map((f, i) => [f, i] as const).filter(([f]) => f.page === page);
    // The path filter chose the page; inside it, every finding that passes the other filters is shown.
    const shown = all.filter(([f]) => matches(f, true));
    const byLocale = new Map<string, Array<readonly [Finding, number]>>();
    for (const entry of shown) {
      const list = byLocale.get(entry[0].locale);
      if (list) list.push(entry);
      else byLocale.set(entry[0].locale, [entry]);
    }
    return h('main', { class: 'page-view' },
      h('p', {}, h('a', { href: '#', id: 'back' }, '← All pages')),
      h('h2', { id: 'page-title' }, page),
      filters(false),
      h('p', { class: 'status', id: 'status' }, shown.length === all.length ? `${plural(all.length, 'finding')} on this page.` : `Showing ${plural(shown.length, 'finding')} of ${all.length} on this page.`),
      copies(all.map(([f]) => f)),
      ...[...byLocale.entries()].map(([loc, entries]) => {
        // Big pages have hundreds of findings per locale: the first ones show at once, the rest on request.
        const section = h('section', { class: 'locale-group', 'data-locale': loc }, h('h3', {}, `${loc}: ${plural(entries.length, 'finding')}`), ...entries.slice(0, 50).map(([f, i], n) => card(f, i, entries[n - 1]?.[0])));
        if (entries.length > 50) {
          const more = h('button', { type: 'button', class: 'more', onclick: () => more.replaceWith(...entries.slice(50).map(([f, i], n) => card(f, i, entries[n + 49]?.[0]))) }, `Show ${entries.length - 50} more ${loc} findings`);
          section.append(more);
        }
        return section;
      }));
  }

  // ---- routing -----------------------------------------------------------------------------------------------
  function render(): void {
    const page = new URLSearchParams(location.hash.slice(1)).get('page');
    root.replaceChildren(page !== null ? pageView(page) : overview());
  }
  /** A link to a matrix cell carries its locale: it becomes the locale filter. */
  function navigate(): void {
    const locale = new URLSearchParams(location.hash.slice(1)).get('locale');
    if (locale) state.locale = locale;
    render();
  }
  window.addEventListener('hashchange', () => {
    navigate();
    window.scrollTo(0, 0);
  });
  navigate();
  performance.mark('doc-drift-rendered');
}

/** Link targets written as raw HTML in Markdown (`<a href>`, Docusaurus `<Link href>`, `<img src>`). */

/** One target found in a piece of HTML: where its value starts inside that HTML, and what kind of link it is. */
export interface HtmlLinkTarget {
  kind: 'link' | 'image';
  url: string;
  /** Offset of the value (inside the quotes) from the start of the HTML. */
  index: number;
  /** The tag's `alt` or `title`, when it has one. */
  text: string;
}

const COMMENT = /<!--[\s\S]*?-->/g;
// An opening tag: its name, then attributes up to `>`; quoted values may hold `>`.
const TAG = /<([A-Za-z][\w.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * The `href` and `src` targets of the opening tags in `html`, and `to` on `<Link>` (React Router, Docusaurus).
 * Comments are skipped: a commented-out link is not on the page.
 */
export function htmlLinkTargets(html: string): HtmlLinkTarget[] {
  const visible = html.replace(COMMENT, (comment) => ' '.repeat(comment.length));
  const targets: HtmlLinkTarget[] = [];
  for (const tag of visible.matchAll(TAG)) {
    const name = tag[1]!;
    const attributes = tag[2]!;
    const attributesStart = tag.index + 1 + name.length;
    let text = '';
    const found: Array<Omit<HtmlLinkTarget, 'text'>> = [];
    for (const attribute of attributes.matchAll(ATTRIBUTE)) {
      const key = attribute[1]!.toLowerCase();
      const value = attribute[2] ?? attribute[3] ?? attribute[4];
      if (value === undefined) continue;
      if ((key === 'alt' || key === 'title') && !text) text = value;
      const isTarget = key === 'href' || key === 'src' || (key === 'to' && /^(?:Nav)?Link$/.test(name));
      if (!isTarget) continue;
      const valueAt = attribute.index + attribute[0].length - value.length - (attribute[4] === undefined ? 1 : 0);
      const lead = value.length - value.trimStart().length;
      found.push({ kind: key === 'src' ? 'image' : 'link', url: value.trim(), index: attributesStart + valueAt + lead });
    }
    for (const target of found) targets.push({ ...target, text });
  }
  return targets;
}

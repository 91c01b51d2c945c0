/** Heading ids as Hugo (goldmark `github` ids), GitHub, Docusaurus and Astro generate them from the heading text. */

// Letters, combining marks, digits and connector punctuation (`_`) stay; spaces and hyphens become hyphens; the rest goes.
const DROPPED = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

/** The id a heading with this text gets when it has no explicit `{#id}`. */
export function slug(text: string): string {
  return text.trim().toLowerCase().replace(DROPPED, '').replace(/ /g, '-');
}

/** Ids of a page's headings in order: explicit anchors as written, the others slugged, repeats suffixed `-1`, `-2`. */
export function headingIds(headings: ReadonlyArray<{ text: string; anchor?: string }>): string[] {
  const seen = new Map<string, number>();
  return headings.map(({ text, anchor }) => {
    if (anchor !== undefined) {
      seen.set(anchor, seen.get(anchor) ?? 0);
      return anchor;
    }
    const base = slug(text);
    const count = seen.get(base);
    seen.set(base, (count ?? -1) + 1);
    return count === undefined ? base : `${base}-${count + 1}`;
  });
}

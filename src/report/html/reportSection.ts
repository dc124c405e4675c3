import { type HtmlValue, html, type SafeHtml } from "./html.js";

/** What a section of the page holds. */
export interface SectionContent {
  /** The `id` of the section, for links (`#pareto`). */
  readonly id: string;
  readonly title: string;
  /** One or two sentences on what the section shows and how it was computed; default none. */
  readonly intro?: string;
  readonly body: HtmlValue;
  /** A long section (a table) may break across printed pages; others are kept whole. */
  readonly long?: boolean;
}

/**
 * A section of the page: a heading, a short introduction and the section's chart or table.
 *
 * @example
 * ```ts
 * import { html } from "./html.js";
 * reportSection({ id: "aging", title: "Stock by age", body: html`<p>…</p>` }).markup;
 * // '<section id="aging"><h2>Stock by age</h2><p>…</p></section>'
 * ```
 */
export function reportSection(content: SectionContent): SafeHtml {
  const intro = content.intro === undefined ? null : html`<p class="intro">${content.intro}</p>`;
  const long = content.long === true ? html` class="long"` : null;
  return html`<section id="${content.id}"${long}><h2>${content.title}</h2>${intro}${content.body}</section>`;
}

/**
 * A note in place of a chart that has no data, saying why and what would give it data.
 *
 * @example
 * ```ts
 * sectionNote("No month grouping in this report.").markup; // '<p class="note">No month ...</p>'
 * ```
 */
export function sectionNote(text: string): SafeHtml {
  return html`<p class="note">${text}</p>`;
}

import { escapeHtml } from "./escapeHtml.js";

/**
 * Markup that is already safe: built by the {@link html} template, so every piece of text in it
 * was escaped. Only markup of this type is inserted into a page unescaped.
 */
export class SafeHtml {
  readonly markup: string;

  constructor(markup: string) {
    this.markup = markup;
  }

  toString(): string {
    return this.markup;
  }
}

/**
 * What a {@link html} template accepts between its `${}`: markup, text (escaped), a number (written
 * with at most two decimals; a non-finite number is a bug and throws), nothing (`null`,
 * `undefined`, `false`: left out, for conditional pieces) or a list of these.
 */
export type HtmlValue =
  | SafeHtml
  | string
  | number
  | null
  | undefined
  | false
  | readonly HtmlValue[];

/**
 * The one way page markup is written: a tagged template whose text values are escaped with
 * {@link escapeHtml}, so that no text from the data can become markup by mistake. The literal
 * parts are the template's own markup. Numbers are written rounded to two decimals (SVG
 * coordinates); anything that should be formatted for people is formatted before.
 *
 * @throws RangeError for a number that is `NaN` or infinite: a chart must never write `NaN`
 *   into an SVG, so this is a bug in the caller.
 * @example
 * ```ts
 * html`<td title="${"a \"quoted\" name"}">${"<b>"}</td>`.markup;
 * // '<td title="a &quot;quoted&quot; name">&lt;b&gt;</td>'
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? "";
  values.forEach((value, index) => {
    markup += markupOf(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(markup);
}

function markupOf(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.markup;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "string") return escapeHtml(value);
  return value.map(markupOf).join("");
}

/** A number with at most two decimals, without a trailing `.00`, never `-0`. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`html: refusing to write the number ${value} into the page`);
  }
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** The characters that can end a text or an attribute value in HTML, and their entities. */
const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML: `&`, `<`, `>`, `"` and `'` become entities, so the text shows as written
 * and can never open a tag, end an attribute value or start an entity. Safe in element content and
 * in quoted attribute values (single or double quotes), in HTML and in inline SVG alike. Every
 * other character (Chinese, emoji, accents) passes unchanged: the page is UTF-8.
 *
 * @param text - any text: a SKU code, a description, a category.
 * @returns the escaped text.
 * @example
 * ```ts
 * import { escapeHtml } from "invkpi";
 * escapeHtml(`<img src=x onerror="alert(1)">`);
 * // "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
 * escapeHtml("螺丝 M3 & 'nuts'"); // "螺丝 M3 &amp; &#39;nuts&#39;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

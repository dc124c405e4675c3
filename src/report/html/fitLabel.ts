/** East Asian wide characters (CJK, kana, Hangul, full-width forms): about two Latin letters wide. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * Shortens a label to about `width` Latin letters for a chart axis, ending it with `…` when cut.
 * Wide characters (Chinese, Japanese, Korean) count as two. Cuts between code points, never inside
 * a surrogate pair.
 *
 * @example
 * ```ts
 * fitLabel("Garden (seasonal)", 10); // "Garden (s…"
 * fitLabel("紧固件 Fasteners", 8); // "紧固件 …"
 * fitLabel("short", 10); // "short"
 * ```
 */
export function fitLabel(text: string, width: number): string {
  const characters = Array.from(text);
  let used = 0;
  for (let i = 0; i < characters.length; i++) {
    used += WIDE.test(characters[i] as string) ? 2 : 1;
    if (used > width) return `${characters.slice(0, Math.max(0, i - 1)).join("")}…`;
  }
  return text;
}

/**
 * Library phrases that name an option or a field of the library's API, with what the command
 * line says instead. The library's own messages mention the flag beside the option
 * (`read it with the encoding option "gbk" (--encoding gbk on the command line)`), for a caller
 * of either; at the command line only the flag means anything.
 */
const REWRITES: readonly (readonly [RegExp, string])[] = [
  // `the encoding option "gbk" (--encoding gbk on the command line)` → `--encoding gbk`
  [/the [a-z]+ option "[^"]*" \((--[\w-]+ [^()]*?) on the command line\)/g, "$1"],
  // `the delimiter option ";", or --delimiter ';' on the command line` → `--delimiter ';'`
  [/the [a-z]+ option "(?:[^"\\]|\\.)*", or (--[\w-]+ [^()]*?) on the command line/g, "$1"],
  // `the encoding option (--encoding on the command line)` → `--encoding`
  [/the [a-z]+ option \((--[\w-]+) on the command line\)/g, "$1"],
  // `leave the encoding option (--encoding) out` → `leave --encoding out`
  [/the [a-z]+ option \((--[\w-]+)\)/g, "$1"],
  // `a standardCost for its SKU in skuInfo`: the master data is the --skus file.
  [/\bin skuInfo\b/g, "in the --skus file"],
];

/**
 * A message of the library in the command line's words: its flags and files instead of the
 * library's option names (`with the delimiter option ";", or --delimiter ';' on the command line`
 * → `with --delimiter ';'`; `in skuInfo` → `in the --skus file`). Text without such a phrase is
 * returned unchanged.
 *
 * @example
 * ```ts
 * commandLineWords('is the delimiter ";"? (read it with the delimiter option ";", or --delimiter \';\' on the command line)');
 * // "is the delimiter \";\"? (read it with --delimiter ';')"
 * ```
 */
export function commandLineWords(text: string): string {
  let words = text;
  for (const [phrase, replacement] of REWRITES) words = words.replace(phrase, replacement);
  return words;
}

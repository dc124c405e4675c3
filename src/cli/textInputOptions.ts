import { CSV_DELIMITERS, type CsvDelimiter } from "../io/index.js";
import type { ParsedArgs } from "./ParsedArgs.js";
import { usageError } from "./usageError.js";

/** How the input files' text is read: the CSV delimiter and the text encoding (both optional). */
export interface TextInputOptions {
  readonly delimiter?: CsvDelimiter;
  readonly encoding?: string;
}

/** The `parseArgs` options of {@link textInputOptions}, for a command's option list. */
export const TEXT_INPUT_SPEC = {
  delimiter: { type: "string" },
  encoding: { type: "string" },
} as const;

/** The help lines of `--delimiter` and `--encoding`, as the commands print them. */
export const TEXT_INPUT_HELP = `  --delimiter <char>       CSV delimiter of the input files: ',' ';' or tab (default: tab for a
                           .tsv file, else ',')
  --encoding <label>       text encoding of the input files, e.g. gbk, shift_jis, windows-1252
                           (default utf-8)
`;

/** Words a shell user may type for a delimiter that is hard to type. */
const DELIMITER_WORDS: Readonly<Record<string, CsvDelimiter>> = { tab: "\t", "\\t": "\t" };

/**
 * `--delimiter` and `--encoding`, checked before any file is read. They apply to the ledger and to
 * the `--skus` file (exports of one ERP share them).
 *
 * @throws a usage error (exit 2) for a delimiter other than `,` `;` or tab, or an encoding that
 *   this Node.js cannot decode.
 * @example
 * ```ts
 * import { ParsedArgs } from "./ParsedArgs.js";
 * const parsed = ParsedArgs.parse(["--delimiter", "tab", "--encoding", "gbk"], TEXT_INPUT_SPEC);
 * textInputOptions(parsed); // { delimiter: "\t", encoding: "gbk" }
 * ```
 */
export function textInputOptions(parsed: ParsedArgs): TextInputOptions {
  const delimiterText = parsed.string("delimiter");
  const encoding = parsed.string("encoding");
  return {
    ...(delimiterText === undefined ? {} : { delimiter: delimiterOf(delimiterText) }),
    ...(encoding === undefined ? {} : { encoding: checkedEncoding(encoding) }),
  };
}

function delimiterOf(text: string): CsvDelimiter {
  const delimiter = DELIMITER_WORDS[text.toLowerCase()] ?? text;
  if ((CSV_DELIMITERS as readonly string[]).includes(delimiter)) return delimiter as CsvDelimiter;
  throw usageError(`--delimiter must be ',' ';' or tab; got '${text}'`, {
    option: "--delimiter",
    value: text,
  });
}

function checkedEncoding(label: string): string {
  try {
    new TextDecoder(label);
  } catch {
    throw usageError(
      `--encoding must be a text encoding label such as utf-8, gbk or windows-1252; got '${label}'`,
      { option: "--encoding", value: label },
    );
  }
  return label;
}

/** Field delimiters a CSV file may use. */
export const CSV_DELIMITERS = [",", ";", "\t"] as const;

/** A field delimiter of a CSV file: `,`, `;` or a tab. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

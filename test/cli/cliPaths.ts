import { fileURLToPath } from "node:url";

// Where the CLI tests find the source, the fixtures and the output folder.

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The binary's entry point. */
export const CLI_SOURCE = root("src/cli/main.ts");
/** The module worker threads load (`--threads`), bundled beside the binary as in dist/. */
export const PARTIAL_WORKER_SOURCE = root("src/report/partialWorker.ts");
/** The output folder of the CLI tests (gitignored); each run uses a directory inside it. */
export const CLI_OUTPUT_DIR = root("test-output/cli");
/** The CLI test fixtures. */
export const FIXTURES = root("test/cli/fixtures");
/** The io fixtures (malformed and empty CSV files), shared. */
export const IO_FIXTURES = root("test/fixtures/io");

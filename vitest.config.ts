import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // Bundles the `invkpi` binary for the end-to-end CLI tests (test/cli/), which spawn it.
    globalSetup: ["test/cli/buildCli.globalSetup.ts"],
    // Fixed fast-check seed under CI=true (see the file).
    setupFiles: ["test/support/fastCheckSeed.ts"],
    // One module graph per worker instead of one per test file: re-importing vitest, fast-check
    // and the library for each of ~115 files cost about 2–3 s per file (5.5 min of a 6-min run on
    // this 2-core machine). Safe here: the library is pure (no module state a test could leave
    // behind), and no test mocks modules or changes globals.
    isolate: false,
    // `globalThis.gc`, for the tests that show a read lets go of what it no longer needs.
    execArgv: ["--expose-gc"],
  },
});

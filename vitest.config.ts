import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // Bundles the `invkpi` binary for the end-to-end CLI tests (test/cli/), which spawn it.
    globalSetup: ["test/cli/buildCli.globalSetup.ts"],
    // Fixed fast-check seed under CI=true (see the file).
    setupFiles: ["test/support/fastCheckSeed.ts"],
  },
});

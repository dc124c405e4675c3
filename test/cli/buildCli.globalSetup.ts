import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";
import { CLI_OUTPUT_DIR, CLI_SOURCE, PARTIAL_WORKER_SOURCE } from "./cliPaths.js";

// Vitest global setup: bundles the `invkpi` binary from source before any test runs, so the CLI
// tests spawn the same single-file program that `npm run build` ships (tsup, which also runs
// esbuild), even in CI, where the tests run before the build. Each test run builds into a
// directory of its own (two runs at once never overwrite each other's binary), which also holds
// the tests' scratch files, and removes it at the end.

declare module "vitest" {
  export interface ProvidedContext {
    /** The bundled binary of this test run. */
    cliBundle: string;
    /** A directory for the files of this test run. */
    cliScratch: string;
  }
}

/**
 * Bundles src/cli/main.ts into test-output/cli/run-XXXXXX/cli.js, and the worker module of
 * `--threads` beside it; returns the teardown.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  await mkdir(CLI_OUTPUT_DIR, { recursive: true });
  const dir = await mkdtemp(join(CLI_OUTPUT_DIR, "run-"));
  const bundle = join(dir, "cli.js");
  await build({
    entryPoints: [CLI_SOURCE],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "error",
  });
  // `--threads` starts worker threads on partialWorker.js beside the binary, as in dist/.
  await build({
    entryPoints: [PARTIAL_WORKER_SOURCE],
    outfile: join(dir, "partialWorker.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  project.provide("cliBundle", bundle);
  project.provide("cliScratch", dir);
  return () => rm(dir, { recursive: true, force: true });
}

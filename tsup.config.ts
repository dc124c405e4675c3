import { defineConfig } from "tsup";

/**
 * The binary and the thread worker carry their dependencies: resolving and loading zod's ~50 modules
 * took more of a short run's start-up than compiling them from one file. decimal.js's licence notice
 * comes with its code; zod's code carries none, so it is added.
 */
const SELF_CONTAINED = {
  noExternal: ["zod", "decimal.js"],
  footer: {
    js: "/*! Bundled: zod (https://github.com/colinhacks/zod), MIT License, Copyright (c) 2025 Colin McDonnell */",
  },
};

export default defineConfig([
  {
    // The library: core (any runtime) and node (files and streams), ESM and CommonJS with types.
    entry: { index: "src/index.ts", node: "src/node.ts" },
    format: ["esm", "cjs"],
    target: "node20",
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    clean: true,
    // One copy of the core shared by `invkpi` and `invkpi/node` (per format): an `InvKpiError` or a
    // `Decimal` made by one entry is an instance of the other's class.
    splitting: true,
    treeshake: true,
    // The CommonJS bundle finds the thread worker through __filename; import.meta stays empty there.
    esbuildOptions(options) {
      options.logOverride = { "empty-import-meta": "silent" };
    },
  },
  {
    // The `invkpi` binary: one ESM file with a shebang.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    sourcemap: true,
    clean: false,
    splitting: false,
    ...SELF_CONTAINED,
  },
  {
    // The worker of `analyzeLedger(..., { threads })`, loaded from beside the bundles.
    entry: { partialWorker: "src/report/partialWorker.ts" },
    format: ["esm"],
    target: "node20",
    sourcemap: true,
    clean: false,
    splitting: false,
    ...SELF_CONTAINED,
  },
]);

import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: core (any runtime) and node (files and streams), ESM and CommonJS with types.
    entry: { index: "src/index.ts", node: "src/node.ts" },
    format: ["esm", "cjs"],
    target: "node20",
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
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
  },
]);

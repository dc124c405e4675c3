// The `invkpi` command line as a library: run it in-process, and the generators behind
// `invkpi demo` and `invkpi generate`. The binary is main.ts.

export type { CliIo } from "./CliIo.js";
export { processCliIo } from "./CliIo.js";
export type { Command } from "./Command.js";
export type { DemandProfile, DemoItem } from "./demoCatalogue.js";
export { DEMO_LOCATIONS, demoCatalogue } from "./demoCatalogue.js";
export type { DemoLedger, DemoMovement } from "./demoLedger.js";
export { demoLedger } from "./demoLedger.js";
export type { ExitCode } from "./exitCode.js";
export { EXIT, exitCodeOf } from "./exitCode.js";
export type { GeneratedMovement, GenerateOptions } from "./generateLedger.js";
export {
  forEachGeneratedMovement,
  GENERATED_CSV_HEADER,
  generateColumns,
  generatedCsvLines,
  generatedMovements,
  generateMovements,
  mulberry32,
  skuCode,
} from "./generateLedger.js";
export { reportError } from "./reportError.js";
export { runCli, VERSION } from "./runCli.js";

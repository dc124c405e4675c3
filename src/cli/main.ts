// The `invkpi` binary (dist/cli.js): runs the command line on the process's arguments and streams.
import { processCliIo } from "./CliIo.js";
import { runCli } from "./runCli.js";

// A reader that closes stdout early (`invkpi generate ... | head`) is not an error: stop writing.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

process.exitCode = await runCli(process.argv.slice(2), processCliIo());

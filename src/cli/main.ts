// The `invkpi` command. Placeholder until the CLI issue lands: prints the version and usage.
const usage =
  "usage: invkpi <command>\n\nThe command line arrives with the CLI issue; see README.md.";
process.stdout.write(`${usage}\n`);

/**
 * invkpi for Node.js: streaming readers and writers for ledger files. Re-exports the core too, so
 * `invkpi/node` is all a Node script needs.
 *
 * @packageDocumentation
 */
export * from "./index.js";
export * from "./io/index.js";

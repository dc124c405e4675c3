// Run by `npm run check:pkg` after the build: `invkpi` and `invkpi/node` share one copy of the core
// per module format, so an error or a decimal that one entry makes is an instance of the other's
// class (an audit found `readLedger`'s errors failing `instanceof InvKpiError` imported from
// `invkpi`: each entry had bundled a copy of the core).
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

async function errorOf(readLedger) {
  try {
    await readLedger("no-such-ledger.csv");
  } catch (error) {
    return error;
  }
  assert.fail("readLedger of a missing file did not throw");
}

const formats = {
  esm: [await import("invkpi"), await import("invkpi/node")],
  cjs: [require("invkpi"), require("invkpi/node")],
};
for (const [format, [core, node]] of Object.entries(formats)) {
  const error = await errorOf(node.readLedger);
  assert.ok(
    error instanceof core.InvKpiError,
    `${format}: invkpi/node's error is invkpi's InvKpiError`,
  );
  assert.equal(node.InvKpiError, core.InvKpiError, `${format}: one InvKpiError class`);
  assert.equal(node.Decimal, core.Decimal, `${format}: one Decimal class`);
  assert.equal(node.analyzeLedger, core.analyzeLedger, `${format}: one analyzeLedger`);
}
console.log("invkpi and invkpi/node share one core (esm and cjs)");

import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { SORT_SCRIPT, SORT_SCRIPT_HASH } from "../../../src/report/html/sortScript.js";

test("the Content-Security-Policy hash is the SHA-256 of the sort script", () => {
  // The page allows exactly this script by its hash (CSP Level 2, "hash-source"): if the script
  // changes, the browser blocks it until SORT_SCRIPT_HASH is updated to the value printed here.
  const hash = `sha256-${createHash("sha256").update(SORT_SCRIPT, "utf8").digest("base64")}`;
  expect(SORT_SCRIPT_HASH).toBe(hash);
});

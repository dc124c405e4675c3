import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  claimMismatch,
  type DocExample,
  docExamplesOf,
  exportsWithExamples,
  leadingLiteral,
  markdownExamplesOf,
  type RunnableExample,
  runnableExample,
} from "./docExamples.js";

// Every `@example` in the sources, and every ts block of the markdown, runs; every value it claims
// in a comment is checked (conventions in ./docExamples.ts and docs/architecture.md, "Examples
// that run"). An example imports from "invkpi" or "invkpi/node" as a user would; the sources stand
// in for the package. Examples of internal functions may use their own module's exports without
// an import.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SRC = join(ROOT, "src");
const nodeRequire = createRequire(import.meta.url);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The sources, read once: their examples, and which exports have one. */
const SOURCES = sourceFiles(SRC).map((path) => ({
  file: relative(ROOT, path),
  text: readFileSync(path, "utf8"),
}));

const EXAMPLES: DocExample[] = SOURCES.flatMap(({ file, text }) => docExamplesOf(file, text));

const MARKDOWN_EXAMPLES: DocExample[] = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
].flatMap((file) => markdownExamplesOf(file, readFileSync(join(ROOT, file), "utf8")));

type AsyncBody = (
  require: (id: string) => unknown,
  exports: object,
  scope: Record<string, unknown>,
  check: (claim: number, value: unknown) => void,
) => Promise<void>;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => AsyncBody;

/**
 * The names an example of a source file may use without an import: none for an example of the
 * public API (it imports from "invkpi" as a user would), its own module's exports otherwise.
 */
async function sourceScope(example: DocExample): Promise<Record<string, unknown>> {
  const node = (await import("../../src/node.js")) as Record<string, unknown>;
  if (example.declares !== null && example.declares in node) return {};
  return (await import(fileUrl(example.file))) as Record<string, unknown>;
}

let readerDataOnce: { scope: Record<string, unknown>; files: Record<string, string> } | null = null;

/**
 * What the markdown snippets stand for: the reader's own data. They run with the sample year of
 * `invkpi demo` as `movements`, `skuInfo` and `rowsFromYourErp`, in a directory that holds it as
 * `ledger.csv` (what `invkpi demo --write ledger.csv` writes).
 */
async function readerData(): Promise<{
  scope: Record<string, unknown>;
  files: Record<string, string>;
}> {
  if (readerDataOnce !== null) return readerDataOnce;
  const { DEMO_LEDGER_COLUMNS, demoLedger } = await import("../../src/cli/demoLedger.js");
  const { toCsv } = await import("../../src/io/index.js");
  const { movements, skuInfo } = demoLedger();
  const ledgerCsv = toCsv(movements, { columns: DEMO_LEDGER_COLUMNS });
  readerDataOnce = {
    scope: { movements, skuInfo, rowsFromYourErp: movements as readonly unknown[] },
    files: { "ledger.csv": ledgerCsv },
  };
  return readerDataOnce;
}

/**
 * Runs `example` with `scope`, in a new directory under `workDir` holding `files`, and returns what
 * it got wrong (see {@link wrongClaims}): nothing when every claim holds. The process stays in
 * `workDir` between examples (a throwaway directory for the whole file), so a write an example
 * forgot to await lands there, never in the repository.
 */
async function problemsOf(
  example: DocExample,
  scope: Record<string, unknown>,
  files: Record<string, string> = {},
): Promise<string[]> {
  const runnable = runnableExample(example);
  const { script, imports } = runnable;
  const modules = new Map<string, unknown>();
  for (const id of imports) modules.set(id, await importForExample(id, example.file));
  const require = (id: string): unknown => modules.get(id);
  const body = new AsyncFunction(
    "require",
    "exports",
    "__scope",
    "__check",
    `const { ${Object.keys(scope).join(", ")} } = __scope;\n{\n${script}\n}`,
  );
  const values = new Map<number, unknown[]>();
  const dir = mkdtempSync(join(workDir, "example-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  process.chdir(dir);
  try {
    await body(require, {}, scope, (claim, value) => {
      values.set(claim, [...(values.get(claim) ?? []), value]);
    });
  } finally {
    process.chdir(workDir);
  }
  return wrongClaims(example, runnable, values);
}

/** The claims `example` got wrong (or never reached), and the values it shows but never claims. */
function wrongClaims(
  example: DocExample,
  { claims, unclaimed }: RunnableExample,
  values: Map<number, unknown[]>,
): string[] {
  const wrong = claims.flatMap((claim, k) => {
    const taken = values.get(k) ?? [];
    if (taken.length === 0) return [`${claim.statement}: not reached`];
    const found = taken.map((value) => claimMismatch(value, claim)).find((m) => m !== null);
    return found === undefined ? [] : [`${claim.statement} // ${claim.literal}: got ${found}`];
  });
  // A markdown snippet runs on the reader's data, whose values it cannot know.
  const noClaim =
    claims.length === 0 && !example.file.endsWith(".md") ? ["the example claims no value"] : [];
  return [
    ...wrong,
    ...unclaimed.map((comment) => `${comment}: shows a value no statement claims`),
    ...noClaim,
  ];
}

/** What an example's `import ... from id` gets: the sources for the package, or a sibling module. */
async function importForExample(id: string, file: string): Promise<unknown> {
  if (id === "invkpi") return import("../../src/index.js");
  if (id === "invkpi/node") return import("../../src/node.js");
  if (id.startsWith("node:")) return nodeRequire(id);
  if (id.startsWith("./") || id.startsWith("../"))
    return import(fileUrl(join(dirname(file), id.replace(/\.js$/, ".ts"))));
  throw new Error(
    `${file}: an example imports '${id}': only invkpi, invkpi/node, node: and sources`,
  );
}

function fileUrl(file: string): string {
  return pathToFileURL(join(ROOT, file)).href;
}

const repositoryDir = process.cwd();
let workDir = repositoryDir;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "invkpi-examples-"));
  process.chdir(workDir);
});
afterAll(() => {
  process.chdir(repositoryDir);
  rmSync(workDir, { recursive: true, force: true });
});

describe("the sources' @example blocks", () => {
  it("are found (a change to the comment format would find none)", () => {
    expect(EXAMPLES.length).toBeGreaterThan(150);
  });

  for (const example of EXAMPLES) {
    it(`${example.file}:${example.line} runs and shows what it returns`, async () => {
      expect(await problemsOf(example, await sourceScope(example))).toEqual([]);
    });
  }
});

describe("the public API", () => {
  it("has an @example for every function and class of invkpi and invkpi/node", async () => {
    const documented = new Set(SOURCES.flatMap(({ text }) => [...exportsWithExamples(text)]));
    const node = (await import("../../src/node.js")) as Record<string, unknown>;
    const callable = Object.keys(node).filter((name) => typeof node[name] === "function");
    expect(callable.length).toBeGreaterThan(70);
    expect(callable.filter((name) => !documented.has(name))).toEqual([]);
  });
});

describe("the markdown's ts blocks (README.md, docs/)", () => {
  it("are found", () => {
    expect(MARKDOWN_EXAMPLES.filter((e) => e.file === "README.md").length).toBeGreaterThan(1);
  });

  for (const example of MARKDOWN_EXAMPLES) {
    it(`${example.file}:${example.line} runs on the sample year and shows what it returns`, async () => {
      const { scope, files } = await readerData();
      expect(await problemsOf(example, scope, files)).toEqual([]);
    });
  }
});

describe("the claims of an example", () => {
  it("start with a literal, and the text after it explains", () => {
    expect(leadingLiteral("0.5  (8 / 16)")?.expected).toBe(0.5);
    expect(leadingLiteral("(10 + 10 + 6 + 6) / 4 = 8")?.expected).toBe(8);
    expect(leadingLiteral('"slow": 121 days since the last issue')?.expected).toBe("slow");
    expect(leadingLiteral("-0")?.expected).toBe(-0);
    expect(leadingLiteral("100000000000000000000n")?.expected).toBe(10n ** 20n);
    expect(leadingLiteral('[["a", "A"], { b: null }]')?.expected).toEqual([
      ["a", "A"],
      { b: null },
    ]);
    // Words are not claims, nor are names or calls.
    expect(leadingLiteral("the 20 most urgent reorders")).toBeNull();
    expect(leadingLiteral("Int32Array [1, 2, 0, 0]")).toBeNull();
    expect(leadingLiteral("Decimal 50")).toBeNull();
  });

  it("are found inside other claims and loops, and on one comment line unless a literal runs on", () => {
    const example = (code: string) =>
      runnableExample({ file: "x.ts", line: 1, code, declares: "x" });
    const nested = example("[1, 2].map((n) => {\n  n * 10; // 999\n  return n;\n}); // [1, 2]");
    expect(nested.claims.map((c) => c.literal)).toEqual(["[1, 2]", "999"]);
    expect(nested.script).toContain("__check(1, (n * 10))");
    const comments = example(
      "f(); // 3\n// - 1 for the header\ng(); // 2024-01-31\nh.layers; // the open layers\n// 3. Next",
    );
    expect(comments.claims.map((c) => c.literal)).toEqual(["3"]);
    // Lines the claim does not take, that look like values, are errors of the example.
    expect(comments.unclaimed).toEqual(["// - 1 for the header", "// 3. Next"]);
    const multiLine = example('f();\n// [{ id: "a" },\n//  { id: "b" }]');
    expect(multiLine.claims.map((c) => c.expected)).toEqual([[{ id: "a" }, { id: "b" }]]);
  });

  it("check numbers exactly, or their leading digits before …", () => {
    const claim = (comment: string) => ({ statement: "", ...leadingLiteral(comment)! });
    expect(claimMismatch(12.032967032967033, claim("12.03… (3 × 365 / 91)"))).toBeNull();
    expect(claimMismatch(12.1, claim("12.03… (3 × 365 / 91)"))).not.toBeNull();
    expect(claimMismatch(590, claim("59…"))).not.toBeNull();
    expect(claimMismatch(1.5e-7, claim("1.5…"))).not.toBeNull();
    expect(claimMismatch(0, claim("-0"))).not.toBeNull();
    expect(claimMismatch(0.30000000000000004, claim("0.3"))).not.toBeNull();
  });

  it("let ... in a string stand for text left out, and compare objects key by key", () => {
    const claim = (comment: string) => ({ statement: "", ...leadingLiteral(comment)! });
    expect(claimMismatch("Portfolio\n  SKUs  200\n", claim('"Portfolio\\n  SKUs ..."'))).toBeNull();
    expect(claimMismatch("Portfolio", claim('"Portfolio\\n  SKUs ..."'))).not.toBeNull();
    expect(claimMismatch({ x: 1, y: 1 }, claim("{ x: 1, y: 1 }"))).toBeNull();
    expect(claimMismatch({ x: 1, y: 1, z: 0 }, claim("{ x: 1, y: 1 }"))).not.toBeNull();
    expect(claimMismatch(new Map(), claim("{}"))).not.toBeNull();
    expect(claimMismatch("… and 3 more", claim('"… and 175 more"'))).not.toBeNull();
    expect(claimMismatch([1, 2], claim("[1, 2, 3]"))).not.toBeNull();
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import * as invkpi from "../../src/node.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The functions `invkpi/node` exports whose parameters (in some overload) satisfy `takes`, by a
 * syntax walk of the sources; sorted.
 */
export function exportedFunctionsWhere(
  takes: (parameters: readonly string[]) => boolean,
): string[] {
  const exported = new Set(Object.keys(invkpi));
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest);
        file.forEachChild((node) => {
          if (!ts.isFunctionDeclaration(node) || node.name === undefined) return;
          const isExported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
          const parameters = node.parameters.map((p) => p.name.getText(file));
          if (isExported && exported.has(node.name.text) && takes(parameters)) {
            found.add(node.name.text);
          }
        });
      }
    }
  };
  walk(join(ROOT, "src"));
  return [...found].sort();
}

/** The source of a file of invkpi, by its path from the root (`src/report/analyzeSku.ts`). */
export function sourceOf(path: string): string {
  return readFileSync(join(ROOT, path), "utf8");
}

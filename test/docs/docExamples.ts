import ts from "typescript";

// The `@example` blocks of the sources' JSDoc, made runnable: each block is parsed, every
// statement followed by a `// <value>` comment becomes a claim to check, and the block is
// transpiled to a script body. Conventions (docs/architecture.md, "Examples that run"):
// - a statement's result is claimed by a comment that starts with a literal on the statement's
//   line or on the lines right below it (JSON-like values, bigint, -0, NaN, undefined, and
//   arithmetic of numbers); text after the literal explains it and is not checked;
// - `…` right after a number claims the digits shown (12.03… is a number that starts so);
// - `…` or `...` inside a claimed string stands for text left out;
// - `console.log(x); // v` claims x.

/** One `@example` block of a source file. */
export interface DocExample {
  /** The source file, relative to the repository. */
  readonly file: string;
  /** The 1-based line of the block's `@example` tag. */
  readonly line: number;
  /** The TypeScript code of the block, without the comment's `*` margin or the fences. */
  readonly code: string;
}

/** A value the example claims, and where. */
export interface DocClaim {
  /** The claimed statement, as written. */
  readonly statement: string;
  /** The comment's literal, as written. */
  readonly literal: string;
  /** The literal's value. */
  readonly expected: unknown;
  /** Whether a number claims only its leading digits (`12.03…`). */
  readonly leadingDigits: boolean;
}

/** An example ready to run: a script body that calls `__check(k, value)` for claim k. */
export interface RunnableExample {
  readonly claims: readonly DocClaim[];
  /** CommonJS script text: expects `require`, `exports`, `__scope` and `__check` in scope. */
  readonly script: string;
  /** The modules it imports, as written. */
  readonly imports: readonly string[];
}

/** Every `@example` block in `text` (a TypeScript source). */
export function docExamplesOf(file: string, text: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = text.split("\n");
  for (let at = 0; at < lines.length; at++) {
    if (!/^\s*\*\s*@example\b/.test(lines[at] as string)) continue;
    const body: string[] = [];
    let inFence = false;
    for (let k = at + 1; k < lines.length; k++) {
      const raw = lines[k] as string;
      if (/^\s*\*\//.test(raw)) break;
      const content = raw.replace(/^\s*\* ?/, "");
      if (!inFence && /^@\w/.test(content)) break;
      if (/^```/.test(content)) {
        inFence = !inFence;
        continue;
      }
      if (inFence) body.push(content);
    }
    examples.push({ file, line: at + 1, code: body.join("\n") });
  }
  return examples;
}

/** Every ```ts block of a markdown file (README.md, docs/*.md). */
export function markdownExamplesOf(file: string, text: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = text.split("\n");
  for (let at = 0; at < lines.length; at++) {
    if (!/^```ts\s*$/.test(lines[at] as string)) continue;
    const body: string[] = [];
    let k = at + 1;
    for (; k < lines.length && !/^```/.test(lines[k] as string); k++) body.push(lines[k] as string);
    examples.push({ file, line: at + 1, code: body.join("\n") });
    at = k;
  }
  return examples;
}

/** The example with its claims turned into `__check` calls, transpiled to a CommonJS body. */
export function runnableExample(example: DocExample): RunnableExample {
  const source = ts.createSourceFile("example.ts", example.code, ts.ScriptTarget.ES2022, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const claims: DocClaim[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const claim = claimAfter(node, source);
      if (claim !== null) {
        const expression = claimedExpression(node.expression);
        edits.push({
          start: node.getStart(source),
          end: node.end,
          text: `__check(${claims.length}, (${expression.getText(source)}));`,
        });
        claims.push({ ...claim, statement: node.getText(source) });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const imports = source.statements.flatMap((statement) =>
    ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)
      ? [statement.moduleSpecifier.text]
      : [],
  );
  let code = example.code;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
  const script = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: false,
  }).outputText;
  return { claims, script, imports };
}

/** `console.log(x)` claims x; anything else claims its own value. */
function claimedExpression(expression: ts.Expression): ts.Expression {
  if (
    ts.isCallExpression(expression) &&
    expression.expression.getText() === "console.log" &&
    expression.arguments.length === 1
  )
    return expression.arguments[0] as ts.Expression;
  return expression;
}

/**
 * The claim of the comment lines right after `statement` (on its line, or starting on the next
 * line and running on without a blank line), or null when they start with no literal.
 */
function claimAfter(
  statement: ts.ExpressionStatement,
  source: ts.SourceFile,
): Omit<DocClaim, "statement"> | null {
  const text = source.text;
  // TypeScript calls the comment on the statement's own line trailing, those below it leading.
  const ranges = [
    ...(ts.getTrailingCommentRanges(text, statement.end) ?? []),
    ...(ts.getLeadingCommentRanges(text, statement.end) ?? []),
  ];
  const parts: string[] = [];
  let from = statement.end;
  for (const range of ranges) {
    const gap = text.slice(from, range.pos);
    // Same line, or the next one; a blank line ends the claim.
    if ((gap.match(/\n/g)?.length ?? 0) > 1 || range.kind !== ts.SyntaxKind.SingleLineCommentTrivia)
      break;
    parts.push(text.slice(range.pos + 2, range.end).trim());
    from = range.end;
  }
  if (parts.length === 0) return null;
  return leadingLiteral(parts.join(" "));
}

/** The longest prefix of `comment` that is a literal, with its value; null when none is. */
export function leadingLiteral(comment: string): Omit<DocClaim, "statement"> | null {
  for (let end = comment.length; end > 0; end--) {
    const literal = comment.slice(0, end).trimEnd();
    if (literal.length !== end) continue; // each prefix once, without trailing blanks
    if (!isLiteral(literal)) continue;
    const expected: unknown = new Function(`return (${literal});`)();
    const leadingDigits = typeof expected === "number" && comment.slice(end).startsWith("…");
    return { literal, expected, leadingDigits };
  }
  return null;
}

/** Whether `text` is one expression made of literals (and arithmetic of numbers) only. */
function isLiteral(text: string): boolean {
  const source = ts.createSourceFile("claim.ts", `(${text});`, ts.ScriptTarget.ES2022, true);
  if ((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0)
    return false;
  const [statement] = source.statements;
  if (source.statements.length !== 1 || statement === undefined) return false;
  if (!ts.isExpressionStatement(statement)) return false;
  // The wrapping parentheses must close at the end: `1) + (2` is not one literal.
  const wrapped = statement.expression;
  if (!ts.isParenthesizedExpression(wrapped) || wrapped.end !== source.text.length - 1)
    return false;
  return isLiteralNode(wrapped.expression);
}

function isLiteralNode(node: ts.Node): boolean {
  if (
    ts.isNumericLiteral(node) ||
    ts.isStringLiteral(node) ||
    ts.isBigIntLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node)
  )
    return true;
  if (
    node.kind === ts.SyntaxKind.NullKeyword ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword
  )
    return true;
  if (ts.isIdentifier(node)) return ["undefined", "NaN", "Infinity"].includes(node.text);
  if (ts.isPrefixUnaryExpression(node))
    return node.operator === ts.SyntaxKind.MinusToken && isLiteralNode(node.operand);
  if (ts.isParenthesizedExpression(node)) return isLiteralNode(node.expression);
  if (ts.isBinaryExpression(node)) {
    const arithmetic = [
      ts.SyntaxKind.PlusToken,
      ts.SyntaxKind.MinusToken,
      ts.SyntaxKind.AsteriskToken,
      ts.SyntaxKind.SlashToken,
    ];
    return (
      arithmetic.includes(node.operatorToken.kind) && isNumeric(node.left) && isNumeric(node.right)
    );
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(isLiteralNode);
  if (ts.isObjectLiteralExpression(node))
    return node.properties.every(
      (p) =>
        ts.isPropertyAssignment(p) &&
        (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
        isLiteralNode(p.initializer),
    );
  return false;
}

function isNumeric(node: ts.Node): boolean {
  if (ts.isNumericLiteral(node)) return true;
  if (ts.isParenthesizedExpression(node)) return isNumeric(node.expression);
  if (ts.isPrefixUnaryExpression(node))
    return node.operator === ts.SyntaxKind.MinusToken && isNumeric(node.operand);
  if (ts.isBinaryExpression(node)) return isLiteralNode(node) && isNumeric(node.left);
  return false;
}

/**
 * Where `actual` differs from the claimed value, as a path and both values; null when it matches.
 * Strings with `…` or `...` match any text in their place; numbers compare with `Object.is`
 * (a claimed -0 is -0); arrays and plain objects compare element by element and key by key.
 */
export function claimMismatch(actual: unknown, claim: DocClaim): string | null {
  if (claim.leadingDigits) {
    return typeof actual === "number" && String(actual).startsWith(claim.literal)
      ? null
      : `${String(actual)} does not start with ${claim.literal}`;
  }
  return mismatch(actual, claim.expected, "");
}

function mismatch(actual: unknown, expected: unknown, path: string): string | null {
  const at = path === "" ? "" : ` at ${path}`;
  if (typeof expected === "string") {
    if (actual === expected) return null;
    const elided = expected.split(/…|\.\.\./);
    if (typeof actual === "string" && elided.length > 1) {
      const pattern = elided.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
      if (new RegExp(`^${pattern}$`, "s").test(actual)) return null;
    }
    return `${JSON.stringify(actual)}${at}, claimed ${JSON.stringify(expected)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return `${describe(actual)}${at}, claimed an array of ${expected.length}`;
    for (let k = 0; k < expected.length; k++) {
      const found = mismatch(actual[k], expected[k], `${path}[${k}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null)
      return `${describe(actual)}${at}, claimed an object`;
    const actualKeys = Object.keys(actual).filter(
      (key) => (actual as Record<string, unknown>)[key] !== undefined,
    );
    const expectedKeys = Object.keys(expected);
    const missing = expectedKeys.filter((key) => !actualKeys.includes(key));
    const extra = actualKeys.filter((key) => !expectedKeys.includes(key));
    if (missing.length > 0 || extra.length > 0)
      return `keys${at}: missing ${JSON.stringify(missing)}, not claimed ${JSON.stringify(extra)}`;
    for (const key of expectedKeys) {
      const found = mismatch(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found !== null) return found;
    }
    return null;
  }
  return Object.is(actual, expected)
    ? null
    : `${describe(actual)}${at}, claimed ${describe(expected)}`;
}

function describe(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (Object.is(value, -0)) return "-0";
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * The names of the functions and classes that `text` exports with an `@example` in their JSDoc
 * (for an overloaded function, the JSDoc of its first signature).
 */
export function exportsWithExamples(text: string): Set<string> {
  const source = ts.createSourceFile("module.ts", text, ts.ScriptTarget.ES2022, true);
  const names = new Set<string>();
  for (const statement of source.statements) {
    const exported = ts
      .getModifiers(statement as ts.HasModifiers)
      ?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const hasExample = ts.getJSDocTags(statement).some((tag) => tag.tagName.text === "example");
    if (!hasExample) continue;
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name)
      names.add(statement.name.text);
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
  }
  return names;
}

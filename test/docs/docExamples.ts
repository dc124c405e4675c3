import ts from "typescript";
import { describeValue } from "../../src/model/InvKpiError.js";

// The `@example` blocks of the sources' JSDoc (and the ts blocks of the markdown), made runnable:
// each block is parsed, every expression statement followed by a `// <value>` comment becomes a
// claim to check, and the block is transpiled to a script body. Conventions (docs/architecture.md,
// "Examples that run"):
// - a statement's value is claimed by a comment that starts with a literal, on the statement's
//   line, or on the line below when the statement's line has no comment (JSON-like values,
//   bigint, -0, NaN, undefined, and arithmetic of numbers); a literal that does not end on its
//   line goes on over the next comment lines; text after the literal explains it;
// - `…` right after a number claims the digits shown (12.03… is a number in [12.03, 12.04));
// - `...` inside a claimed string stands for text left out (`…` is text like any other);
// - `console.log(x); // v` claims x; a claim in a loop or callback checks every value it takes;
// - a comment that starts with a literal but claims nothing is an error: every value shown is
//   checked.

/** One `@example` block of a source file. */
export interface DocExample {
  /** The source file, relative to the repository. */
  readonly file: string;
  /** The 1-based line of the block's `@example` tag. */
  readonly line: number;
  /** The TypeScript code of the block, without the comment's `*` margin or the fences. */
  readonly code: string;
  /** The name the JSDoc documents (the declaration after it), null for markdown. */
  readonly declares: string | null;
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
  /** Comments that start with a literal but claim nothing (each an error), as written. */
  readonly unclaimed: readonly string[];
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
    examples.push({
      file,
      line: at + 1,
      code: body.join("\n"),
      declares: declaredAfter(lines, at),
    });
  }
  return examples;
}

/** The name declared right after the JSDoc comment that holds line `at`. */
function declaredAfter(lines: readonly string[], at: number): string | null {
  let k = at;
  while (k < lines.length && !/\*\//.test(lines[k] as string)) k++;
  const declaration = lines.slice(k + 1, k + 3).join(" ");
  return (
    /^\s*export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|class|const|abstract\s+class)\s+([\w$]+)/.exec(
      declaration,
    )?.[1] ?? null
  );
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
    examples.push({ file, line: at + 1, code: body.join("\n"), declares: null });
    at = k;
  }
  return examples;
}

/** The example with its claims turned into `__check` calls, transpiled to a CommonJS body. */
export function runnableExample(example: DocExample): RunnableExample {
  const source = ts.createSourceFile("example.ts", example.code, ts.ScriptTarget.ES2022, true);
  const comments = commentsOf(source);
  const used = new Set<number>();
  // Insertions only (a claim's expression is wrapped), so claims nested in one another all apply.
  const insertions: { at: number; text: string }[] = [];
  const claims: DocClaim[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const claim = claimAfter(node, source, comments, used);
      if (claim !== null) {
        const expression = claimedExpression(node.expression);
        insertions.push({ at: expression.getStart(source), text: `__check(${claims.length}, (` });
        insertions.push({ at: expression.end, text: "))" });
        claims.push({ ...claim, statement: node.getText(source) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let code = example.code;
  for (const { at, text } of insertions.sort((x, y) => y.at - x.at))
    code = code.slice(0, at) + text + code.slice(at);
  const imports = source.statements.flatMap((statement) =>
    ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)
      ? [statement.moduleSpecifier.text]
      : [],
  );
  const unclaimed = comments
    .filter((comment) => !used.has(comment.pos) && leadingLiteral(comment.text) !== null)
    .map((comment) => `// ${comment.text}`);
  const script = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: false,
  }).outputText;
  return { claims, script, imports, unclaimed };
}

/** A `//` comment of the example: where it starts, its line and its text after the slashes. */
interface LineComment {
  readonly pos: number;
  readonly line: number;
  readonly text: string;
}

/** Every `//` comment of `source`, in order (found as the trivia around every node). */
function commentsOf(source: ts.SourceFile): LineComment[] {
  const text = source.text;
  const found = new Map<number, LineComment>();
  const add = (ranges: ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) {
      if (range.kind !== ts.SyntaxKind.SingleLineCommentTrivia || found.has(range.pos)) continue;
      const line = source.getLineAndCharacterOfPosition(range.pos).line;
      found.set(range.pos, {
        pos: range.pos,
        line,
        text: text.slice(range.pos + 2, range.end).trim(),
      });
    }
  };
  const visit = (node: ts.Node): void => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    ts.forEachChild(node, visit);
  };
  visit(source);
  add(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return [...found.values()].sort((a, b) => a.pos - b.pos);
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

/** Characters a literal that goes on over the next comment lines can start with. */
const OPENS_A_LITERAL = /^[[{("'`]/;

/**
 * The claim of the comment after `statement`: on its last line, or (when that line has none) on
 * the line below; a literal left open there goes on over the following comment lines. Null when
 * the comment does not start with a literal. The comments used are added to `used`.
 */
function claimAfter(
  statement: ts.ExpressionStatement,
  source: ts.SourceFile,
  comments: readonly LineComment[],
  used: Set<number>,
): Omit<DocClaim, "statement"> | null {
  const endLine = source.getLineAndCharacterOfPosition(statement.end).line;
  let k = comments.findIndex((c) => c.pos >= statement.end);
  if (k < 0) return null;
  const first = comments[k] as LineComment;
  if (first.line !== endLine && first.line !== endLine + 1) return null;
  // On the line below, the comment must stand alone: not after the next statement's code.
  if (first.line === endLine + 1 && nextCodeLine(source, statement.end) <= first.line) return null;
  let text = first.text;
  const lines = [first];
  let claim = leadingLiteral(text);
  while (claim === null && OPENS_A_LITERAL.test(first.text)) {
    const next = comments[++k];
    if (next === undefined || next.line !== (lines.at(-1) as LineComment).line + 1) break;
    lines.push(next);
    text = `${text} ${next.text}`;
    claim = leadingLiteral(text);
  }
  if (claim === null) return null;
  for (const line of lines) used.add(line.pos);
  return claim;
}

/** The line of the first token after `pos` (the line count when there is none). */
function nextCodeLine(source: ts.SourceFile, pos: number): number {
  const scanner = ts.createScanner(
    ts.ScriptTarget.ES2022,
    true,
    ts.LanguageVariant.Standard,
    source.text,
  );
  scanner.resetTokenState(pos);
  const kind = scanner.scan();
  if (kind === ts.SyntaxKind.EndOfFileToken) return Number.POSITIVE_INFINITY;
  return source.getLineAndCharacterOfPosition(scanner.getTokenStart()).line;
}

/**
 * The longest prefix of `comment` that is a literal ending at a word boundary (the end, a blank,
 * or one of `:;,.)…`), with its value; null when none is.
 */
export function leadingLiteral(comment: string): Omit<DocClaim, "statement"> | null {
  for (let end = comment.length; end > 0; end--) {
    const literal = comment.slice(0, end);
    if (literal.trimEnd().length !== end) continue; // each prefix once, without trailing blanks
    if (end < comment.length && !/^[\s:;,.)…]/.test(comment.slice(end))) continue;
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
 * A number shown with `…` matches the numbers from it up to one unit of its last digit; `...` in a
 * string matches any text; numbers compare with `Object.is` (a claimed -0 is -0); arrays and plain
 * objects compare element by element and key by key.
 */
export function claimMismatch(actual: unknown, claim: DocClaim): string | null {
  if (claim.leadingDigits) {
    const shown = claim.expected as number;
    const decimals = claim.literal.split(".")[1]?.length ?? 0;
    const unit = 10 ** -decimals;
    const within =
      typeof actual === "number" &&
      (shown >= 0
        ? actual >= shown && actual < shown + unit
        : actual <= shown && actual > shown - unit);
    return within ? null : `${describe(actual)}, claimed ${claim.literal}…`;
  }
  return mismatch(actual, claim.expected, "");
}

function mismatch(actual: unknown, expected: unknown, path: string): string | null {
  const at = path === "" ? "" : ` at ${path}`;
  if (typeof expected === "string") {
    if (actual === expected) return null;
    const parts = expected.split("...");
    if (typeof actual === "string" && parts.length > 1) {
      const pattern = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
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
    if (!isPlainObject(actual)) return `${describe(actual)}${at}, claimed a plain object`;
    const actualKeys = Object.keys(actual).filter((key) => actual[key] !== undefined);
    const expectedKeys = Object.keys(expected);
    const missing = expectedKeys.filter((key) => !actualKeys.includes(key));
    const extra = actualKeys.filter((key) => !expectedKeys.includes(key));
    if (missing.length > 0 || extra.length > 0)
      return `keys${at}: missing ${JSON.stringify(missing)}, not claimed ${JSON.stringify(extra)}`;
    for (const key of expectedKeys) {
      const found = mismatch(
        actual[key],
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A value for a message, whole (describeValue would cut it), and -0 as -0. */
function describe(value: unknown): string {
  return Object.is(value, -0) ? "-0" : describeValue(value, Number.POSITIVE_INFINITY);
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

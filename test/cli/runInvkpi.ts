import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "vitest";

/** What a run of the binary produced. */
export interface InvkpiRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runInvkpi}. */
export interface RunOptions {
  /** Text piped to stdin (stdin is closed at once otherwise). */
  readonly input?: string;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Runs the bundled `invkpi` binary as a user would (`node cli.js ...args`), with stdout and stderr
 * captured (neither is a terminal), in UTC unless `env` says otherwise.
 */
export function runInvkpi(args: readonly string[], options: RunOptions = {}): Promise<InvkpiRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle(), ...args], {
      cwd: options.cwd ?? inject("cliScratch"),
      env: { PATH: process.env.PATH ?? "", TZ: process.env.TZ ?? "UTC", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => {}); // the program may exit before reading all of it
    child.stdin.end(options.input ?? "");
  });
}

/** The bundled binary of this test run (see buildCli.globalSetup.ts). */
export function cliBundle(): string {
  return inject("cliBundle");
}

/** A fresh scratch directory inside this test run's directory (removed at the end of the run). */
export function scratchDir(): Promise<string> {
  return mkdtemp(join(inject("cliScratch"), "tmp-"));
}

/** The lines of a text, without the empty last one. */
export function lines(text: string): string[] {
  const all = text.split("\n");
  if (all.at(-1) === "") all.pop();
  return all;
}

import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { describeValue, InvKpiError } from "../model/InvKpiError.js";
import { ioError } from "./ioError.js";

/**
 * Where a writer puts its text: a file path (created or replaced) or a Node `Writable` such as
 * `process.stdout` (written to, with backpressure, and left open).
 */
export type OutputDestination = string | URL | Writable;

/** Text is handed to the stream in pieces of about this many characters. */
export const BATCH_CHARS = 1 << 16;

/**
 * Writes text pieces to a destination, in batches, waiting whenever the stream asks to (so a large
 * output never piles up in memory). A file is closed at the end; a stream is not.
 *
 * @throws InvKpiError `io_error` when the destination cannot be written; `invalid_argument` when it
 *   is neither a path nor a writable stream.
 */
export async function writeText(
  pieces: Iterable<string>,
  destination: OutputDestination,
  fn: string,
): Promise<void> {
  if (typeof destination === "string" || destination instanceof URL) {
    const name = String(destination);
    const file = createWriteStream(destination);
    try {
      await writeAll(pieces, file, fn, name);
      file.end();
      await finished(file);
    } catch (error) {
      file.destroy();
      throw ioError(fn, "write", name, error);
    }
    return;
  }
  if (
    destination === null ||
    typeof destination !== "object" ||
    typeof (destination as Partial<Writable>).write !== "function"
  ) {
    throw new InvKpiError(
      "invalid_argument",
      `${fn}: the destination must be a file path or a writable stream, got ${describeValue(destination)}`,
      { path: ["destination"] },
    );
  }
  await writeAll(pieces, destination, fn, "the output stream");
}

async function writeAll(
  pieces: Iterable<string>,
  stream: Writable,
  fn: string,
  name: string,
): Promise<void> {
  let failure: unknown = null;
  const onError = (error: unknown): void => {
    failure ??= error;
  };
  stream.on("error", onError);
  try {
    let batch = "";
    for (const piece of pieces) {
      batch += piece;
      if (batch.length >= BATCH_CHARS) {
        await writeBatch(stream, batch, () => failure);
        batch = "";
      }
    }
    if (batch !== "") await writeBatch(stream, batch, () => failure);
    if (failure !== null) throw failure;
  } catch (error) {
    throw ioError(fn, "write", name, error);
  } finally {
    stream.off("error", onError);
  }
}

/** Writes one batch; when the stream's buffer is full, waits until it drains (or fails). */
async function writeBatch(stream: Writable, batch: string, failure: () => unknown): Promise<void> {
  if (failure() !== null) throw failure();
  if (stream.write(batch)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error: unknown): void => {
      stream.off("drain", onDrain);
      stream.off("error", onError);
      stream.off("close", onClose);
      if (error === null) resolve();
      else reject(error);
    };
    const onDrain = (): void => settle(null);
    const onError = (error: unknown): void => settle(error);
    const onClose = (): void => settle(new Error("the stream was closed before all was written"));
    stream.on("drain", onDrain);
    stream.on("error", onError);
    stream.on("close", onClose);
  });
  if (failure() !== null) throw failure();
}

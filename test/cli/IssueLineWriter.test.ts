import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { IssueLineWriter } from "../../src/cli/IssueLineWriter.js";
import { InvKpiError } from "../../src/model/InvKpiError.js";

/** A stream that records each write it is given. */
function recorder(highWaterMark = 1 << 20): { stream: Writable; writes: string[] } {
  const writes: string[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk, _encoding, done) {
      writes.push(String(chunk));
      setImmediate(done);
    },
  });
  return { stream, writes };
}

describe("IssueLineWriter", () => {
  it("writes in batches of ~64 KiB, in order, and the rest at the end", async () => {
    const { stream, writes } = recorder();
    const cleared: number[] = [];
    const writer = new IssueLineWriter(stream, "invkpi validate", () =>
      cleared.push(writes.length),
    );
    const line = `${"x".repeat(99)}\n`; // 100 characters
    for (let i = 0; i < 1000; i++) writer.add(line);
    expect(writes).toHaveLength(1); // 65,600 characters reached the batch size once
    expect(writes[0]).toHaveLength(656 * 100);
    await writer.end();
    await new Promise<void>((resolve) => stream.end(resolve)); // the stream's own buffer
    expect(writes.join("")).toBe(line.repeat(1000));
    expect(cleared).toEqual([0, 1]); // called before each write
  });

  it("waits at the end until a slow stream has taken everything", async () => {
    const { stream, writes } = recorder(16);
    const writer = new IssueLineWriter(stream, "invkpi validate");
    for (let i = 0; i < 2000; i++) writer.add(`line ${i}\n`);
    await writer.end();
    expect(writes.join("").split("\n")).toHaveLength(2001);
    expect(stream.writableLength).toBe(0);
  });

  it("stops the read with an io_error once a write failed (a closed pipe)", async () => {
    const stream = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const writer = new IssueLineWriter(stream, "invkpi validate");
    writer.add("x".repeat(1 << 16)); // written: the error comes on the next tick
    await new Promise((resolve) => setImmediate(resolve));
    let thrown: unknown;
    try {
      writer.add("more\n");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvKpiError);
    expect((thrown as InvKpiError).code).toBe("io_error");
    expect((thrown as InvKpiError).message).toBe(
      "invkpi validate: cannot write the output stream: write EPIPE",
    );
    await expect(writer.end()).rejects.toMatchObject({ code: "io_error" });
  });

  it("ends once: a second end() writes nothing more", async () => {
    const out = new PassThrough();
    const writer = new IssueLineWriter(out, "invkpi validate");
    writer.add("a\n");
    await writer.end();
    await writer.end();
    expect(String(out.read())).toBe("a\n");
  });
});

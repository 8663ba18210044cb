import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { once, type EventEmitter } from "node:events";
import type { CliIo } from "../io.js";

/** Where a streaming command writes: `--out <file>` or stdout, buffered, waiting when the reader is slower. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Flushes and closes (a file) or flushes (stdout). */
  close(): Promise<void>;
  /** Gives up: a file is closed and removed, so no partial results are left behind. */
  abort(): Promise<void>;
}

const CHUNK = 64 * 1024;

type Writable = { write(chunk: string): unknown };

function isEmitter(target: Writable): target is Writable & EventEmitter {
  return (
    typeof (target as Partial<EventEmitter>).once === "function" &&
    typeof (target as Partial<EventEmitter>).on === "function"
  );
}

/**
 * A sink on `--out` (relative to the CLI's working directory) or, without it or with `-`, on stdout.
 *
 * @throws the file system's error when the file cannot be opened.
 */
export async function openSink(io: CliIo, out: string | undefined): Promise<Sink> {
  if (out === undefined || out === "-")
    return buffered(
      io.stdout as Writable,
      () => undefined,
      async () => undefined,
      async () => undefined,
    );
  const path = resolve(io.cwd, out);
  const file = createWriteStream(path);
  await once(file, "open");
  let failure: unknown;
  file.on("error", (error) => (failure = error));
  const check = () => {
    if (failure !== undefined) throw failure;
  };
  return buffered(
    file,
    check,
    async () => {
      check();
      file.end();
      await once(file, "finish");
    },
    async () => {
      file.destroy();
      await rm(path, { force: true });
    },
  );
}

function buffered(target: Writable, check: () => void, close: () => Promise<void>, abort: () => Promise<void>): Sink {
  let pending = "";
  const flush = async () => {
    check();
    if (pending === "") return;
    const text = pending;
    pending = "";
    // write() returns false when the stream's buffer is full: wait for it to drain (backpressure);
    // events.once rejects if the stream fails meanwhile.
    if (target.write(text) === false && isEmitter(target)) await once(target, "drain");
  };
  return {
    async write(text) {
      pending += text;
      if (pending.length >= CHUNK) await flush();
    },
    async close() {
      await flush();
      await close();
    },
    abort,
  };
}

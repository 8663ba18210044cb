import type { CliIo } from "../io.js";
import { openOut, writeStdout } from "../output.js";

/** Where a streaming command writes: `--out <file>` or stdout, buffered, waiting when the reader is slower. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Flushes; a file is then synced and renamed over `--out` (until then the previous file is untouched). */
  close(): Promise<void>;
  /** Gives up: a file's temporary copy is removed, so no partial results are left behind. */
  abort(): Promise<void>;
}

const CHUNK = 64 * 1024;

/**
 * A sink on `--out` (relative to the CLI's working directory, written atomically) or, without it or with
 * `-`, on stdout.
 *
 * @throws UsageError or IoError when the file cannot be created.
 */
export async function openSink(io: CliIo, out: string | undefined): Promise<Sink> {
  if (out === undefined || out === "-")
    return buffered(
      (text) => writeStdout(io, text),
      async () => undefined,
    );
  const file = await openOut(io, out);
  return buffered(
    (text) => file.write(text),
    () => file.commit(),
    () => file.abort(),
  );
}

function buffered(
  put: (text: string) => Promise<void>,
  finish: () => Promise<void>,
  abort: () => Promise<void> = async () => undefined,
): Sink {
  let pending = "";
  const flush = async () => {
    if (pending === "") return;
    const text = pending;
    pending = "";
    await put(text);
  };
  return {
    async write(text) {
      pending += text;
      if (pending.length >= CHUNK) await flush();
    },
    async close() {
      await flush();
      await finish();
    },
    async abort() {
      pending = "";
      await abort();
    },
  };
}

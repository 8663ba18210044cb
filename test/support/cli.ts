import { resolve } from "node:path";
import { runCli } from "../../src/node/run.js";
import type { CliIo } from "../../src/node/io.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutBytes: Uint8Array;
}

/** Runs the CLI in-process with buffers for stdout/stderr and `stdin` text; cwd is the repository root. */
export async function runCliCapture(argv: readonly string[], options: { stdin?: string; tty?: boolean; cwd?: string } = {}): Promise<CliResult> {
  const out: Uint8Array[] = [];
  const err: string[] = [];
  const encoder = new TextEncoder();
  const io: CliIo = {
    stdout: { write: (chunk) => out.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk), isTTY: options.tty ?? false },
    stderr: { write: (chunk) => err.push(chunk), isTTY: options.tty ?? false },
    stdin: (async function* () {
      if (options.stdin !== undefined) yield options.stdin;
    })(),
    cwd: options.cwd ?? resolve(import.meta.dirname, "../.."),
  };
  const code = await runCli(argv, io);
  const bytes = Buffer.concat(out);
  return { code, stdout: bytes.toString("utf8"), stderr: err.join(""), stdoutBytes: bytes };
}

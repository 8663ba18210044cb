import { resolve } from "node:path";
import { runCli } from "../../src/node/run.js";
import type { CliIo } from "../../src/node/io.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutBytes: Uint8Array;
}

/** A CliIo with buffers for stdout/stderr and `stdin` text (cwd: the repository root), for calling a command directly. */
export function fakeIo(
  options: { cwd?: string; tty?: boolean; stdin?: string | Uint8Array; env?: CliIo["env"]; columns?: number } = {},
): {
  io: CliIo;
  stdout: () => string;
  stdoutBytes: () => Uint8Array;
  stderr: () => string;
} {
  const out: Uint8Array[] = [];
  const err: string[] = [];
  const encoder = new TextEncoder();
  const io: CliIo = {
    stdout: {
      write: (chunk) => out.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk),
      isTTY: options.tty ?? false,
    },
    stderr: { write: (chunk) => err.push(chunk), isTTY: options.tty ?? false },
    stdin: (async function* () {
      if (options.stdin !== undefined) yield options.stdin;
    })(),
    cwd: options.cwd ?? resolve(import.meta.dirname, "../.."),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.columns === undefined ? {} : { columns: options.columns }),
  };
  return {
    io,
    stdout: () => Buffer.concat(out).toString("utf8"),
    stdoutBytes: () => Buffer.concat(out),
    stderr: () => err.join(""),
  };
}

/** Runs the CLI in-process with buffers for stdout/stderr and `stdin` text; cwd is the repository root. */
export async function runCliCapture(
  argv: readonly string[],
  options: { stdin?: string; tty?: boolean; cwd?: string; env?: CliIo["env"]; columns?: number } = {},
): Promise<CliResult> {
  const fake = fakeIo(options);
  const code = await runCli(argv, fake.io);
  const bytes = fake.stdoutBytes();
  return { code, stdout: fake.stdout(), stderr: fake.stderr(), stdoutBytes: bytes };
}

import { InvalidInputError } from "../errors/index.js";

/** Where a CLI command reads and writes: process streams in the bin, buffers in tests. */
export interface CliIo {
  readonly stdout: { write(chunk: string | Uint8Array): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean };
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly cwd: string;
}

/** Exit status of the CLI (DESIGN §6): 0 ok, 1 findings that need attention, 2 bad input or usage. */
export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;

/** Wrong command-line usage: exit 2 with the message and a pointer to `--help`. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Prints an input error (every issue on its own line) or a usage error to stderr and returns exit 2. */
export function reportInputError(error: unknown, io: CliIo, where?: string): number {
  if (error instanceof InvalidInputError) {
    io.stderr.write(
      `exitfund: ${where === undefined ? "" : `${where}: `}${error.issues.length} problem${error.issues.length === 1 ? "" : "s"}, nothing computed:\n`,
    );
    for (const issue of error.issues)
      io.stderr.write(`  ${issue.path === "" ? "(input)" : issue.path}: ${issue.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`exitfund: ${error.message}\n(see exitfund --help)\n`);
    return EXIT.badInput;
  }
  throw error;
}

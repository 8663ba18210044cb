import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliIo } from "./io.js";

/** Writes a command's data to `--out <file>` or to stdout, and says where it went on stderr when it is a file. */
export async function emit(io: CliIo, content: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out === undefined || out === "-") {
    io.stdout.write(content);
    return;
  }
  await writeFile(resolve(io.cwd, out), content);
  io.stderr.write(`exitfund: wrote ${out}\n`);
}

/** JSON as the CLI prints it: two-space indentation and a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

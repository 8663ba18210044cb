import { parseArgs } from "node:util";
import { UsageError, type CliIo } from "../io.js";

type OptionTypes = { readonly [name: string]: "string" | "boolean" };

/**
 * Parses a command's arguments with `node:util.parseArgs`; `--help`/`-h` prints the help and sets `values.help`.
 * An unknown option is a usage error (exit 2) naming the options the command takes.
 */
export function parseCommand(
  args: readonly string[],
  options: OptionTypes,
  help: string,
  io: CliIo,
): { values: { [name: string]: string | boolean | undefined }; positionals: string[] } {
  const config = Object.fromEntries(Object.entries(options).map(([name, type]) => [name, { type }]));
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...config, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help === true) io.stdout.write(`${help}\n`);
    return {
      values: parsed.values as { [name: string]: string | boolean | undefined },
      positionals: parsed.positionals,
    };
  } catch (error) {
    const known = Object.keys(options)
      .map((name) => `--${name}`)
      .join(", ");
    throw new UsageError(
      `${(error as Error).message.split("\n")[0]}; this command takes ${known || "no options"} and --help`,
    );
  }
}

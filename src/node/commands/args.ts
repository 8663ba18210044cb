import { extname } from "node:path";
import { parseArgs } from "node:util";
import { echoText } from "../../errors/echo.js";
import { UsageError, type CliIo } from "../io.js";
import { refuseOutputOverInput, type NamedInput } from "../output.js";
import { say, type Said } from "../messages.js";

/** An option's type; `strings` is a string option that may be repeated (`--case A --case B`). */
type OptionTypes = { readonly [name: string]: "string" | "boolean" | "strings" };

/** The option a parseArgs error is about: `--foo` of "Unknown option '--foo'. …". */
function optionOf(message: string): string {
  return /'(--?[^' <]+)/.exec(message)?.[1] ?? "";
}

/**
 * Parses a command's arguments with `node:util.parseArgs`; `--help`/`-h` prints the help and sets `values.help`.
 * An unknown option, an option without its value, a value given to a flag, or an option given twice is a
 * usage error (exit 2) naming the option and what the command takes.
 */
export function parseCommand(
  args: readonly string[],
  options: OptionTypes,
  /** The command's help: one text, or one per language (printed in `io.lang`). */
  help: string | Said,
  io: CliIo,
): {
  values: { [name: string]: string | boolean | undefined };
  positionals: string[];
  /** The values of each repeatable (`strings`) option given, in order. */
  lists: { [name: string]: string[] };
} {
  const config = Object.fromEntries(
    Object.entries(options).map(([name, type]) => [
      name,
      type === "strings" ? { type: "string" as const, multiple: true } : { type },
    ]),
  );
  const known = Object.keys(options)
    .map((name) => `--${name}`)
    .join(", ");
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...config, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = echoText(optionOf((error as Error).message));
    const takes = `this command takes ${known || "no options"} and --help`;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
      throw new UsageError(`unknown option ${option}; ${takes}`, {
        code: "unknown-option",
        zh: `未知选项 ${option}；本命令接受 ${known || "（无选项）"} 和 --help`,
      });
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const flag =
        Object.hasOwn(options, option.replace(/^--/, "")) && options[option.replace(/^--/, "")] === "boolean";
      // `--tolerance -0.01`: the value after the option starts with "-", so it is read as another option.
      const at = args.indexOf(option);
      const next = at < 0 ? undefined : args[at + 1];
      const dashed =
        !flag && next !== undefined && next.startsWith("-") && next !== "-"
          ? {
              en: `; "${echoText(next, 40)}" starts with "-", so it reads as an option: write ${option}=${echoText(next, 40)}`,
              zh: `；"${echoText(next, 40)}" 以 "-" 开头，会被当作选项：请写 ${option}=${echoText(next, 40)}`,
            }
          : { en: "", zh: "" };
      throw new UsageError(
        flag ? `${option} takes no value` : `${option} needs a value: ${option} <value>${dashed.en}`,
        {
          code: flag ? "option-takes-no-value" : "option-needs-value",
          zh: flag ? `${option} 不带值` : `${option} 需要一个值：${option} <值>${dashed.zh}`,
        },
      );
    }
    throw new UsageError(`${echoText((error as Error).message.split(".")[0] ?? "", 120)}; ${takes}`, {
      code: "bad-arguments",
      zh: `命令行参数有误；本命令接受 ${known || "（无选项）"} 和 --help`,
    });
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name) && options[token.name] !== "strings")
      throw new UsageError(`--${token.name} is given twice; give it once`, {
        code: "option-repeated",
        zh: `--${token.name} 重复给出，请只给一次`,
      });
    seen.add(token.name);
  }
  if (parsed.values.help === true) io.stdout.write(`${typeof help === "string" ? help : say(help, io.lang)}\n`);
  const values: { [name: string]: string | boolean | undefined } = {};
  const lists: { [name: string]: string[] } = {};
  for (const [name, value] of Object.entries(parsed.values))
    if (Array.isArray(value)) lists[name] = value.map(String);
    else values[name] = value as string | boolean | undefined;
  return { values, positionals: parsed.positionals, lists };
}

/** The format each output extension stands for. */
const EXTENSION_FORMATS: ReadonlyMap<string, string> = new Map([
  [".json", "json"],
  [".ndjson", "ndjson"],
  [".jsonl", "ndjson"],
  [".csv", "csv"],
  [".xlsx", "xlsx"],
  [".md", "md"],
]);

/** The format `--out`'s extension names (`.csv` → csv), if it names one. */
export function formatOfExtension(out: string | undefined): string | undefined {
  return out === undefined ? undefined : EXTENSION_FORMATS.get(extname(out).toLowerCase());
}

/**
 * Refuses `--format csv --out results.xlsx`: a file whose extension names another format than the one
 * written would open as garbage (or not at all) in Excel.
 *
 * @throws UsageError (exit 2).
 */
export function refuseFormatMismatch(format: string, out: string | undefined): void {
  const named = formatOfExtension(out);
  if (named === undefined || named === format) return;
  const extension = extname(out ?? "");
  throw new UsageError(
    `--format ${format} does not match --out "${echoText(out ?? "")}", whose extension ${extension} is for ${named}: give --format ${named}, or an --out ending in the extension of ${format}`,
    {
      code: "format-extension-mismatch",
      zh: `--format ${format} 与 --out "${echoText(out ?? "")}" 的扩展名 ${extension}（${named}）不符：请改为 --format ${named}，或使用与 ${format} 相符的扩展名`,
    },
  );
}

/**
 * What every command checks before any work: `--out` (or each file of an output folder) is none of the
 * inputs (`<cases>`, `--ledger`, `--rules`, `--against`, `--programme`, …), and matches its format.
 */
export async function checkOutput(
  io: CliIo,
  out: string | undefined,
  format: string | undefined,
  inputs: readonly NamedInput[],
): Promise<void> {
  if (format !== undefined) refuseFormatMismatch(format, out);
  await refuseOutputOverInput(io, [out], inputs);
}

/** The inputs a command names in its options (the programme module too, when the command takes one). */
export function optionInputs(values: { readonly [name: string]: string | boolean | undefined }): NamedInput[] {
  return ["rules", "ledger", "against", "programme", "map", "ledger-map"].flatMap((name) => {
    const value = values[name];
    return typeof value === "string" ? [{ role: `--${name}`, file: value }] : [];
  });
}

/**
 * The format a command writes: `--format`, else the one `--out`'s extension names, else `table` on a
 * terminal and `json` otherwise. A workbook is never written to a terminal.
 *
 * @throws UsageError for a format the command does not write, or a workbook for a terminal.
 */
export function outputFormat<F extends string>(
  command: string,
  given: string | undefined,
  out: string | undefined,
  formats: readonly F[],
  io: CliIo,
): F {
  const named = formatOfExtension(out);
  const format =
    given ??
    (named !== undefined && (formats as readonly string[]).includes(named) ? named : undefined) ??
    (formats.includes("table" as F) && io.stdout.isTTY === true ? "table" : "json");
  if (!(formats as readonly string[]).includes(format))
    throw new UsageError(`${command} --format must be one of ${formats.join(", ")}; got "${echoText(format)}"`, {
      code: "bad-format",
      zh: `${command} 的 --format 须为 ${formats.map((name) => `\`${name}\``).join("、")} 之一，收到 "${echoText(format)}"`,
    });
  if (format === "xlsx" && (out === undefined || out === "-") && io.stdout.isTTY === true)
    throw new UsageError(`${command} --format xlsx writes a binary workbook: give --out <file>.xlsx`, {
      code: "xlsx-needs-out",
      zh: `${command} --format xlsx 写出二进制工作簿：请给出 --out <文件>.xlsx`,
    });
  return format as F;
}

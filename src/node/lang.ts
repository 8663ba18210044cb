import { echoText } from "../errors/echo.js";
import type { Lang } from "../rules/explain.js";
import { UsageError } from "./io.js";

export type { Lang } from "../rules/explain.js";

/** The environment the CLI reads its language from (`process.env` in the bin, none in tests). */
export type CliEnv = { readonly [name: string]: string | undefined };

/**
 * The language the locale asks for, with POSIX precedence: the first non-empty of `LC_ALL`, `LC_MESSAGES`,
 * `LANG` decides; a locale starting with `zh` (`zh_CN.UTF-8`, `zh-Hans`) is Chinese, anything else (`C`,
 * `en_US.UTF-8`, none) English.
 */
export function langOfEnv(env: CliEnv | undefined): Lang {
  if (env === undefined) return "en";
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = Object.hasOwn(env, name) ? env[name] : undefined;
    if (value !== undefined && value !== "") return /^zh/i.test(value) ? "zh" : "en";
  }
  return "en";
}

/**
 * Takes `--lang zh|en` (or `--lang=zh`) out of a command line, before any `--`: the language it names wins
 * over the locale's. A value other than zh or en, a missing value or a repeated `--lang` is a usage error.
 *
 * @throws UsageError (exit 2), said in both languages.
 */
export function takeLang(
  argv: readonly string[],
  env: CliEnv | undefined,
): { lang: Lang; args: string[]; given: boolean } {
  const args: string[] = [];
  let given: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? "";
    if (arg === "--") {
      args.push(...argv.slice(index));
      break;
    }
    let value: string | undefined;
    if (arg === "--lang") {
      value = argv[index + 1];
      if (value === undefined || value.startsWith("-"))
        throw new UsageError("--lang needs a value: --lang zh or --lang en", {
          code: "option-needs-value",
          zh: "--lang 需要一个值：--lang zh 或 --lang en",
        });
      index += 1;
    } else if (arg.startsWith("--lang=")) value = arg.slice("--lang=".length);
    else {
      args.push(arg);
      continue;
    }
    if (given !== undefined)
      throw new UsageError("--lang is given twice; give it once", {
        code: "option-repeated",
        zh: "--lang 重复给出，请只给一次",
      });
    given = value;
  }
  if (given === undefined) return { lang: langOfEnv(env), args, given: false };
  if (given !== "zh" && given !== "en")
    throw new UsageError(`--lang must be zh or en, got "${echoText(given)}"`, {
      code: "bad-lang",
      zh: `--lang 须为 zh 或 en，收到 "${echoText(given)}"`,
    });
  return { lang: given, args, given: true };
}

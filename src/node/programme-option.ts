import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { RuleSet } from "../parameters/types.js";
import { checkProgramme } from "../rule-sets/index.js";
import { defaultProgramme } from "../rules/default.js";
import { isProgramme, type Programme } from "../rules/programme.js";
import { echoText } from "../errors/echo.js";
import { UsageError, type CliIo } from "./io.js";
import { reasonOf } from "./output.js";
import { loadRulesOption } from "./rules-option.js";

/** The `--programme` modules this process loaded: an error thrown from their code is theirs (see {@link programmeFailure}). */
const loadedModules: { readonly href: string; readonly path: string; readonly shown: string }[] = [];

/**
 * An error thrown by the code of a loaded `--programme` module (its stack passes through the module's file): the
 * programme's own bug, said as such (exit 2, `programme-failed`), not "a bug in exitfund" (exit 70).
 */
export function programmeFailure(error: unknown): UsageError | undefined {
  if (!(error instanceof Error) || typeof error.stack !== "string") return undefined;
  const stack = error.stack;
  const module = loadedModules.find((one) => stack.includes(one.href) || stack.includes(one.path));
  if (module === undefined) return undefined;
  const shown = echoText(module.shown);
  const said = echoText(`${error.name}: ${error.message.split("\n")[0] ?? ""}`, 200);
  return new UsageError(
    `the programme "${shown}" failed while it computed: ${said}; nothing was computed — fix the programme (this is its bug, not the cases' or exitfund's)`,
    {
      code: "programme-failed",
      zh: `方案模块 "${shown}" 在计算时出错：${said}；未作计算——请修正该方案（这是方案的缺陷，不是案件或 exitfund 的问题）`,
    },
  );
}

/**
 * `--programme <module>`: an ES module (path relative to the working directory) whose default export, or export
 * `programme`, is a programme built with `programme(...)` from `exitfund/rules`. Default: the default programme.
 *
 * @throws UsageError when the module cannot be read or loaded, or exports no programme.
 */
export async function loadProgrammeOption(value: string | undefined, io: CliIo): Promise<Programme> {
  if (value === undefined) return defaultProgramme;
  const path = resolve(io.cwd, value);
  const shown = echoText(value);
  try {
    await stat(path);
  } catch (error) {
    const missing = ["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "");
    const reason = reasonOf(error);
    throw new UsageError(`cannot read the programme "${shown}": ${missing ? "no such file" : reason.en}`, {
      code: missing ? "no-such-file" : "cannot-read",
      zh: `无法读取方案模块 "${shown}"：${missing ? "文件不存在" : reason.zh}`,
    });
  }
  let module: { readonly default?: unknown; readonly programme?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as typeof module;
  } catch (error) {
    // The loader's message names the module by its absolute URL: it is named as the user typed it instead.
    const said = ((error as Error).message.split("\n")[0] ?? "")
      .replaceAll(pathToFileURL(path).href, value)
      .replaceAll(path, value);
    throw new UsageError(`cannot load the programme "${shown}": ${echoText(said, 200)}`, {
      code: "programme-load-failed",
      zh: `无法加载方案模块 "${shown}"：模块在加载时出错（「${echoText(said, 200)}」）`,
    });
  }
  loadedModules.push({ href: pathToFileURL(path).href, path, shown: value });
  const found = [module.default, module.programme].find(isProgramme);
  if (found === undefined)
    throw new UsageError(
      `"${shown}" exports no programme: give it \`export default programme(...)\` (or \`export const programme = …\`) built with exitfund/rules`,
      {
        code: "not-a-programme",
        zh: `"${shown}" 未导出方案：请以 exitfund/rules 构建方案，并写 \`export default programme(...)\`（或 \`export const programme = …\`）`,
      },
    );
  return found;
}

/**
 * `--programme` and `--rules` together: the programme, and the rule set loaded for it, checked to value every
 * parameter the programme declares (a programme with new parameters needs a rule set that values them).
 */
export async function loadProgrammeAndRules(
  values: { readonly [name: string]: string | boolean | undefined },
  io: CliIo,
): Promise<{ programme: Programme; ruleSet: RuleSet }> {
  const programme = await loadProgrammeOption(values.programme as string | undefined, io);
  const ruleSet = await loadRulesOption(values.rules as string | undefined, io, programme);
  checkProgramme(ruleSet, programme);
  return { programme, ruleSet };
}

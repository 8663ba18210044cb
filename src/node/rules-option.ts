import { dirname, resolve } from "node:path";
import type { RuleSet, RuleSetJson } from "../parameters/types.js";
import { bundledRuleSet, defaultRuleSet, loadWith } from "../rule-sets/index.js";
import { defaultProgramme } from "../rules/default.js";
import type { Programme } from "../rules/programme.js";
import { RuleSetError } from "../errors/index.js";
import { ruleSetOfWorkbook } from "./formats/ruleSetWorkbook.js";
import type { CliIo } from "./io.js";
import { limitsOf } from "./limits.js";
import { parseJsonText, readBytes, readText, sayNotices, shownPath } from "./read.js";

/** A name in `extends` (or `--rules`) that is a file, not a bundled id. */
function isPath(name: string): boolean {
  return bundledRuleSet(name) === undefined && (/[/\\]/.test(name) || /\.(json|xlsx)$/i.test(name));
}

/**
 * `--rules <file|id>`: a bundled rule-set id, or the path of a rule-set JSON file or parameter workbook (`.xlsx`,
 * as `exitfund rules template --format xlsx` writes it), loaded for `programme` (validated, `extends` applied; a
 * workbook's problems named by sheet, row and column). `extends` may name a bundled id or another rule-set file,
 * relative to the file that extends it; a chain of files is read first, then resolved and checked as one.
 */
export async function loadRulesOption(
  value: string | undefined,
  io: CliIo,
  programme: Programme = defaultProgramme,
): Promise<RuleSet> {
  if (value === undefined) return defaultRuleSet;
  const bundled = bundledRuleSet(value);
  if (bundled !== undefined) return bundled;
  const where: { at?: (path: string) => string | undefined } = {};
  const { json, bases } = await readChain(value, io, programme, where);
  try {
    return loadWith(json, programme, (name) => bases.get(name) as RuleSetJson | undefined);
  } catch (error) {
    const at = where.at;
    if (!(error instanceof RuleSetError)) throw error;
    // Each problem named in its file (a workbook's by the cell it came from), as every other input's is.
    const inFile = (path: string) =>
      path === "" ? value : path === value || path.startsWith(`${value} › `) ? path : `${value} › ${path}`;
    throw new RuleSetError(error.issues.map((one) => ({ ...one, path: at?.(one.path) ?? inFile(one.path) })));
  }
}

/** The rule set of a file: JSON, or a parameter workbook (whose cells `where.at` names by the JSON's paths). */
async function readRuleSetFile(
  path: string,
  shown: string,
  io: CliIo,
  programme: Programme,
  where: { at?: (path: string) => string | undefined },
): Promise<unknown> {
  if (!/\.xlsx$/i.test(path)) return parseJsonText(await readText(path, io, shown), shown);
  const read = await ruleSetOfWorkbook(await readBytes(path, io, shown), shown, programme, limitsOf(io));
  sayNotices(io, read.notices);
  where.at ??= read.where;
  return read.json;
}

function extendsOf(json: unknown): string | undefined {
  const name = typeof json === "object" && json !== null ? (json as { extends?: unknown }).extends : undefined;
  return typeof name === "string" ? name : undefined;
}

/**
 * The rule set of `file`, and by name every rule-set file its `extends` chain names: the first by the name
 * written in `file`; below it each `extends` is made absolute (resolved against its own file), and the core asks
 * for that. A file met twice ends the walk; the core then reports the circle.
 */
async function readChain(
  file: string,
  io: CliIo,
  programme: Programme,
  where: { at?: (path: string) => string | undefined },
): Promise<{ json: unknown; bases: Map<string, unknown> }> {
  const bases = new Map<string, unknown>();
  const read = new Map<string, unknown>();
  let path = resolve(io.cwd, file);
  const json = await readRuleSetFile(path, file, io, programme, where);
  read.set(path, json);
  let current = json;
  let key: string | undefined;
  for (;;) {
    const name = extendsOf(current);
    if (name === undefined || !isPath(name)) return { json, bases };
    const basePath = resolve(dirname(path), name);
    if (key !== undefined) bases.set(key, { ...(current as object), extends: basePath });
    const nextKey = key === undefined ? name : basePath;
    const known = read.get(basePath);
    if (known !== undefined) {
      bases.set(nextKey, known);
      return { json, bases };
    }
    const base = await readRuleSetFile(basePath, shownPath(basePath, io), io, programme, {});
    read.set(basePath, base);
    bases.set(nextKey, base);
    key = nextKey;
    current = base;
    path = basePath;
  }
}

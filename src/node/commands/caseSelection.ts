import { echoText } from "../../errors/echo.js";
import { distance } from "../../schemas/issues.js";
import { UsageError } from "../io.js";

/** The known ids closest to `id`: those ending with it (`0009` → `E-2016-0009`), else within a third of its length. */
export function closestIds(id: string, known: readonly string[], limit = 3): string[] {
  const lower = id.toLowerCase();
  const ending = known.filter((candidate) => candidate.toLowerCase().endsWith(lower));
  if (ending.length > 0) return ending.slice(0, limit);
  if (id.length > 64) return [];
  const near = Math.max(1, Math.floor(id.length / 3));
  return known
    .map((candidate) => ({ candidate, d: distance(candidate.toLowerCase(), lower) }))
    .filter((entry) => entry.d <= near)
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

/**
 * The case ids `--case` names, checked against the ids of the cases: an unknown one is a usage error naming it,
 * with the closest ids (did you mean …?) — every unknown id at once.
 */
export function selectCases(wanted: readonly string[], known: readonly string[]): ReadonlySet<string> {
  const ids = new Set(known);
  const unknown = wanted.filter((id) => !ids.has(id));
  if (unknown.length === 0) return new Set(wanted);
  const parts = unknown.map((id) => {
    const close = closestIds(id, known);
    return { id: echoText(id), close: close.map((candidate) => echoText(candidate)) };
  });
  const en = parts
    .map(
      (part) =>
        `"${part.id}"${part.close.length === 0 ? "" : ` (did you mean ${part.close.map((c) => `"${c}"`).join(", ")}?)`}`,
    )
    .join("; ");
  const zh = parts
    .map(
      (part) =>
        `"${part.id}"${part.close.length === 0 ? "" : `（是否指 ${part.close.map((c) => `"${c}"`).join("、")}？）`}`,
    )
    .join("；");
  throw new UsageError(`--case names no case of the file: ${en}; give the id of a case (its "id" field)`, {
    code: "unknown-case-id",
    zh: `--case 所给编号不在案件文件中：${zh}；请给出案件的编号（"id" 字段）`,
  });
}

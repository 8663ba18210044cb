import { describe, expect, it } from "vitest";
import { runCliCapture } from "../support/cli.js";

/** Every command and subcommand with a help of its own. */
const COMMANDS: readonly (readonly string[])[] = [
  ["compute"],
  ["verify"],
  ["audit"],
  ["budget"],
  ["compare"],
  ["report"],
  ["demo"],
  ["rules"],
  ["rules", "template"],
  ["rules", "diff"],
  ["template"],
  ["serve"],
  ["test"],
  ["schema"],
  ["verify-receipt"],
];

/**
 * The English words a Chinese help may hold. Besides these words, the allowlist is: text in `…` (a code, a
 * field, a JSON shape: kept as typed), option names (`--rules`, `-h`), file names, paths and addresses (a token
 * with `/` or an `.ext`), codes (kebab-case `structure-clearance`, dotted `clearance.rates`, camelCase,
 * `LC_ALL`), the command names, and the command lines under 示例： (what is typed, not prose). Anything else is an
 * untranslated word.
 */
const ALLOWED = new Set([
  "exitfund",
  ...["json", "ndjson", "csv", "xlsx", "table", "text", "md", "html", "yaml", "yml", "zh", "en"],
  ...["compute", "verify", "audit", "budget", "compare", "report", "demo", "rules", "template", "diff"],
  ...["serve", "test", "schema", "receipt", "curl", "cat", "MB", "tongzhou"],
]);

function englishWords(help: string): string[] {
  const stripped = help
    .split("\n示例：\n")[0]!
    .replace(/`[^`\n]*`/g, " ")
    .replace(/(?<![\w-])--?[A-Za-z][\w-]*/g, " ")
    .replace(
      /[^\s\p{Script=Han}（），、：；「」《》]*(\/|\.[A-Za-z]{2,})[^\s\p{Script=Han}（），、：；「」《》]*/gu,
      " ",
    )
    .replace(/[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)+/g, " ")
    .replace(/\b[a-z]+[A-Z]\w*/g, " ");
  return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !ALLOWED.has(word));
}

/** The options a command accepts, as its usage error lists them. */
async function optionsOf(command: readonly string[]): Promise<string[]> {
  const run = await runCliCapture([...command, "--no-such-option-zz", "--lang", "en"]);
  const listed = /takes (.*?) and --help/.exec(run.stderr)?.[1] ?? "";
  return listed.match(/--[a-z][\w-]*/g) ?? [];
}

describe("every command's help, in Chinese and in English", () => {
  it.each(COMMANDS.map((command) => [command.join(" "), command] as const))(
    "exitfund %s --help: both languages, every option in each, no English word in the Chinese",
    async (_name, command) => {
      const zh = await runCliCapture([...command, "--help", "--lang", "zh"]);
      const en = await runCliCapture([...command, "--help", "--lang", "en"]);
      const asked = await runCliCapture(["help", ...command.slice(0, 1), "--lang", "zh"]);
      expect(zh.code).toBe(0);
      expect(en.code).toBe(0);
      expect(zh.stdout.trim().length).toBeGreaterThan(100);
      expect(en.stdout.trim().length).toBeGreaterThan(100);
      expect(zh.stdout).not.toBe(en.stdout);
      expect(zh.stdout.startsWith("用法：")).toBe(true);
      if (command.length === 1) expect(asked.stdout).toContain(zh.stdout.trim());
      for (const option of await optionsOf(command)) {
        expect(zh.stdout, `${option} in the Chinese help of ${command.join(" ")}`).toContain(option);
        expect(en.stdout, `${option} in the English help of ${command.join(" ")}`).toContain(option);
      }
      expect(englishWords(zh.stdout), zh.stdout).toEqual([]);
    },
  );

  it("the allowlist still catches an untranslated word", () => {
    expect(englishWords("--out <文件>  write to the file `json` docs/files.md structure-clearance")).toEqual([
      "write",
      "to",
      "the",
      "file",
    ]);
  });
});

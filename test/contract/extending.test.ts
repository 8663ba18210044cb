// docs/extending.md recomputes what it shows: every `<!-- file: … -->` block is written out, every
// `<!-- excerpt: … -->` block is found in the file it quotes, and every `<!-- run -->` command is run and its
// output compared with the text block after it — exactly, or with `<!-- run: lines -->` line by line, in order
// ("…" stands for lines left out). The guide's files go to scratch/extending/ (gitignored), beside a copy of
// examples/changping-2015, and the commands run there, in-process; a programme module there imports
// `exitfund` and `exitfund/rules`, which vitest resolves to the sources.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { runCliCapture } from "../support/cli.js";

const root = join(import.meta.dirname, "../..");
const scratch = join(root, "scratch/extending");
const guide = readFileSync(join(root, "docs/extending.md"), "utf8");

interface Block {
  readonly marker: string;
  readonly argument: string;
  readonly body: string;
  readonly output?: string;
}

/** Each marked block of the guide: the marker, its argument, the fenced block after it (and, for a run, the next). */
function blocksOf(markdown: string): Block[] {
  const fence = "```[a-z]*\\n([\\s\\S]*?)\\n```";
  const pattern = new RegExp(`<!-- (file|excerpt|run)(?:: ([^ ]+))? -->\\n${fence}(?:\\n\\n${fence})?`, "g");
  return [...markdown.matchAll(pattern)].map((match) => ({
    marker: match[1] ?? "",
    argument: match[2] ?? "",
    body: match[3] ?? "",
    ...(match[1] === "run" ? { output: match[4] ?? "" } : {}),
  }));
}

const blocks = blocksOf(guide);
const runs = blocks.filter((block) => block.marker === "run");

/** Runs `$ npx exitfund …` in-process, or `$ node file.mjs` by importing it with console.log captured. */
async function run(command: string): Promise<string> {
  const words = command.replace(/^\$ /, "").split(" ");
  if (words[0] === "npx" && words[1] === "exitfund") {
    const result = await runCliCapture(words.slice(2), { cwd: scratch });
    return result.stdout + result.stderr;
  }
  if (words[0] === "node" && words.length === 2) {
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      lines.push(format(...args));
    });
    try {
      await import(pathToFileURL(join(scratch, words[1] ?? "")).href);
    } finally {
      log.mockRestore();
    }
    return lines.join("\n");
  }
  throw new Error(`the guide runs only "npx exitfund …" and "node <file>": ${command}`);
}

/** The expected lines, each found after the one before ("…" skips). */
function expectLinesInOrder(actual: string, expected: string): void {
  const lines = actual.split("\n");
  let from = 0;
  for (const line of expected.split("\n")) {
    if (line === "…") continue;
    const wanted = line.startsWith("…") ? line.slice(1) : line;
    const at = lines.findIndex((candidate, index) => index >= from && candidate.includes(wanted));
    expect(at, `not found in order: ${line}\n--- output ---\n${actual}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

describe("docs/extending.md", () => {
  beforeAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    cpSync(join(root, "examples/changping-2015"), join(scratch, "examples/changping-2015"), { recursive: true });
    for (const block of blocks.filter((one) => one.marker === "file")) {
      const path = join(scratch, block.argument);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${block.body}\n`);
    }
  });

  it("has files, excerpts and commands", () => {
    expect(blocks.filter((block) => block.marker === "file").length).toBeGreaterThanOrEqual(5);
    expect(blocks.filter((block) => block.marker === "excerpt").length).toBeGreaterThanOrEqual(5);
    expect(runs.length).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks.filter((block) => block.marker === "excerpt").map((block) => [block.argument, block.body]))(
    "quotes %s as it is",
    (path, body) => {
      expect(readFileSync(join(root, path), "utf8")).toContain(body);
    },
  );

  it.each(runs.map((block) => [block.body, block]))("%s", async (_command, block) => {
    const output = (await run(block.body)).replaceAll("\r\n", "\n"); // a CSV's lines end in CRLF
    if (block.argument === "lines") expectLinesInOrder(output, block.output ?? "");
    else expect(output.trimEnd()).toBe(block.output);
  });
});

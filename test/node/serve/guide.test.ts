import { execFile, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES, testServer } from "./support.js";

/**
 * docs/serve.md shows real output: every ```console block that runs curl, and the Python example, are run here
 * against a server (the block's http://127.0.0.1:8080 is this test's server), in the repository folder, and
 * must print what the guide shows. After a change, `SERVE_DOC_UPDATE=1 npx vitest run test/node/serve/guide.test.ts`
 * writes the outputs into the guide; read the diff before committing it.
 */

const ROOT = join(import.meta.dirname, "../../..");
const GUIDE = join(ROOT, "docs/serve.md");
const DOC_URL = "http://127.0.0.1:8080";
const UPDATE = process.env.SERVE_DOC_UPDATE === "1";

function available(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const hasCurl = available("curl", ["--version"]);
const hasPython = available("python3", ["-c", "import requests"]);
const hasJq = available("jq", ["--version"]);

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server.close();
});

/** Runs `program` with `args` in the repository folder (asynchronously: the server answers in this process). */
function run(program: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(program, [...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** A console block: its command (continuation lines joined), what it prints, and where that is in the guide. */
interface ConsoleBlock {
  readonly command: string;
  readonly output: string;
  readonly start: number;
  readonly end: number;
}

function consoleBlocks(guide: string): ConsoleBlock[] {
  const blocks: ConsoleBlock[] = [];
  for (const match of guide.matchAll(/```console\n([\s\S]*?)```/g)) {
    const lines = (match[1] ?? "").split("\n");
    const command: string[] = [];
    let index = 0;
    for (; index < lines.length; index += 1) {
      const line = lines[index] ?? "";
      const text = index === 0 ? line.replace(/^\$ /, "") : line;
      command.push(text.replace(/\\$/, ""));
      if (!line.endsWith("\\")) break;
    }
    const body = lines.slice(index + 1).join("\n");
    const start = (match.index ?? 0) + "```console\n".length + lines.slice(0, index + 1).join("\n").length + 1;
    blocks.push({ command: command.join(" "), output: body, start, end: start + body.length });
  }
  return blocks.filter((block) => block.command.startsWith("curl "));
}

describe.skipIf(!hasCurl)("docs/serve.md: the curl examples print what the guide shows", () => {
  it("every curl block", async () => {
    let guide = readFileSync(GUIDE, "utf8");
    const blocks = consoleBlocks(guide);
    expect(blocks.length).toBeGreaterThan(10);
    const outputs: string[] = [];
    for (const block of blocks)
      outputs.push(
        !hasJq && /\| jq /.test(block.command)
          ? block.output
          : await run("bash", ["-c", block.command.replaceAll(DOC_URL, server.url)]),
      );
    if (UPDATE) {
      for (let index = blocks.length - 1; index >= 0; index -= 1) {
        const block = blocks[index];
        if (block === undefined) continue;
        guide = `${guide.slice(0, block.start)}${outputs[index]}${guide.slice(block.end)}`;
      }
      writeFileSync(GUIDE, guide);
      return;
    }
    blocks.forEach((block, index) => {
      if (hasJq || !/\| jq /.test(block.command)) expect(outputs[index], block.command).toBe(block.output);
    });
  });

  it("every endpoint has an example", () => {
    const commands = consoleBlocks(readFileSync(GUIDE, "utf8")).map((block) => block.command);
    for (const path of ROUTES.map((route) => route.replace("{id}", "tongzhou-2016").replace("{name}", "")))
      expect(
        commands.some((command) => command.includes(`${DOC_URL}${path}`)),
        path,
      ).toBe(true);
  });
});

describe.skipIf(!hasPython)("docs/serve.md: the Python example", () => {
  it("prints what the guide shows (python3 with requests)", async () => {
    let guide = readFileSync(GUIDE, "utf8");
    const match = /```python\n([\s\S]*?)```\n\nIt prints:\n\n```text\n([\s\S]*?)```/.exec(guide);
    expect(match).not.toBeNull();
    const [, program = "", shown = ""] = match ?? [];
    const output = await run("python3", ["-", server.url], program.replaceAll(DOC_URL, server.url));
    if (UPDATE) {
      guide = guide.replace(`\`\`\`text\n${shown}\`\`\``, `\`\`\`text\n${output}\`\`\``);
      writeFileSync(GUIDE, guide);
      return;
    }
    expect(output).toBe(shown);
  });
});

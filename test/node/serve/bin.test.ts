import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../../package.json";
import { exposureWarning } from "../../../src/node/commands/serve.js";
import { runCliCapture } from "../../support/cli.js";
import { enterpriseCase } from "../../fixtures/cases.js";
import { tempDir } from "../formats/support.js";
import { postJson, send } from "./support.js";

/** The built bin, as users run it (`npm test` builds it before the tests). */
const CLI = resolve(import.meta.dirname, "../../..", (packageJson.bin as { exitfund: string }).exitfund);

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, "token"), "0123456789abcdef-token\n");
  await chmod(join(dir, "token"), 0o600);
  await writeFile(join(dir, "short"), "abc\n");
});

/** Starts `exitfund serve --port 0 …args` and resolves with its URL once it listens. */
async function startBin(
  args: readonly string[] = [],
): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0", ...args], { cwd: dir, stdio: "pipe" });
  let stderr = "";
  const url = await new Promise<string>((done, fail) => {
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(stderr);
      if (found?.[1] !== undefined) done(found[1]);
    });
    child.on("exit", (code) => fail(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.on("exit", (code) => done(code)));
}

describe.skipIf(!existsSync(CLI))("the bin: exitfund serve", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("%s: stops accepting, finishes the request in flight, exits %i", async (signal, code) => {
    const { child, url, stderr } = await startBin();
    expect((await send(url, { path: "/health" })).status).toBe(200);
    // A request in flight: its body is sent in two parts, the signal in between.
    const refusals: (string | undefined)[] = [];
    const { request } = await import("node:http");
    const reply = new Promise<{ status: number; text: string }>((done, fail) => {
      const pending = request(new URL("/compute", url), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        agent: false,
      });
      pending.on("response", (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => done({ status: response.statusCode ?? 0, text }));
      });
      pending.on("error", fail);
      pending.write(`[${JSON.stringify(enterpriseCase)}`);
      // Once the server holds the request, the signal; once no new connection is accepted, the body's end.
      const inFlight = async () => ((await send(url, { path: "/health" })).json() as { inFlight: number }).inFlight;
      const refused = async () => {
        for (let tries = 0; tries < 500; tries += 1) {
          try {
            await send(url, { path: "/health" });
          } catch (error) {
            return (error as NodeJS.ErrnoException).code;
          }
          await new Promise((wait) => setTimeout(wait, 20));
        }
        return "still accepting";
      };
      void (async () => {
        for (let tries = 0; tries < 500 && (await inFlight()) !== 1; tries += 1)
          await new Promise((wait) => setTimeout(wait, 20));
        child.kill(signal);
        refusals.push(await refused());
        pending.end("]");
      })();
    });
    const status = exited(child);
    const answered = await reply;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toMatchObject({ results: [{ id: "E-1" }] });
    expect(await status).toBe(code);
    // Refused, or reset when it reached the backlog as the listener closed: never answered.
    expect(refusals).toHaveLength(1);
    expect(["ECONNREFUSED", "ECONNRESET"]).toContain(refusals[0]);
    expect(stderr()).toContain(`${signal}: no new connections; finishing 1 request(s) in flight`);
    expect(stderr()).toMatch(/POST \/compute 200 \d+ms/);
    expect(stderr()).toContain("exitfund serve: stopped");
  });

  it("--token-file: the bin asks for the token; the token never appears in its log", async () => {
    const { child, url, stderr } = await startBin(["--token-file", "token"]);
    try {
      expect((await postJson(url, "/compute", [enterpriseCase])).status).toBe(401);
      const ok = await postJson(url, "/compute", [enterpriseCase], { Authorization: "Bearer 0123456789abcdef-token" });
      expect(ok.status).toBe(200);
      expect(stderr()).toContain("token required");
      expect(stderr()).not.toContain("0123456789abcdef");
      expect(stderr()).not.toContain("warning");
    } finally {
      const status = exited(child);
      child.kill("SIGTERM");
      expect(await status).toBe(143);
    }
  });
});

describe("exitfund serve: its options", () => {
  it.each([
    [["--port", "99999"], "bad-number", "--port must be a whole number from 0 to 65535"],
    [["--port", "80a"], "bad-number", "--port"],
    [["--concurrency", "0"], "bad-number", "--concurrency"],
    [["--max-body", "-1"], "bad-number", "--max-body"],
    [["--cors", "*"], "bad-origin", "--cors takes exact origins"],
    [["--cors", "https://a.example/"], "bad-origin", "no trailing slash"],
    [["--token-file", "short"], "bad-token", "at least 16 characters"],
    [["--token-file", "missing"], "no-such-file", "no such file"],
    [["--rules", "nowhere.json"], "no-such-file", "no such file"],
    [["extra"], "unexpected-argument", "serve takes no argument"],
  ])("%j is a usage error before anything listens", async (args, _code, text) => {
    const result = await runCliCapture(["serve", ...args], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(text);
  });

  it("a port in use is a usage error naming it", async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, "127.0.0.1", done));
    const port = (taken.address() as { port: number }).port;
    try {
      const result = await runCliCapture(["serve", "--port", String(port)], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use`);
    } finally {
      taken.close();
    }
  });

  it("binding beyond loopback without a token warns, in English and Chinese; loopback or a token does not", () => {
    expect(exposureWarning({ host: "0.0.0.0" })).toMatch(
      /^exitfund serve: warning: listening on 0\.0\.0\.0.*--token-file/,
    );
    expect(exposureWarning({ host: "0.0.0.0" }, "zh")).toMatch(
      /^exitfund serve：警告：服务监听 0\.0\.0\.0.*--token-file/,
    );
    expect(exposureWarning({ host: "192.168.1.5" })).toBeDefined();
    for (const host of ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
      expect(exposureWarning({ host })).toBeUndefined();
    expect(exposureWarning({ host: "0.0.0.0", token: "0123456789abcdef" })).toBeUndefined();
  });

  it("help: exitfund serve --help and help serve print the help", async () => {
    const result = await runCliCapture(["help", "serve"]);
    expect(result.stdout).toContain("exitfund serve [--host 127.0.0.1] [--port 8080]");
    expect(result.stdout).toContain("--token-file");
  });
});

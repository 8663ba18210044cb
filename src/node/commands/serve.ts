import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { echoText } from "../../errors/echo.js";
import type { RuleSet } from "../../parameters/types.js";
import { ruleSets } from "../../rule-sets/index.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { loadProgrammeAndRules } from "../programme-option.js";
import { readText } from "../read.js";
import { isLoopback, startServer, type RunningServer, type ServeOptions } from "../serve/http.js";
import { parseCommand } from "./args.js";
import { HELP_ZH } from "../help-zh.js";
import { SERVE_WITH, sayLine, type Said } from "../messages.js";
import type { Lang } from "../lang.js";

/** `exitfund serve --help` in each language. */
export const SERVE_HELP: Said = {
  en: `Usage: exitfund serve [--host 127.0.0.1] [--port 8080] [--rules <file|id>] [--programme <module>] [--cors <origin,…>] [--token-file <file>] [--max-body <bytes>] [--timeout <ms>] [--concurrency <n>]

提供 HTTP JSON 接口 · Serves the CLI's documents over HTTP for budgeting tools (Excel Power Query, Python, a
commission's systems): each POST takes the cases document the CLI reads (an array, or { "cases": [...] } with
the command's options beside it) and answers the document the command prints with --format json, byte for byte.

  POST /compute /verify /audit /budget /compare /explain     GET /rules /rules/{id} /schemas /schemas/{name}
  GET /openapi.json (OpenAPI 3.1)   GET /health

  --host <address>     where to listen (default 127.0.0.1: this machine only); another address without
                       --token-file prints a warning  监听地址，默认仅本机
  --port <n>           the port (default 8080; 0 for a free one, printed on stderr)  端口
  --rules <file|id>    the default rule set of every request (default tongzhou-2016); requests may name
                       it, a bundled one, or give one inline  默认规则集
  --programme <file>   an ES module whose default export is a programme (exitfund/rules): a district's
                       extensions (docs/extending.md); requests never load code  地区扩展
  --cors <origins>     origins a browser page may call from, exact and comma-separated
                       (https://budget.example.gov.cn); none by default  允许跨域的来源
  --token-file <file>  every route but /health needs Authorization: Bearer <the file's token> (at least
                       16 characters; keep the file readable by you only)  访问令牌文件
  --max-body <bytes>   the largest request body read (default 16777216, 16 MB): larger is 413  请求体上限
  --timeout <ms>       the longest a request may take (default 30000): longer is 503  单个请求时限
  --concurrency <n>    requests handled at once (default 4): more are 503 with Retry-After  并发上限

Errors are JSON { code, message, zh }: 400 not JSON (a key given twice too), 401 token, 403 host or origin,
404 no route, 405 wrong method (Allow), 413 too large, 415 not application/json, 422 invalid input (issues:
every problem, as the CLI lists it), 503 busy or too slow (Retry-After). One line per request on stderr
(method, path, status, ms; never a body). SIGINT/SIGTERM: stops accepting, finishes the requests in flight,
exits 130/143. docs/serve.md.
  exitfund serve
  curl -s -H 'Content-Type: application/json' --data-binary @cases.json http://127.0.0.1:8080/compute`,
  zh: HELP_ZH.serve,
};

/** Who says the server's lines on stderr. */
const SERVE = "exitfund serve";

const DEFAULTS = { host: "127.0.0.1", port: 8080, maxBody: 16 * 1024 * 1024, timeout: 30_000, concurrency: 4 };

/** A whole number in [min, max] given to `--name`. */
function integerOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got "${echoText(value)}"`, {
      code: "bad-number",
      zh: `--${name} 须为 ${min} 到 ${max} 之间的整数，收到 "${echoText(value)}"`,
    });
  return number;
}

/** `--cors a,b`: each an exact origin (`scheme://host[:port]`, no path), as a browser sends it. */
function corsOption(value: string | undefined): string[] {
  if (value === undefined) return [];
  const origins = value.split(",").map((part) => part.trim());
  for (const origin of origins) {
    let exact = false;
    try {
      const url = new URL(origin);
      exact = url.origin === origin && (url.protocol === "http:" || url.protocol === "https:");
    } catch {
      exact = false;
    }
    if (!exact)
      throw new UsageError(
        `--cors takes exact origins such as https://budget.example.gov.cn or http://localhost:3000, comma-separated (no path, no trailing slash, no wildcard); got "${echoText(origin)}"`,
        {
          code: "bad-origin",
          zh: `--cors 须为确切的来源（如 https://budget.example.gov.cn 或 http://localhost:3000），以逗号分隔（不含路径、结尾斜杠或通配符）；收到 "${echoText(origin)}"`,
        },
      );
  }
  return origins;
}

/** The token of `--token-file`: its text without the final line break, at least 16 characters, no spaces. */
async function tokenOption(file: string | undefined, io: CliIo): Promise<string | undefined> {
  if (file === undefined) return undefined;
  const token = (await readText(file, io)).replace(/\r?\n$/, "");
  if (token.length < 16 || /\s/.test(token))
    throw new UsageError(
      `--token-file "${echoText(file)}" must hold one token of at least 16 characters without spaces (e.g. openssl rand -hex 32 > ${echoText(file)})`,
      {
        code: "bad-token",
        zh: `--token-file "${echoText(file)}" 须只含一个至少 16 个字符且不含空白的令牌（例如 openssl rand -hex 32 > ${echoText(file)}）`,
      },
    );
  const mode = (await stat(resolve(io.cwd, file))).mode;
  if ((mode & 0o077) !== 0) io.stderr.write(sayLine(SERVE_WITH.readableToken(echoText(file)), io.lang, SERVE));
  return token;
}

/** The options of `exitfund serve`, checked, with the programme and rule sets loaded. */
export async function serveOptions(args: readonly string[], io: CliIo): Promise<ServeOptions | undefined> {
  const { values, positionals } = parseCommand(
    args,
    {
      host: "string",
      port: "string",
      rules: "string",
      programme: "string",
      cors: "string",
      "token-file": "string",
      "max-body": "string",
      timeout: "string",
      concurrency: "string",
    },
    SERVE_HELP,
    io,
  );
  if (values.help === true) return undefined;
  if (positionals.length > 0)
    throw new UsageError(`serve takes no argument, got "${echoText(positionals[0] ?? "")}"`, {
      code: "unexpected-argument",
      zh: `serve 不接受参数，收到 "${echoText(positionals[0] ?? "")}"`,
    });
  const host = (values.host as string | undefined) ?? DEFAULTS.host;
  const port = integerOption("port", values.port as string | undefined, DEFAULTS.port, 0, 65535);
  const maxBody = integerOption("max-body", values["max-body"] as string | undefined, DEFAULTS.maxBody, 1, 2 ** 30);
  const timeout = integerOption("timeout", values.timeout as string | undefined, DEFAULTS.timeout, 1, 3_600_000);
  const concurrency = integerOption(
    "concurrency",
    values.concurrency as string | undefined,
    DEFAULTS.concurrency,
    1,
    1000,
  );
  const cors = corsOption(values.cors as string | undefined);
  const token = await tokenOption(values["token-file"] as string | undefined, io);
  const { programme, ruleSet } = await loadProgrammeAndRules(values, io);
  const known = new Map<string, RuleSet>(Object.entries(ruleSets));
  known.set(ruleSet.id, ruleSet);
  return {
    host,
    port,
    maxBody,
    timeout,
    concurrency,
    cors,
    ...(token === undefined ? {} : { token }),
    context: { programme, ruleSet, ruleSets: known },
    log: (line) => io.stderr.write(`${line}\n`),
    ...(io.lang === undefined ? {} : { lang: io.lang }),
  };
}

/** The warning printed (in `lang`) when the server is reachable from other machines without a token, if it is. */
export function exposureWarning(options: Pick<ServeOptions, "host" | "token">, lang?: Lang): string | undefined {
  if (isLoopback(options.host) || options.token !== undefined) return undefined;
  return sayLine(SERVE_WITH.exposed(options.host), lang, SERVE);
}

/**
 * `exitfund serve`: listens until SIGINT or SIGTERM, then stops accepting, lets the requests in flight finish
 * and returns 130 or 143 (the CLI's convention for those signals).
 */
export async function runServe(args: readonly string[], io: CliIo): Promise<number> {
  const options = await serveOptions(args, io);
  if (options === undefined) return EXIT.ok;
  let running: RunningServer;
  try {
    running = await startServer(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${options.host}:${options.port}`;
    throw new UsageError(
      `cannot listen on ${where}: ${code === "EADDRINUSE" ? "the port is in use (give another --port)" : code === "EACCES" ? "not permitted (a port below 1024 needs privileges)" : code === "EADDRNOTAVAIL" ? "no such address on this machine" : echoText((error as Error).message, 120)}`,
      { code: "cannot-listen", zh: `无法在 ${where} 上监听：${code ?? ""}` },
    );
  }
  const warning = exposureWarning(options, io.lang);
  if (warning !== undefined) io.stderr.write(warning);
  const { ruleSet } = options.context;
  io.stderr.write(
    sayLine(
      SERVE_WITH.listening(running.url, ruleSet.id, String(ruleSet.version), options.token !== undefined),
      io.lang,
      SERVE,
    ),
  );
  // The bin's own SIGINT/SIGTERM handlers end the process at once; a server finishes its requests first.
  const signal = await new Promise<NodeJS.Signals>((resolveSignal) => {
    for (const name of ["SIGINT", "SIGTERM"] as const) {
      process.removeAllListeners(name);
      process.once(name, () => resolveSignal(name));
    }
  });
  const code = signal === "SIGINT" ? EXIT.interrupted : EXIT.terminated;
  for (const name of ["SIGINT", "SIGTERM"] as const) process.once(name, () => process.exit(code));
  io.stderr.write(sayLine(SERVE_WITH.stopping(signal, running.inFlight()), io.lang, SERVE));
  await running.close();
  io.stderr.write(sayLine(SERVE_WITH.stopped, io.lang, SERVE));
  return code;
}

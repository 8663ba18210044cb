import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import packageJson from "../../../package.json";
import { ISSUE_LIMIT, echoText, knownList } from "../../errors/echo.js";
import { isInvalidInputError, type InputIssue } from "../../errors/index.js";
import { writeJson } from "../formats/jsonWrite.js";
import { decodeUtf8 } from "../formats/text.js";
import type { Lang } from "../lang.js";
import { SERVE_WITH, sayLine } from "../messages.js";
import { parseJsonText } from "../read.js";
import {
  POST_HANDLERS,
  issueAtEntry,
  rulesList,
  ruleSetDocument,
  schemaDocument,
  schemasList,
  type ServeContext,
} from "./documents.js";
import { openApiDocument } from "./openapi.js";
import type { Endpoint } from "./requests.js";

/** How `exitfund serve` listens, what it computes with, and its limits (docs/serve.md, "Limits"). */
export interface ServeOptions {
  readonly host: string;
  /** 0 for a free port. */
  readonly port: number;
  readonly context: ServeContext;
  /** Origins allowed to call from a browser (exact `scheme://host[:port]`); none by default. */
  readonly cors: readonly string[];
  /** With a token, every route but `/health` needs `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** The most bytes of one request body. */
  readonly maxBody: number;
  /** The most milliseconds one request may take. */
  readonly timeout: number;
  /** The most requests handled at once (`/health` aside). */
  readonly concurrency: number;
  /** Where the one line per request goes (stderr in the CLI). */
  readonly log: (line: string) => void;
  /** The language of the lines on the log that are sentences (the internal-error line); English by default. */
  readonly lang?: Lang;
}

/** A server that is listening. */
export interface RunningServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly server: Server;
  /** Requests being handled now. */
  inFlight(): number;
  /** Stops accepting connections, lets the requests in flight finish (at most `timeout` ms more), then resolves. */
  close(): Promise<void>;
}

/** An error answer: a status, a stable code, and what happened in English and Chinese. */
interface Failure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly zh: string;
  readonly headers?: { readonly [name: string]: string };
  readonly issues?: readonly InputIssue[];
}

/** The time limit passed. */
class TimeoutError extends Error {}
/** The client closed its connection before its body ended: nobody waits for an answer. */
class ClientGone extends Error {}

const JSON_TYPE = "application/json; charset=utf-8";

/** The routes: a path (or a path prefix ending in `/`) and its methods. */
const POST_ROUTES: ReadonlyMap<string, Endpoint> = new Map(
  (["compute", "verify", "audit", "budget", "compare", "explain"] as const).map((name) => [`/${name}`, name]),
);
const GET_ROUTES: ReadonlySet<string> = new Set(["/health", "/rules", "/schemas", "/openapi.json"]);
const GET_PREFIXES = ["/rules/", "/schemas/"] as const;
const GET_ALLOW = "GET, HEAD, OPTIONS";
const POST_ALLOW = "POST, OPTIONS";

/** The methods a path answers, or undefined for a path that is no route. */
function allowOf(path: string): string | undefined {
  if (POST_ROUTES.has(path)) return POST_ALLOW;
  if (GET_ROUTES.has(path)) return GET_ALLOW;
  if (GET_PREFIXES.some((prefix) => path.startsWith(prefix) && path.length > prefix.length)) return GET_ALLOW;
  return undefined;
}

/** A loopback address or name: the server is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  return name === "localhost" || name === "::1" || /^127(\.\d{1,3}){3}$/.test(name) || name === "::ffff:127.0.0.1";
}

/** The host name of a `Host` header (`127.0.0.1:8080`, `[::1]:8080`, `localhost`). */
function hostNameOf(header: string): string {
  const bracketed = /^\[([^\]]*)\]/.exec(header);
  if (bracketed !== null) return bracketed[1] ?? "";
  return header.replace(/:\d*$/, "");
}

/** Compares two secrets in constant time (their SHA-256 digests, so a length says nothing either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const openApi = `${JSON.stringify(openApiDocument(options.context), null, 2)}\n`;
  let active = 0;
  let closing = false;
  const loopbackOnly = isLoopback(options.host) && options.token === undefined;

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  // `Expect: 100-continue` (curl's larger uploads): the body is asked for only once its type and length are right.
  server.on("checkContinue", (request: IncomingMessage, response: ServerResponse) => {
    void handle(request, response);
  });
  // Node's own guards against slow clients, a little beyond the request's own limit.
  server.headersTimeout = Math.min(60_000, options.timeout + 1_000);
  server.requestTimeout = options.timeout + 2_000;
  server.keepAliveTimeout = 5_000;
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({
      code: "bad-request",
      message: "the request is not HTTP/1.1 the server can read",
      zh: "请求不是服务器可读取的 HTTP/1.1 请求",
    });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  // CONNECT (asked of a proxy) never reaches the request handler: without this, Node drops the connection unanswered.
  server.on("connect", (request: IncomingMessage, socket: Duplex) => {
    const body = JSON.stringify({
      code: "method-not-allowed",
      message: "CONNECT is not answered: this server is not a proxy",
      zh: "不接受 CONNECT：本服务器不是代理",
    });
    options.log(`${new Date().toISOString()} CONNECT ${echoText(request.url ?? "", 200)} 405 0ms`);
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? "GET";
    let path = "/";
    try {
      path = new URL(request.url ?? "/", "http://localhost").pathname;
    } catch {
      path = request.url ?? "/";
    }
    response.on("close", () => {
      options.log(
        `${new Date().toISOString()} ${echoText(method, 20)} ${echoText(path, 200)} ${response.headersSent ? response.statusCode : "-"} ${Math.round(performance.now() - started)}ms`,
      );
    });
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (closing) response.setHeader("Connection", "close");
    let counted = false;
    try {
      const early = gate(request, response, method, path);
      if (early === "answered") return;
      if (early !== undefined) return await answer(response, early);
      if (method === "OPTIONS") {
        response.setHeader("Allow", allowOf(path) ?? GET_ALLOW);
        response.writeHead(204).end();
        return;
      }
      if (path !== "/health") {
        if (active >= options.concurrency)
          return await answer(response, {
            status: 503,
            code: "busy",
            message: `the server is handling ${options.concurrency} requests already (--concurrency ${options.concurrency}): retry in a moment`,
            zh: `服务器已在处理 ${options.concurrency} 个请求（--concurrency ${options.concurrency}）：请稍后重试`,
            headers: { "Retry-After": "1" },
          });
        active += 1;
        counted = true;
      }
      await route(request, response, method, path, started);
    } catch (error) {
      await answer(response, failureOf(error, request));
    } finally {
      if (counted) active -= 1;
    }
  }

  /** Host, CORS, preflight, route and method, and the token: an answer when the request goes no further. */
  function gate(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    path: string,
  ): Failure | "answered" | undefined {
    const host = request.headers.host ?? "";
    if (loopbackOnly && !isLoopback(hostNameOf(host)))
      return {
        status: 403,
        code: "host-not-allowed",
        message: `Host ${JSON.stringify(echoText(host))} is not this machine: a server bound to ${options.host} without a token answers only requests addressed to localhost (a web page cannot reach it through another name)`,
        zh: `Host ${JSON.stringify(echoText(host))} 不是本机：绑定在 ${options.host} 且未设令牌的服务只应答发往本机（localhost）的请求`,
      };
    const origin = request.headers.origin;
    const allowedOrigin = origin !== undefined && options.cors.includes(origin);
    if (allowedOrigin) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Vary", "Origin");
    }
    if (
      method === "OPTIONS" &&
      origin !== undefined &&
      request.headers["access-control-request-method"] !== undefined
    ) {
      if (!allowedOrigin)
        return {
          status: 403,
          code: "origin-not-allowed",
          message: `origin ${JSON.stringify(echoText(origin))} may not call this server from a browser: start it with --cors ${echoText(origin)}`,
          zh: `来源 ${JSON.stringify(echoText(origin))} 不允许从浏览器调用本服务：请以 --cors ${echoText(origin)} 启动服务`,
        };
      response.setHeader("Access-Control-Allow-Methods", allowOf(path) ?? GET_ALLOW);
      response.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization");
      response.setHeader("Access-Control-Max-Age", "600");
      response.writeHead(204).end();
      return "answered";
    }
    if (options.token !== undefined && path !== "/health") {
      const header = request.headers.authorization ?? "";
      const given = /^Bearer ([^\s]+)$/i.exec(header)?.[1];
      if (given === undefined || !sameSecret(given, options.token))
        return {
          status: 401,
          code: header === "" ? "token-required" : "token-wrong",
          message:
            header === ""
              ? "this server needs a token: send Authorization: Bearer <token> (the server's --token-file)"
              : "the token is wrong: send Authorization: Bearer <token> with the token of the server's --token-file",
          zh:
            header === ""
              ? "本服务需要令牌：请发送 Authorization: Bearer <令牌>（服务器 --token-file 中的令牌）"
              : "令牌不正确：请以 Authorization: Bearer <令牌> 发送服务器 --token-file 中的令牌",
          headers: { "WWW-Authenticate": 'Bearer realm="exitfund"' },
        };
    }
    const allow = allowOf(path);
    if (allow === undefined)
      return {
        status: 404,
        code: "not-found",
        message: `no route ${echoText(path, 200)}; routes: POST ${[...POST_ROUTES.keys()].join(", ")}; GET ${[...GET_ROUTES].join(", ")}, /rules/{id}, /schemas/{name} (docs/serve.md)`,
        zh: `没有路径 ${echoText(path, 200)}；可用：POST ${[...POST_ROUTES.keys()].join("、")}；GET ${[...GET_ROUTES].join("、")}、/rules/{id}、/schemas/{name}（见 docs/serve.md）`,
      };
    if (method !== "OPTIONS" && !allow.split(", ").includes(method))
      return {
        status: 405,
        code: "method-not-allowed",
        message: `${echoText(method, 20)} is not answered on ${echoText(path, 200)}: use ${allow.replace(", OPTIONS", "")}`,
        zh: `${echoText(path, 200)} 不接受 ${echoText(method, 20)}：请用 ${allow.replace(", OPTIONS", "")}`,
        headers: { Allow: allow },
      };
    return undefined;
  }

  async function route(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    path: string,
    started: number,
  ): Promise<void> {
    const deadline = () => {
      if (performance.now() - started > options.timeout) throw new TimeoutError();
    };
    const endpoint = POST_ROUTES.get(path);
    if (endpoint !== undefined && method === "POST") {
      const bytes = await readBody(request, response, options, started);
      let body: unknown;
      try {
        body = parseJsonText(decodeUtf8(bytes, "(body)"), "(body)");
      } catch (error) {
        if (!isInvalidInputError(error)) throw error;
        const code = error.issues[0]?.code;
        return await answer(response, {
          status: 400,
          code:
            code === "empty-file" ? "empty-body" : code !== undefined && BODY_CODES.has(code) ? code : "malformed-json",
          message: `the body is not JSON the server reads (UTF-8, no key given twice, as the CLI reads a file): ${error.issues.length} problem${error.issues.length === 1 ? "" : "s"}`,
          zh: `请求体不是可读取的 JSON（与命令行读文件相同：UTF-8，同一键不得重复）：${error.issues.length} 处问题`,
          issues: error.issues.map((issue) => bodyIssueAtEntry(issue, bytes)),
        });
      }
      const { document, exitStatus } = POST_HANDLERS[endpoint](body, options.context, deadline);
      deadline();
      return await sendDocument(response, 200, document, { "Exitfund-Exit-Status": String(exitStatus) });
    }
    const found = getDocument(path);
    if (found === undefined) {
      const [what, name] = path.startsWith("/rules/") ? ["rule set", "规则集"] : ["schema", "结构定义"];
      const known = path.startsWith("/rules/")
        ? [...options.context.ruleSets.keys()]
        : (schemasList(options.context) as { schemas: string[] }).schemas;
      return await answer(response, {
        status: 404,
        code: path.startsWith("/rules/") ? "unknown-rule-set" : "unknown-schema",
        message: `no ${what} ${JSON.stringify(echoText(lastSegment(path)))}; known: ${knownList(known)}`,
        zh: `没有${name} ${JSON.stringify(echoText(lastSegment(path)))}；已有：${knownList(known, undefined, "、")}`,
      });
    }
    if (typeof found === "string") {
      response.writeHead(200, { "Content-Type": JSON_TYPE, "Content-Length": Buffer.byteLength(found) });
      response.end(method === "HEAD" ? undefined : found);
      return;
    }
    await sendDocument(response, 200, found.document);
  }

  /** The document of a GET route (the OpenAPI text as it is), or undefined for an unknown id or name. */
  function getDocument(path: string): { readonly document: unknown } | string | undefined {
    const context = options.context;
    if (path === "/openapi.json") return openApi;
    if (path === "/health")
      return {
        document: {
          status: closing ? "closing" : "ok",
          version: packageJson.version,
          ruleSet: { id: context.ruleSet.id, version: context.ruleSet.version },
          inFlight: active,
        },
      };
    if (path === "/rules") return { document: rulesList(context) };
    if (path === "/schemas") return { document: schemasList(context) };
    const name = lastSegment(path);
    const document = path.startsWith("/rules/") ? ruleSetDocument(name, context) : schemaDocument(name, context);
    return document === undefined ? undefined : { document };
  }

  function failureOf(error: unknown, request: IncomingMessage): Failure {
    if (error instanceof ClientGone)
      return {
        status: 400,
        code: "body-incomplete",
        message: "the connection closed before the body ended",
        zh: "请求体未发送完连接即已关闭",
        headers: { Connection: "close" },
      };
    if (error instanceof TimeoutError)
      return {
        status: 503,
        code: "timeout",
        message: `the request took longer than ${options.timeout} ms (--timeout): send fewer cases at once, or retry later`,
        zh: `请求超过 ${options.timeout} 毫秒（--timeout）：请分批发送案件，或稍后重试`,
        headers: { "Retry-After": "5", Connection: "close" },
      };
    if (error instanceof BodyTooLarge)
      return {
        status: 413,
        code: "body-too-large",
        message: `the body is ${error.size === undefined ? "larger than" : `${error.size} bytes, more than`} the ${options.maxBody} bytes this server reads (--max-body): send the cases in smaller batches`,
        zh: `请求体${error.size === undefined ? "超过" : `为 ${error.size} 字节，超过`}本服务可读取的 ${options.maxBody} 字节（--max-body）：请分批发送案件`,
        headers: { Connection: "close" },
      };
    if (error instanceof WrongContentType)
      return {
        status: 415,
        code: "unsupported-media-type",
        message: `the body must be JSON: send Content-Type: application/json (got ${JSON.stringify(echoText(error.given))})`,
        zh: `请求体须为 JSON：请发送 Content-Type: application/json（收到 ${JSON.stringify(echoText(error.given))}）`,
      };
    if (isInvalidInputError(error)) {
      const count = error.issues.length;
      return {
        status: 422,
        code: "invalid-input",
        message: `${count} problem${count === 1 ? "" : "s"}, nothing computed`,
        zh: `${count} 处问题，未作计算`,
        issues: error.issues,
      };
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const said = SERVE_WITH.internalError(echoText(request.method ?? "", 20), echoText(request.url ?? "", 200), detail);
    options.log(sayLine(said, options.lang, "exitfund serve").replace(/\n$/u, ""));
    return {
      status: 500,
      code: "internal",
      message: "internal error (a bug in exitfund; the server's log has the details)",
      zh: "内部错误（exitfund 的缺陷；详情见服务器日志）",
    };
  }

  async function answer(response: ServerResponse, failure: Failure): Promise<void> {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const issues = failure.issues ?? [];
    // A body left unread is not read to keep the connection: it is closed after the answer.
    if (!response.req.complete) response.setHeader("Connection", "close");
    await sendDocument(
      response,
      failure.status,
      {
        code: failure.code,
        message: failure.message,
        zh: failure.zh,
        ...(failure.issues === undefined ? {} : { issues: issues.slice(0, ISSUE_LIMIT) }),
        ...(issues.length > ISSUE_LIMIT ? { issuesOmitted: issues.length - ISSUE_LIMIT } : {}),
      },
      failure.headers ?? {},
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    host: address.address,
    port: address.port,
    server,
    inFlight: () => active,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        const force = setTimeout(() => server.closeAllConnections(), options.timeout + 1_000);
        // A keep-alive connection that goes idle after its last answer is closed then.
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        server.close(() => {
          clearTimeout(force);
          clearInterval(idle);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}

/**
 * The codes of a body that is not JSON the server reads which a 400 keeps (as the CLI gives them for a file); any
 * other is `malformed-json`.
 */
const BODY_CODES: ReadonlySet<string> = new Set([
  "duplicate-key",
  "not-utf-8",
  "utf-16",
  "not-unicode",
  "replacement-character",
  "control-character",
]);

/**
 * A problem of reading the body (`(body) › [3].id`, a key given twice) at the entry it is in, counted from 1 as
 * the problems of its cases are (`(body) › entry 4 › id`).
 */
function bodyIssueAtEntry(issue: InputIssue, bytes: Uint8Array): InputIssue {
  const prefix = "(body) › ";
  if (!issue.path.startsWith(prefix)) return issue;
  let first = 0;
  while (first < bytes.length && [0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(bytes[first] ?? 0)) first += 1;
  const located = issueAtEntry({ ...issue, path: issue.path.slice(prefix.length) }, bytes[first] === 0x5b);
  return { ...located, path: `${prefix}${located.path}` };
}

function lastSegment(path: string): string {
  const segment = path.slice(path.indexOf("/", 1) + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

class BodyTooLarge extends Error {
  constructor(readonly size: number | undefined) {
    super("body too large");
  }
}

class WrongContentType extends Error {
  constructor(readonly given: string) {
    super("wrong content type");
  }
}

/**
 * Reads a request body: JSON only (`application/json`, UTF-8), at most `maxBody` bytes — a declared length over
 * it is refused before anything is read, and reading stops at the limit (nothing more is kept) — within the
 * request's time limit.
 */
async function readBody(
  request: IncomingMessage,
  response: ServerResponse,
  options: ServeOptions,
  started: number,
): Promise<Uint8Array> {
  const type = request.headers["content-type"] ?? "";
  const [mediaType, ...parameters] = type.split(";").map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith("charset="))?.slice("charset=".length);
  if (
    (mediaType !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(mediaType ?? "")) ||
    (charset !== undefined && charset.replace(/"/g, "") !== "utf-8")
  )
    throw new WrongContentType(type);
  const declared = request.headers["content-length"];
  if (declared !== undefined && Number(declared) > options.maxBody) throw new BodyTooLarge(Number(declared));
  if (/100-continue/i.test(request.headers.expect ?? "")) response.writeContinue();
  const left = options.timeout - (performance.now() - started);
  return await new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish(new TimeoutError()), Math.max(0, left));
    const finish = (error?: Error) => {
      clearTimeout(timer);
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
      request.off("close", onClose);
      if (error === undefined) resolve(Buffer.concat(chunks));
      else {
        request.pause();
        reject(error);
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBody) {
        chunks.length = 0;
        finish(new BodyTooLarge(undefined));
      } else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(error);
    // A client that goes away mid-body may end the request with "close" alone: stop waiting then, not at the
    // time limit (the request would count against --concurrency until it).
    const onClose = () => {
      if (!request.complete) finish(new ClientGone());
    };
    request.on("data", onData);
    request.on("close", onClose);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}

/** Sends `document` as the CLI writes JSON (two-space indentation, a final newline), in pieces. */
async function sendDocument(
  response: ServerResponse,
  status: number,
  document: unknown,
  headers: { readonly [name: string]: string } = {},
): Promise<void> {
  response.writeHead(status, { "Content-Type": JSON_TYPE, ...headers });
  if (response.req.method === "HEAD") {
    response.end();
    return;
  }
  await writeJson(async (text) => {
    // A response whose connection has already closed never drains, and its "close" has already been emitted.
    if (!response.write(text) && !response.destroyed && !response.closed)
      await new Promise<void>((resolve) => {
        const done = () => {
          response.off("drain", done);
          response.off("close", done);
          resolve();
        };
        response.on("drain", done);
        response.on("close", done);
      });
  }, document);
  response.end();
}

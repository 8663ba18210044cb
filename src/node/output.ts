import { fstat, renameSync, unlinkSync, type Stats } from "node:fs";
import { open, realpath, rm, stat, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { echoText } from "../errors/echo.js";
import { writeJson } from "./formats/jsonWrite.js";
import { InvalidInputError } from "../errors/index.js";
import { IoError, UsageError, type CliIo } from "./io.js";
import { NOTICES_WITH, sayLine } from "./messages.js";

/**
 * Every file a command writes (`--out`, the files of `demo --out-dir`) goes through here: it is written to a
 * temporary file in the same folder, flushed to disk, and renamed over the target only when complete, so a
 * signal, a full disk or any error leaves the previous file untouched and no partial file behind. A target
 * that is one of the command's inputs is refused before anything is written.
 */

/** Temporary files being written: removed by {@link removeTemporaryFiles} when the process is interrupted. */
const temporaries = new Set<string>();

/** Removes every temporary file still being written (synchronously: safe in a signal or exit handler). */
export function removeTemporaryFiles(): void {
  for (const path of temporaries) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  temporaries.clear();
}

/** What the process had put out when it was interrupted: see {@link outputSoFar}. */
export interface OutputSoFar {
  /** Data went to standard output: what it received is cut short. */
  readonly stdout: boolean;
  /** The files renamed into place, whole, as the user named them. */
  readonly written: readonly string[];
}

let stdoutWritten = false;
const published: string[] = [];

/** What the process has written so far: the line of an interruption says it (src/node/cli.ts). */
export function outputSoFar(): OutputSoFar {
  return { stdout: stdoutWritten, written: published.map((out) => echoText(out, 200)) };
}

/** A file as the file system knows it: its real path (symlinks resolved) and its device and inode. */
interface FileIdentity {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
}

async function identify(path: string): Promise<FileIdentity | undefined> {
  try {
    const real = await realpath(path);
    const info = await stat(real);
    return { path: real, dev: info.dev, ino: info.ino };
  } catch {
    return undefined;
  }
}

/**
 * What the process's standard input is (a file it is redirected from, `< cases.csv`, or a pipe), when `io` reads
 * the process's stdin; else undefined (a test's buffer).
 */
async function stdinIdentity(io: CliIo): Promise<FileIdentity | undefined> {
  if (io.stdin !== process.stdin) return undefined;
  const info = await new Promise<Stats | undefined>((done) =>
    fstat(0, (error, stats) => done(error === null ? stats : undefined)),
  );
  if (info === undefined) return undefined;
  const path = info.isFile() ? await realpath("/proc/self/fd/0").catch(() => "") : "";
  return { path, dev: info.dev, ino: info.ino };
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.path === b.path || (a.dev === b.dev && a.ino === b.ino);
}

/** An input of a command: how the user named it, and in which role (`<cases>`, `--ledger`, `--rules`, …). */
export interface NamedInput {
  readonly role: string;
  readonly file: string | undefined;
}

/** The files each run has read (recorded by the readers): `--out` may be none of them. */
const readsOfRun = new WeakMap<CliIo, { shown: string; identity: FileIdentity }[]>();

/** Records that the run of `io` read `path` (as the user named it `shown`). */
export async function noteInputRead(io: CliIo, shown: string, path: string): Promise<void> {
  const identity = await identify(path);
  if (identity === undefined) return;
  const reads = readsOfRun.get(io) ?? [];
  reads.push({ shown, identity });
  readsOfRun.set(io, reads);
}

function outIsInput(out: string, input: string, role: string, linked: boolean): UsageError {
  const link = linked ? " (the same file through a link)" : "";
  return new UsageError(
    `--out "${echoText(out)}" is the input ${role} "${echoText(input)}"${link}: writing it would destroy what was read; choose another file (nothing was written)`,
    {
      code: "out-is-input",
      zh: `输出文件 "${echoText(out)}" 就是输入文件 ${role} "${echoText(input)}"${linked ? "（通过链接指向同一文件）" : ""}：写入会毁掉原文件，请另选输出文件（未写入任何内容）`,
    },
  );
}

/**
 * Refuses, before any work, an output that is one of the inputs: the same real path after symlinks, or the
 * same device and inode (a hard link). `-` and bundled rule-set ids (no such file) are not files.
 *
 * @throws UsageError naming both (exit 2).
 */
export async function refuseOutputOverInput(
  io: CliIo,
  outs: readonly (string | undefined)[],
  inputs: readonly NamedInput[],
): Promise<void> {
  for (const out of outs) {
    if (out === undefined || out === "-" || out === "") continue;
    const target = await identify(resolve(io.cwd, out));
    for (const input of inputs) {
      if (input.file === "-") {
        // `- --out /dev/stdin < cases.csv` (or `| …`): the output is what standard input is read from.
        const source = await stdinIdentity(io);
        const info = source === undefined ? undefined : await stat(resolve(io.cwd, out)).catch(() => undefined);
        if (source !== undefined && info !== undefined && info.dev === source.dev && info.ino === source.ino)
          throw outIsInput(out, source.path === "" ? "- (standard input)" : `- (${source.path})`, input.role, true);
        continue;
      }
      if (target === undefined) continue; // a new file cannot be an input
      if (input.file === undefined) continue;
      const source = await identify(resolve(io.cwd, input.file));
      if (source !== undefined && sameFile(target, source))
        throw outIsInput(out, input.file, input.role, resolve(io.cwd, out) !== resolve(io.cwd, input.file));
    }
  }
}

/** A file being written: `write` as often as needed, then `commit` (or `abort` to leave everything as it was). */
export interface OutFile {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flushes, syncs, and renames the temporary file over the target. */
  commit(): Promise<void>;
  /**
   * The first half of `commit`: flushes, syncs and closes the temporary file, and checks the target is still
   * no input; `publish` then renames it over the target, synchronously, so that several files (`demo
   * --out-dir`) are put in place in one step no signal can come between.
   */
  ready(): Promise<void>;
  publish(): void;
  /** Removes the temporary file; the target is untouched. */
  abort(): Promise<void>;
}

const CHUNK = 64 * 1024;

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : "";
}

const REASONS: { readonly [code: string]: readonly [string, string] } = {
  ENOSPC: ["no space left on the device", "磁盘空间不足"],
  EDQUOT: ["the disk quota is exceeded", "超出磁盘配额"],
  EROFS: ["the file system is read-only", "文件系统为只读"],
  EACCES: ["permission denied", "没有写入权限"],
  EPERM: ["the operation is not permitted", "不允许该操作"],
  EIO: ["an input/output error of the device", "设备读写错误"],
  EFBIG: ["the file is too large for the file system", "文件超过文件系统的大小限制"],
  ENAMETOOLONG: ["the file name is too long", "文件名过长"],
};

/** Why a system call failed, in English and Chinese: `ENOSPC (no space left on the device)`. */
export function reasonOf(error: unknown): { en: string; zh: string } {
  const code = errorCode(error);
  const known = Object.hasOwn(REASONS, code) ? REASONS[code] : undefined;
  if (known !== undefined) return { en: `${code} (${known[0]})`, zh: `${known[1]}（${code}）` };
  const message = echoText(error instanceof Error ? error.message : String(error), 120);
  return { en: message, zh: message };
}

function cannotWrite(out: string, error: unknown, previous: boolean): IoError {
  const reason = reasonOf(error);
  const kept = previous ? `; the previous "${echoText(out)}" is untouched` : "";
  return new IoError(`cannot write "${echoText(out)}": ${reason.en}; nothing was written${kept}`, {
    code: "cannot-write",
    zh: `无法写入 "${echoText(out)}"：${reason.zh}；未写入任何内容${previous ? "，原文件保持不变" : ""}`,
  });
}

/**
 * Opens `--out` (relative to the run's working directory) for writing. A regular file (new or existing) is
 * written through a temporary file beside it; a device or pipe (`/dev/stdout`, a FIFO) is written directly.
 *
 * @throws UsageError for a folder or a missing folder (exit 2); IoError when the file cannot be created (exit 74).
 */
export async function openOut(io: CliIo, out: string): Promise<OutFile> {
  if (out === "") throw new UsageError("--out needs a file name", { code: "out-empty", zh: "--out 需要文件名" });
  const path = resolve(io.cwd, out);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory() === true)
    throw new UsageError(`--out "${echoText(out)}" is a folder: give a file name`, {
      code: "out-is-folder",
      zh: `--out "${echoText(out)}" 是文件夹，请给出文件名`,
    });
  if (existing !== undefined && !existing.isFile()) return directOut(out, path);
  const folder = await realpath(dirname(path)).catch(() => undefined);
  if (folder === undefined)
    throw new UsageError(`cannot write "${echoText(out)}": the folder "${echoText(dirname(out))}" does not exist`, {
      code: "out-folder-missing",
      zh: `无法写入 "${echoText(out)}"：文件夹 "${echoText(dirname(out))}" 不存在`,
    });
  const target = existing === undefined ? join(folder, basename(path)) : await realpath(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temporary, "wx", existing === undefined ? 0o666 : existing.mode & 0o777);
  } catch (error) {
    throw cannotWrite(out, error, existing !== undefined);
  }
  temporaries.add(temporary);
  let pending: Uint8Array[] = [];
  let size = 0;
  let closed = false;
  const flush = async () => {
    if (size === 0) return;
    const data = pending.length === 1 ? (pending[0] as Uint8Array) : Buffer.concat(pending);
    pending = [];
    size = 0;
    await handle.write(data);
  };
  const fail = async (error: unknown): Promise<never> => {
    await discard();
    throw error instanceof UsageError || error instanceof IoError
      ? error
      : cannotWrite(out, error, existing !== undefined);
  };
  const discard = async () => {
    if (!closed) {
      closed = true;
      await handle.close().catch(() => undefined);
    }
    await rm(temporary, { force: true }).catch(() => undefined);
    temporaries.delete(temporary);
  };
  const ready = async () => {
    try {
      await flush();
      await handle.sync();
      closed = true;
      await handle.close();
      const now = existing === undefined ? undefined : await identify(target);
      const read = now === undefined ? undefined : readsOfRun.get(io)?.find((r) => sameFile(now, r.identity));
      if (read !== undefined) throw outIsInput(out, read.shown, "file", resolve(io.cwd, out) !== read.identity.path);
    } catch (error) {
      await fail(error);
    }
  };
  const publish = () => {
    try {
      renameSync(temporary, target);
    } catch (error) {
      throw cannotWrite(out, error, existing !== undefined);
    }
    temporaries.delete(temporary);
    published.push(out);
  };
  return {
    async write(chunk) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      pending.push(bytes);
      size += bytes.length;
      if (size >= CHUNK) await flush().catch(fail);
    },
    ready,
    publish,
    async commit() {
      await ready();
      try {
        publish();
      } catch (error) {
        await fail(error);
      }
      await syncFolder(dirname(target));
    },
    abort: discard,
  };
}

/**
 * Renames files made {@link OutFile.ready} into place, all in one synchronous step (no signal handler runs in
 * between). A rename that fails stops there and the files not yet renamed are removed.
 */
export async function publishAll(files: readonly OutFile[]): Promise<void> {
  let failed: { index: number; error: unknown } | undefined;
  for (const [index, file] of files.entries()) {
    try {
      file.publish();
    } catch (error) {
      failed = { index, error };
      break;
    }
  }
  if (failed !== undefined) {
    for (const rest of files.slice(failed.index)) await rest.abort();
    throw failed.error;
  }
}

/** The rename is on disk only once the folder is synced; a file system that cannot sync a folder is left be. */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r").catch(() => undefined);
  if (handle === undefined) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}

/** A device or pipe named as `--out`: written as it comes (there is nothing to rename over). */
async function directOut(out: string, path: string): Promise<OutFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, "w");
  } catch (error) {
    throw cannotWrite(out, error, false);
  }
  const close = () => handle.close().catch(() => undefined);
  return {
    async write(chunk) {
      try {
        await handle.write(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
      } catch (error) {
        await close();
        throw cannotWrite(out, error, false);
      }
    },
    async commit() {
      await close();
    },
    ready: close,
    publish() {
      published.push(out);
    },
    abort: close,
  };
}

type Stream = { write(chunk: string | Uint8Array): unknown };

function isEmitter(target: Stream): target is Stream & NodeJS.EventEmitter {
  const emitter = target as Partial<NodeJS.EventEmitter>;
  return typeof emitter.once === "function" && typeof emitter.on === "function";
}

/** Writes to standard output, waiting while its buffer is full (a slow pipe). */
export async function writeStdout(io: CliIo, chunk: string | Uint8Array): Promise<void> {
  const stdout = io.stdout as Stream;
  if (chunk.length > 0) stdoutWritten = true;
  if (stdout.write(chunk) === false && isEmitter(stdout)) await once(stdout, "drain");
}

/**
 * Writes what `produce` puts to `--out <file>` (atomically: whole or not at all) or to stdout, and says on
 * stderr where a file went.
 */
export async function emitWith(
  io: CliIo,
  out: string | undefined,
  produce: (put: (chunk: string | Uint8Array) => Promise<void>) => Promise<void>,
): Promise<void> {
  if (out === undefined || out === "-") {
    await produce((chunk) => writeStdout(io, chunk));
    return;
  }
  const file = await openOut(io, out);
  try {
    await produce((chunk) => file.write(chunk));
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
  sayWritten(io, out);
}

/** Says on stderr that `out` was written (with how many results it holds, when they were counted). */
export function sayWritten(io: CliIo, out: string, results?: number): void {
  io.stderr.write(sayLine(NOTICES_WITH.wrote(echoText(out, 200), results), io.lang));
}

/**
 * An input error found while results were being written (a streamed file): each issue says, in English and in
 * Chinese, that the output was removed.
 */
export function foundWhileWriting(error: InvalidInputError): InvalidInputError {
  return new InvalidInputError(
    error.issues.map((issue) => ({
      ...issue,
      message: `${issue.message} (found while writing: the output was removed)`,
      // An issue without its Chinese still gets the Chinese of what happened to the output.
      zh: `${issue.zh ?? issue.message}（写出时发现，输出已删除）`,
    })),
  );
}

/** Writes `content` whole to `--out <file>` (atomically) or to stdout. */
export function emit(io: CliIo, content: string | Uint8Array, out: string | undefined): Promise<void> {
  return emitWith(io, out, (put) => put(content));
}

/** Writes a JSON document as {@link jsonText} would, streamed in pieces (a document of any size). */
export function emitJson(io: CliIo, value: unknown, out: string | undefined): Promise<void> {
  return emitWith(io, out, (put) => writeJson(put, value));
}

/** JSON as the CLI prints it: two-space indentation and a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

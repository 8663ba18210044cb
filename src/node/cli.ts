import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EXIT } from "./io.js";
import { takeLang, type Lang } from "./lang.js";
import { MESSAGES_WITH, sayLine } from "./messages.js";
import { outputSoFar, reasonOf, removeTemporaryFiles } from "./output.js";
import { processIo, runCli } from "./run.js";

// The `exitfund` bin: runs the CLI with the process's arguments and streams, and sets the exit status.
function isMain(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** Ends the process now: any `--out` still being written is removed first (the previous file stays as it was). */
function leave(code: number, line?: string): never {
  removeTemporaryFiles();
  if (line !== undefined && !stderrBroken) {
    try {
      process.stderr.write(`${line}\n`);
    } catch {
      // nothing more can be said
    }
  }
  process.exit(code);
}

let stderrBroken = false;

/** The language of the lines said here: `--lang`, else the locale's (English if `--lang` is bad). */
function chosenLang(): Lang {
  try {
    return takeLang(process.argv.slice(2), process.env).lang;
  } catch {
    return "en";
  }
}

if (isMain()) {
  process.on("exit", removeTemporaryFiles);
  for (const [signal, code] of [
    ["SIGINT", EXIT.interrupted],
    ["SIGTERM", EXIT.terminated],
    ["SIGHUP", 129],
  ] as const)
    process.on(signal, () =>
      leave(code, `\n${sayLine(MESSAGES_WITH.interrupted(signal, outputSoFar()), chosenLang()).trimEnd()}`),
    );
  // A closed pipe (`exitfund … | head`) ends the output quietly, as Unix tools do; any other failure to write
  // standard output (a full disk, a device error) is an I/O error: one line and exit 74, never "findings".
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") leave(process.exitCode === undefined ? EXIT.ok : Number(process.exitCode));
    leave(EXIT.io, sayLine(MESSAGES_WITH.cannotWriteStdout(reasonOf(error)), chosenLang()).trimEnd());
  });
  // stderr closed early (`2>&1 | head`): the run goes on and keeps its own exit status; any other failure is 74.
  process.stderr.on("error", (error: NodeJS.ErrnoException) => {
    stderrBroken = true;
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    leave(EXIT.io);
  });
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      leave(EXIT.internal, sayLine(MESSAGES_WITH.internalError(detail), chosenLang()).trimEnd());
    },
  );
}

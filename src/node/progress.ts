import type { Lang } from "./lang.js";
import { NOTICES_WITH, PROGRESS_LABELS, say, sayLine, type Said } from "./messages.js";
import { own } from "./own.js";
import { terminalWidth } from "./table.js";

/** Where progress is drawn: standard error. */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  /** Writes the bar's `\r` as it is (the CLI's stderr escapes control characters in `write`). */
  readonly writeControl?: (chunk: string) => unknown;
}

export interface ProgressOptions {
  readonly stream: ProgressStream;
  /** How many units make the whole job (cases); 0 when not known (a count and a rate are shown). */
  readonly total: number;
  /** What is being done: `checking`, `collecting`, `computing` (said in `lang`; another label as it is). */
  readonly label: string;
  /** The language of the report (default English). */
  readonly lang?: Lang;
  /** The clock in milliseconds (injected so tests need no real time). */
  readonly now?: () => number;
  /** `--progress`: report even when the stream is not a terminal (plain lines). */
  readonly force?: boolean;
}

/** A running progress report: `tick` as units are done, `done` at the end (clears the bar). */
export interface Progress {
  tick(count?: number): void;
  done(): void;
}

/** A bar appears only when a job runs longer than this. */
export const PROGRESS_DELAY_MS = 1000;
/** The bar is redrawn at most this often (about 10 times a second). */
export const REDRAW_MS = 100;
/** Plain lines: one every 10 % of the job, or every 2 seconds, whichever comes first. */
export const LINE_MS = 2000;
const BAR_WIDTH = 24;
const NONE: Progress = { tick: () => undefined, done: () => undefined };

/**
 * A progress report on stderr: on a terminal a bar (done/total, rate per second, time left) redrawn with
 * `\r` at most ~10 times a second once the job has run about a second, and cleared at the end; when
 * stderr is not a terminal nothing, unless `force` asks for plain lines. Never writes to stdout.
 */
export function createProgress(options: ProgressOptions): Progress {
  if (options.stream.isTTY === true) return terminalProgress(options);
  return options.force === true ? lineProgress(options) : NONE;
}

/** The words of a progress label. */
function labelOf(options: ProgressOptions): Said {
  return own(PROGRESS_LABELS, options.label) ?? { zh: options.label, en: options.label };
}

interface State {
  done: number;
  readonly start: number;
}

function rate(state: State, now: number): number {
  const seconds = (now - state.start) / 1000;
  return seconds > 0 ? state.done / seconds : 0;
}

/** Seconds as `12 s` (`12 秒`) or `3:07`. */
export function duration(seconds: number, lang: Lang = "en"): string {
  if (!Number.isFinite(seconds)) return "?";
  const whole = Math.max(0, Math.round(seconds));
  return whole < 60
    ? say(NOTICES_WITH.seconds(whole), lang)
    : `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

function figures(
  options: ProgressOptions,
  state: State,
  now: number,
): { count: string; percent: number; perSecond: string; left: string } {
  const perSecond = rate(state, now);
  const percent = options.total > 0 ? Math.min(100, Math.floor((state.done / options.total) * 100)) : 100;
  return {
    count:
      options.total > 0
        ? `${state.done.toLocaleString("en-US")}/${options.total.toLocaleString("en-US")}`
        : state.done.toLocaleString("en-US"),
    percent,
    perSecond: say(NOTICES_WITH.perSecond(Math.round(perSecond).toLocaleString("en-US")), options.lang),
    left: duration(perSecond > 0 ? (options.total - state.done) / perSecond : Number.POSITIVE_INFINITY, options.lang),
  };
}

function terminalProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const state: State = { done: 0, start: now() };
  let lastDraw = Number.NEGATIVE_INFINITY;
  let width = 0;
  const draw = (text: string) => (options.stream.writeControl ?? options.stream.write).call(options.stream, text);
  return {
    tick(count = 1) {
      state.done += count;
      const time = now();
      if (time - state.start < PROGRESS_DELAY_MS || time - lastDraw < REDRAW_MS) return;
      lastDraw = time;
      const { count: shown, percent, perSecond, left } = figures(options, state, time);
      const filled = Math.round((percent / 100) * BAR_WIDTH);
      const label = say(labelOf(options), options.lang);
      const line =
        options.total > 0
          ? `${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${shown} ${percent}% ${perSecond} ${say(NOTICES_WITH.barLeft(left), options.lang)}`
          : `${label} ${shown} ${perSecond}`;
      // Padded by columns, not characters: a Chinese character takes two.
      const columns = terminalWidth(line);
      draw(`\r${line}${" ".repeat(Math.max(0, width - columns))}`);
      width = Math.max(width, columns);
    },
    done() {
      if (width > 0) draw(`\r${" ".repeat(width)}\r`);
      width = 0;
    },
  };
}

function lineProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const state: State = { done: 0, start: now() };
  let lastLine = state.start;
  let lastTenth = 0;
  return {
    tick(count = 1) {
      state.done += count;
      const time = now();
      const tenth = options.total > 0 ? Math.floor((state.done / options.total) * 10) : 0;
      if (tenth <= lastTenth && time - lastLine < LINE_MS) return;
      lastTenth = Math.max(lastTenth, tenth);
      lastLine = time;
      const { count: shown, percent, perSecond, left } = figures(options, state, time);
      const known = options.total > 0;
      options.stream.write(
        sayLine(
          NOTICES_WITH.progress(
            labelOf(options),
            shown,
            perSecond,
            known ? percent : undefined,
            known ? left : undefined,
          ),
          options.lang,
        ),
      );
    },
    done() {
      const time = now();
      const took = duration((time - state.start) / 1000, options.lang);
      options.stream.write(
        sayLine(NOTICES_WITH.progressDone(labelOf(options), state.done.toLocaleString("en-US"), took), options.lang),
      );
    },
  };
}

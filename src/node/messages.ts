import type { Lang } from "./lang.js";

/** One text for people in both languages (the CLI's message catalogue: every entry has both). */
export interface Said {
  readonly zh: string;
  readonly en: string;
}

/** A catalogue entry whose text takes values (a count, a name): both languages take the same ones. */
export type SaidWith<A extends readonly unknown[]> = (...values: A) => Said;

/** The text of `said` in `lang`. */
export function say(said: Said, lang: Lang | undefined): string {
  return lang === "zh" ? said.zh : said.en;
}

/** What each command does, one line (the overview `exitfund --help` and docs/cli*.md). */
export const SUMMARIES = {
  compute: {
    zh: "计算个案：应付谁多少钱、由哪一级财政支付、依据是什么",
    en: "compute cases: who is owed how much, by which payer, and why",
  },
  verify: {
    zh: "住建委的土地腾退申报逐项核定表（核定表）",
    en: "the housing commission's item-by-item verification sheet (核定) of land-clearing declarations",
  },
  audit: {
    zh: "重算每个个案并与支付台账比对（少付、多付、未付……）",
    en: "recompute every case and diff it against the payment ledger (underpaid, overpaid, unpaid, …)",
  },
  budget: {
    zh: "按乡镇、支付方、路径、年度汇总应付金额；加 `--cap` 时按比例分配到分",
    en: "roll up what is owed by township, payer, track, year; with --cap a fen-exact pro-rata allocation",
  },
  compare: {
    zh: "假设分析：两套规则之间的差异，逐案列出并归因到每个参数",
    en: "what-if: the change between two rule sets, per case and attributed to each parameter",
  },
  report: {
    zh: "给领导看的单个自包含网页：合计、图表、核定、审计、每个个案",
    en: "one self-contained HTML page for the directors: totals, charts, verification, audit, every case",
  },
  demo: {
    zh: "对合成示例区（`examples/tongzhou-2016`）计算、核定并审计",
    en: "compute, verify and audit the synthetic sample district (examples/tongzhou-2016)",
  },
  rules: {
    zh: "打印解析后的规则集（每个值都有日期、出处和状态）",
    en: "print the resolved rule set (every value dated, cited, with its status)",
  },
  template: {
    zh: "为某类个案或台账写出待填写的空白 `CSV`/`XLSX` 表（表头为中英文）",
    en: "write a blank CSV/XLSX sheet to fill in for a case kind or the ledger (headers in English and 中文)",
  },
  serve: {
    zh: "以 `HTTP` `JSON` 接口提供这些文档（`POST /compute`、`/audit` 等；见 `docs/serve.md`）",
    en: "serve these documents over HTTP as a JSON API (POST /compute, /audit, …; docs/serve.md)",
  },
  test: {
    zh: "运行一个区的测试个案：其规则集必须给出的金额、路径和发现",
    en: "run a district's fixtures: cases with the amounts, tracks and findings its rule set must give",
  },
  schema: {
    zh: "打印某类个案、台账行或规则集的 `JSON Schema`",
    en: "print the JSON Schema of a case kind, a ledger row or a rule set",
  },
  "verify-receipt": {
    zh: "核对结果的回执：按案件重算，确认规则集、输入与金额与写出时一致",
    en: "tie a written result to its rules and facts: recompute it from the cases and check its receipt",
  },
} as const satisfies { readonly [command: string]: Said };

/** The CLI's texts that are not a command's own (the overview, unknown commands, usage footers). */
export const MESSAGES = {
  tagline: {
    zh: "产业退出项目的资金计算，精确且可解释",
    en: "the money of an industry-exit programme, exact and explained",
  },
  usage: {
    zh: "用法：exitfund <命令> [选项]     exitfund <命令> --help     exitfund help <命令>",
    en: "Usage: exitfund <command> [options]     exitfund <command> --help     exitfund help <command>",
  },
  commands: { zh: "命令：", en: "Commands:" },
  langOption: {
    zh: "每个命令都接受 `--lang zh|en`：文字的语言；默认随系统区域设置（`LC_ALL`、`LC_MESSAGES`、`LANG`，以 zh 开头即中文），否则为英文。",
    en: "Every command takes --lang zh|en: the language of its texts; by default the locale's (LC_ALL, LC_MESSAGES, LANG; zh* is Chinese), else English.",
  },
  exitStatus: {
    zh: "退出状态：0 正常；1 有需要处理的发现；2 输入或用法有误（所有问题都列在 `stderr`）；\n74 文件或流无法读写；130/143 被中断（`SIGINT`/`SIGTERM`）；70 exitfund 自身的缺陷。\n数据写到 `stdout`，消息写到 `stderr`。每个 `--out` 要么完整写出，要么完全不写（见 `docs/files.md`）。",
    en: "Exit status: 0 ok; 1 findings that need attention; 2 bad input or usage (every problem listed on stderr);\n74 a file or stream could not be read or written; 130/143 interrupted (SIGINT/SIGTERM); 70 a bug in exitfund.\nData goes to stdout, messages to stderr. Every --out is written whole or not at all (docs/files.md).",
  },
  reference: { zh: "命令行参考", en: "CLI reference" },
} as const satisfies { readonly [key: string]: Said };

/** Texts that take values. */
export const MESSAGES_WITH = {
  unknownCommand: ((name: string, close: string | undefined, known: string) => ({
    zh: `未知命令 "${name}"${close === undefined ? "" : `（是否想输入 ${close}？）`}；可用命令：${known}（参见 exitfund --help）`,
    en: `unknown command "${name}"${close === undefined ? "" : ` (did you mean ${close}?)`}; commands: ${known} (see exitfund --help)`,
  })) satisfies SaidWith<[string, string | undefined, string]>,
  interrupted: ((signal: string) => ({
    zh: `被 \`${signal}\` 中断：未写出任何 --out 文件（原有文件保持不变）`,
    en: `interrupted by ${signal}: no --out file was written (a previous one is untouched)`,
  })) satisfies SaidWith<[string]>,
} as const;

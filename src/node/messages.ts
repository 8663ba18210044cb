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
  helpTakesOneCommand: ((given: readonly string[]) => ({
    zh: `help 只接受一个命令名，收到 ${given.map((name) => `"${name}"`).join("、")}（子命令的说明：exitfund <命令> <子命令> --help）`,
    en: `help takes one command name; got ${given.map((name) => `"${name}"`).join(", ")} (a subcommand's help: exitfund <command> <subcommand> --help)`,
  })) satisfies SaidWith<[readonly string[]]>,
  cannotWriteStdout: ((reason: Said) => ({
    zh: `无法写入标准输出：${reason.zh}`,
    en: `cannot write to standard output: ${reason.en}`,
  })) satisfies SaidWith<[Said]>,
  internalError: ((detail: string) => ({
    zh: `内部错误（exitfund 的缺陷，请报告）：${detail}`,
    en: `internal error (a bug in exitfund; please report it): ${detail}`,
  })) satisfies SaidWith<[string]>,
  interrupted: ((signal: string, soFar: { readonly stdout: boolean; readonly written: readonly string[] }) => {
    const cut = soFar.stdout
      ? {
          zh: "：标准输出不完整（只有部分结果）；",
          en: ": standard output is incomplete (it holds part of the results); ",
        }
      : { zh: "：", en: ": " };
    const files =
      soFar.written.length === 0
        ? {
            zh: "未写出任何 --out 文件（原有文件保持不变）",
            en: "no --out file was written (a previous one is untouched)",
          }
        : { zh: `已完整写出：${soFar.written.join("、")}`, en: `already written whole: ${soFar.written.join(", ")}` };
    return { zh: `被 \`${signal}\` 中断${cut.zh}${files.zh}`, en: `interrupted by ${signal}${cut.en}${files.en}` };
  }) satisfies SaidWith<[string, { readonly stdout: boolean; readonly written: readonly string[] }]>,
} as const;

/** `exitfund verify-receipt`: its help and the lines of its report (src/node/commands/verify-receipt.ts). */
export const VERIFY_RECEIPT = {
  help: {
    en: `Usage: exitfund verify-receipt <result> --cases <file> [--rules <file|id>] [--programme <module>] [--ledger <file>] [--map <file>] [--format text|json] [--lang zh|en]

Checks a result exitfund wrote — a JSON document (compute, verify, audit, budget, totals), the NDJSON
of compute, or a workbook with its 回执 sheet — against the cases it says it was computed from: the
receipt's rule set (id, version, SHA-256 of the resolved rule set) and input (SHA-256 of the cases'
canonical JSON) are computed again, and so is every amount the result shows (docs/auditors.md).

  <result>            the JSON, NDJSON or .xlsx file exitfund wrote (- for standard input)
  --cases <file>      the cases, as compute reads them (.json, .ndjson, .csv, .xlsx); for a 核定表 or
                      a results workbook, the whole input file (the receipt hashes every case computed)
  --rules <id|file>   the rule set (a bundled id or a file; default tongzhou-2016)
  --programme <file>  the programme module the result was computed with (docs/extending.md)
  --ledger <file>     for an audit: the payment ledger, so the audit is recomputed in full
  --map <file>        a mapping of the cases' own headers (docs/files.md, "Mappings")
  --format text       one line per check (rules, programme, input, amounts, exitfund version); the default
  --format json       { ok, checks: [ { check, ok, written, recomputed, differences? } ], receipt }
  --lang zh|en        the language of the text report (default: the locale's)
  -h, --help          show this help

A rule set changed names its id, version or hash; an input changed names the case ids added, removed
or whose outcome changed (when the result lists them); an amount changed names the case, the field and
old → new. Another exitfund version is a notice, not a failure, unless an amount differs.
Exit status: 0 every check passed; 1 something differs (listed); 2 bad input or usage.

Examples:
  exitfund compute cases.json --out results.json
  exitfund verify-receipt results.json --cases cases.json
  exitfund verify-receipt 核定表.xlsx --cases 申报.xlsx --rules my-district.json`,
    zh: `用法：exitfund verify-receipt <结果> --cases <文件> [--rules <文件|编号>] [--programme <模块>] [--ledger <文件>] [--map <文件>] [--format \`text\`|\`json\`] [--lang zh|en]

核对 exitfund 写出的结果——\`JSON\` 文档（compute、verify、audit、budget、\`totals\`）、compute 的 \`NDJSON\`，
或带「回执」表的工作簿——与其所称的计算依据（案件）是否一致：重新计算回执中的规则集（编号、版本、
解析后规则集的 \`SHA-256\`）与输入（案件规范 \`JSON\` 的 \`SHA-256\`），并重算结果中列出的每一笔金额
（见 \`docs/auditors.md\`）。

  <结果>              exitfund 写出的 \`JSON\`、\`NDJSON\` 或 \`.xlsx\` 文件（- 表示标准输入）
  --cases <文件>      案件，格式与 compute 读取的相同（\`.json\`、\`.ndjson\`、\`.csv\`、\`.xlsx\`）；核定表或结果
                      工作簿须给出完整的输入文件（回执对计算的全部案件取哈希）
  --rules <编号|文件> 规则集（内置编号或文件；默认 \`tongzhou-2016\`）
  --programme <文件>  计算该结果所用的方案模块（见 \`docs/extending.md\`）
  --ledger <文件>     审计结果专用：支付台账，以便完整重算审计
  --map <文件>        案件自有表头的映射（见 \`docs/files.md\`「映射」）
  --format \`text\`     每项核对一行（规则集、方案、输入、金额、exitfund 版本）；默认
  --format \`json\`     { \`ok\`, \`checks\`: [ { \`check\`, \`ok\`, \`written\`, \`recomputed\`, \`differences\`? } ], \`receipt\` }
  --lang zh|en        文字报告的语言（默认随系统区域设置）
  -h, --help          显示本帮助

规则集改变时列出改变的编号、版本或哈希；输入改变时列出新增、删除或结果改变的案件编号（结果中列有案件时）；
金额改变时列出案件、字段及「原值 → 新值」。exitfund 版本不同只作提示，除非金额不同，否则不算不一致。
退出状态：0 全部一致；1 有不一致（逐项列出）；2 输入或用法有误。

示例：
  \`exitfund compute 案件.json --out 结果.json\`
  \`exitfund verify-receipt 结果.json --cases 案件.json\`
  \`exitfund verify-receipt 核定表.xlsx --cases 申报.xlsx --rules 本区规则.json\``,
  },
  rules: { zh: "规则集", en: "rules" },
  programme: { zh: "方案", en: "programme" },
  input: { zh: "输入", en: "input" },
  amounts: { zh: "金额", en: "amounts" },
  exitfund: { zh: "exitfund 版本", en: "exitfund version" },
  matches: { zh: "一致", en: "matches" },
  none: { zh: "（无）", en: "(none)" },
  checksOut: {
    zh: "回执核对一致：规则集、方案、输入与金额均与重算相符",
    en: "the receipt checks out: rules, programme, input and amounts match what was recomputed",
  },
} as const satisfies { readonly [key: string]: Said };

/** `exitfund verify-receipt`'s texts that take values (written and recomputed values are data, shown as they are). */
export const VERIFY_RECEIPT_WITH = {
  differs: ((written: string, recomputed: string) => ({
    zh: `写出时为 ${written}，重算为 ${recomputed}`,
    en: `written ${written} ≠ recomputed ${recomputed}`,
  })) satisfies SaidWith<[string, string]>,
  versionNotice: ((written: string, now: string) => ({
    zh: `写出时为 ${written}，现为 ${now}：仅作提示（以金额是否一致为准）`,
    en: `written by ${written}, now ${now}: a notice only (the amounts decide)`,
  })) satisfies SaidWith<[string, string]>,
  shown: ((cases: number | undefined, totals: number) => ({
    zh: cases === undefined ? `${totals} 项合计` : `${cases} 个案件、${totals} 项合计`,
    en:
      cases === undefined
        ? `${totals} total${totals === 1 ? "" : "s"}`
        : `${cases} case${cases === 1 ? "" : "s"}, ${totals} total${totals === 1 ? "" : "s"}`,
  })) satisfies SaidWith<[number | undefined, number]>,
  added: ((count: number) => ({ zh: `新增案件（${count} 件）`, en: `cases added (${count})` })) satisfies SaidWith<
    [number]
  >,
  removed: ((count: number) => ({ zh: `删除案件（${count} 件）`, en: `cases removed (${count})` })) satisfies SaidWith<
    [number]
  >,
  changed: ((count: number) => ({
    zh: `结果改变的案件（${count} 件）`,
    en: `cases whose outcome changed (${count})`,
  })) satisfies SaidWith<[number]>,
  more: ((count: number) => ({
    zh: `……另有 ${count} 处（\`--format json\` 列出全部）`,
    en: `… and ${count} more (--format json lists them all)`,
  })) satisfies SaidWith<[number]>,
  failed: ((count: number) => ({
    zh: `回执核对不一致：${count} 项不符`,
    en: `the receipt does not check out: ${count} check${count === 1 ? "" : "s"} differ${count === 1 ? "s" : ""}`,
  })) satisfies SaidWith<[number]>,
} as const;

/** A line on stderr: `exitfund：…` in Chinese, `exitfund: …` in English (`who` names a part, as in `exitfund serve`). */
export function sayLine(said: Said, lang: Lang | undefined, who = "exitfund"): string {
  return `${who}${lang === "zh" ? "：" : ": "}${say(said, lang)}\n`;
}

/** `1 result`, `2 results`: an English count with its noun (Chinese counts take no plural). */
function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? noun : plural}`;
}

/** What is being done while a progress report runs (src/node/progress.ts). */
export const PROGRESS_LABELS = {
  checking: { zh: "检查", en: "checking" },
  collecting: { zh: "收集", en: "collecting" },
  computing: { zh: "计算", en: "computing" },
} as const satisfies { readonly [label: string]: Said };

/** The lines the CLI writes on stderr as it works: files written, totals, progress, the server starting and stopping. */
export const NOTICES_WITH = {
  wrote: ((file: string, results?: number) => ({
    zh: `已写出 ${file}${results === undefined ? "" : `（${results.toLocaleString("en-US")} 个结果）`}`,
    en: `wrote ${file}${results === undefined ? "" : ` (${counted(results, "result")})`}`,
  })) satisfies SaidWith<[string, number?]>,
  totals: ((count: number, municipal: string, district: string, total: string) => ({
    zh: `${count.toLocaleString("en-US")} 个结果；合计（元）：市级 ${municipal}，区级 ${district}，合计 ${total}`,
    en: `${counted(count, "result")}; totals (yuan): municipal ${municipal}, district ${district}, total ${total}`,
  })) satisfies SaidWith<[number, string, string, string]>,
  townshipTotals: ((township: string, municipal: string, district: string, total: string) => ({
    zh: `${township}：市级 ${municipal}，区级 ${district}，合计 ${total}`,
    en: `${township}: municipal ${municipal}, district ${district}, total ${total}`,
  })) satisfies SaidWith<[string, string, string, string]>,
  seconds: ((seconds: number) => ({ zh: `${seconds} 秒`, en: `${seconds} s` })) satisfies SaidWith<[number]>,
  perSecond: ((rate: string) => ({ zh: `${rate}/秒`, en: `${rate}/s` })) satisfies SaidWith<[string]>,
  barLeft: ((left: string) => ({ zh: `剩余 ${left}`, en: `${left} left` })) satisfies SaidWith<[string]>,
  progress: ((label: Said, count: string, rate: string, percent?: number, left?: string) => ({
    zh: `正在${label.zh} ${count}${percent === undefined ? `，${rate}` : `（${percent}%），${rate}，约剩 ${left ?? "?"}`}`,
    en: `${label.en} ${count}${percent === undefined ? `, ${rate}` : ` (${percent}%), ${rate}, about ${left ?? "?"} left`}`,
  })) satisfies SaidWith<[Said, string, string, number?, string?]>,
  progressDone: ((label: Said, count: string, time: string) => ({
    zh: `${label.zh}完成：${count} 个，用时 ${time}`,
    en: `${label.en} done: ${count} in ${time}`,
  })) satisfies SaidWith<[Said, string, string]>,
} as const;

/** `exitfund serve`'s lines on stderr (src/node/commands/serve.ts); each is said after `exitfund serve：` / `: `. */
export const SERVE_WITH = {
  readableToken: ((file: string) => ({
    zh: `警告：--token-file "${file}" 可被其他用户读取（请执行 \`chmod 600\`）`,
    en: `warning: --token-file "${file}" can be read by other users (chmod 600 it)`,
  })) satisfies SaidWith<[string]>,
  exposed: ((host: string) => ({
    zh: `警告：服务监听 ${host}，其他机器可以访问，且未设令牌：任何能访问它的人都能使用它；请给出 --token-file（见 \`docs/serve.md\`「安全」）`,
    en: `warning: listening on ${host}, reachable from other machines, without a token: anyone who can reach it can use it; give --token-file (docs/serve.md, "Security")`,
  })) satisfies SaidWith<[string]>,
  listening: ((url: string, ruleSet: string, version: string, token: boolean) => ({
    zh: `正在监听 ${url}（规则集 ${ruleSet} 第 ${version} 版；${token ? "须提供令牌" : "未设令牌"}；接口说明：\`GET ${url}/openapi.json\`）`,
    en: `listening on ${url} (rule set ${ruleSet} v${version}; ${token ? "token required" : "no token"}; GET ${url}/openapi.json)`,
  })) satisfies SaidWith<[string, string, string, boolean]>,
  stopping: ((signal: string, inFlight: number) => ({
    zh: `收到 \`${signal}\`：不再接受新连接；正在完成进行中的 ${inFlight} 个请求（再发一次立即停止）`,
    en: `${signal}: no new connections; finishing ${inFlight} request(s) in flight (again to stop now)`,
  })) satisfies SaidWith<[string, number]>,
  stopped: { zh: "已停止", en: "stopped" } satisfies Said,
  /** A request that hit an unexpected error; `detail` is the stack trace, kept as is. */
  internalError: ((method: string, url: string, detail: string) => ({
    zh: `处理 ${method} ${url} 时发生内部错误（exitfund 的缺陷，请报告）：${detail}`,
    en: `internal error on ${method} ${url} (a bug in exitfund; please report it): ${detail}`,
  })) satisfies SaidWith<[string, string, string]>,
} as const;

/** What a capped budget did (`budget --cap`, on stderr): the kinds paid in full, what the rest shared, the extra fen. */
export interface AllocationSaid {
  /** The payer: its Chinese name and its code. */
  readonly payer: Said;
  readonly cap: string;
  readonly owed: string;
  /** The kinds paid in full: Chinese names and codes, in the same order. */
  readonly fullKinds: { readonly zh: readonly string[]; readonly en: readonly string[] };
  readonly fullCases: number;
  readonly fullSum: string;
  readonly rest: string;
  readonly extra: number;
  /** When the cap cannot pay the full kinds in full: the allocation's warning (what happened, what it needs). */
  readonly short?: Said;
}

/** `exitfund budget`'s lines on stderr (src/node/commands/budget.ts). */
export const BUDGET_WITH = {
  allocation: ((a: AllocationSaid) => ({
    zh: `budget：${a.payer.zh}上限 ${a.cap} 元，应付 ${a.owed} 元；${
      a.short !== undefined
        ? `注意：${a.short.zh}`
        : `${
            a.fullKinds.zh.length === 0
              ? "没有足额优先支付的类别"
              : `先足额支付${a.fullKinds.zh.join("、")}：${a.fullCases.toLocaleString("en-US")} 个个案共 ${a.fullSum} 元`
          }；其余个案按比例分配 ${a.rest} 元`
    }；${a.extra.toLocaleString("en-US")} 个个案多分 1 分${a.extra === 0 ? "" : "（--verbose 列出）"}`,
    en: `budget: ${a.payer.en} cap ${a.cap} for ${a.owed} owed; ${
      a.short !== undefined
        ? `warning: ${a.short.en}`
        : `${
            a.fullKinds.en.length === 0
              ? "no kind paid in full"
              : `paid in full first: ${a.fullKinds.en.join(", ")}, ${a.fullSum} to ${counted(a.fullCases, "case")}`
          }; the other cases share ${a.rest} pro rata`
    }; ${counted(a.extra, "case")} got an extra fen${a.extra === 0 ? "" : " (--verbose lists them)"}`,
  })) satisfies SaidWith<[AllocationSaid]>,
} as const;

/** `exitfund test`'s report (src/node/commands/test.ts): failures field by field, the summary, its problems, `--update`. */
export const TEST_WITH = {
  failed: ((file: string, name: string) => ({
    zh: `失败 ${file} › ${name}`,
    en: `FAIL ${file} › ${name}`,
  })) satisfies SaidWith<[string, string]>,
  expectsNothing: {
    zh: "未给出预期值：请填写应得结果（或运行 --update）",
    en: "expects nothing: give the values it must compute (or run --update)",
  } satisfies Said,
  /** One field of a failing test; `field` is said by its Chinese name in zh and its code in en, both padded. */
  differs: ((field: Said, expected: string, got: string) => ({
    zh: `${field.zh}：预期 ${expected}，实际 ${got}`,
    en: `${field.en}  expected ${expected}, got ${got}`,
  })) satisfies SaidWith<[Said, string, string]>,
  missing: ((codes: string) => ({ zh: `缺少：${codes}`, en: `missing: ${codes}` })) satisfies SaidWith<[string]>,
  extra: ((codes: string) => ({ zh: `多出：${codes}`, en: `unexpected: ${codes}` })) satisfies SaidWith<[string]>,
  nothing: { zh: "（无）", en: "(nothing)" } satisfies Said,
  summary: ((passed: number, failed: number, errors: number, tests: number, files: number) => ({
    zh: `通过 ${passed}，失败 ${failed}，错误 ${errors}（${files} 个文件共 ${tests} 项测试）`,
    en: `${passed} passed, ${failed} failed, ${counted(errors, "error")} (${counted(tests, "test")} in ${counted(files, "file")})`,
  })) satisfies SaidWith<[number, number, number, number, number]>,
  problems: ((count: number) => ({
    zh: `test：测试文件有 ${count} 处问题，相关测试未运行：`,
    en: `test: ${counted(count, "problem")} in the fixtures, those tests not run:`,
  })) satisfies SaidWith<[number]>,
  rewrite: ((failed: number, files: number, names: string) => ({
    zh: `${files} 个文件中 ${failed} 项失败测试的预期值`,
    en: `the expected values of ${counted(failed, "failing test")} in ${counted(files, "file")} (${names})`,
  })) satisfies SaidWith<[number, number, string]>,
  ask: ((what: Said) => ({ zh: `改写${what.zh}？ [y/N] `, en: `Rewrite ${what.en}? [y/N] ` })) satisfies SaidWith<
    [Said]
  >,
  nothingWritten: { zh: "未写入任何内容", en: "nothing was written" } satisfies Said,
} as const;
